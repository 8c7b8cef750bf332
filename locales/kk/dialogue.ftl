# Диалог: сәлемдесу, сұрақтар, батырмалар, қорытынды және пайдаланушы кездестіретін қателер.
# Әр id en/ және ru/ ішінде де бар, айнымалылары бірдей.

-bot = Жолсерік

## Сәлемдесу және көмек

welcome = Сәлеметсіз бе! Мен { -bot }, Қазақстандағы жолсерігіңізбін. Бірнеше қысқа сұрақ қойып, қанша уақыт тұра алатыныңызды және не істеу керегін, қай мерзімге дейін екенін көрсетемін. Жауаптарыңыз тек менде сақталады; /delete оларды өшіреді.
welcome-back = Қайта оралуыңызбен! Тоқтаған жерден жалғастырайық.
help =
    Мен Қазақстандағы шетелдіктерге болу және рұқсат мерзімдерін өткізіп алмауға көмектесемін.
    Батырмамен немесе мәтінмен жауап беріңіз.
    /back — алдыңғы сұрақ
    /me — жауаптарыңыз
    /plan — жоспарыңыз
    /sources — ережелер қайдан алынған
    /reminders — жақындағы еске салулар
    /calendar — мерзімдеріңіз күнтізбе файлымен
    /trips — бұрынғы сапарларыңыз: қосу, өзгерту, өшіру
    /human — адамнан сұрау: ұйымның кеңесшісі
    /language — тілді ауыстыру
    /restart — басынан бастау
    /export — барлық деректеріңіз
    /delete — барлық деректеріңізді өшіру
    Бұл заң кеңесі емес, ақпарат.
language-set = Жақсы, қазақша сөйлесеміз.

## Тіл

q-language = Қай тілде сөйлесеміз?
# Each language in its own name, the same in every locale.
lang-ru = Русский
lang-kk = Қазақша
lang-en = English
lang-uz = Oʻzbekcha
lang-tg = Тоҷикӣ
lang-ky = Кыргызча

## Азаматтық

q-citizenship = Қай елдің төлқұжаты бар? Төменнен таңдаңыз немесе елдің атауын жазыңыз.
country = { $country }
btn-other-country = Басқа ел
q-citizenship-typed = Елдің атауын немесе кодын жазыңыз (мысалы: Өзбекстан немесе UZ).
q-citizenship-confirm = { $country } деп айтқыңыз келді ме?
q-citizenship-choose = Қай елді айтқыңыз келді?
err-country-unknown = Мұндай елді таба алмадым. Жазылуын тексеріңіз немесе екі әріпті кодын жазыңыз (мысалы: TJ).
info-citizen-kz = Сіз Қазақстан азаматысыз, сондықтан болу мерзімдері сізге қатысты емес. Бұл бот шетелдіктерге арналған. Басқа елдің төлқұжаты болса, сол елді таңдаңыз.

## Келген күн

q-entry = Қазақстанға соңғы рет қай күні кірдіңіз? Күнді мысалы { $example } түрінде жазыңыз немесе батырманы басыңыз.
btn-today = Бүгін
btn-yesterday = Кеше
err-date-unrecognized = Күнді оқи алмадым. Былай жазыңыз: { $example } немесе { $date }.
err-date-impossible = Күнтізбеде мұндай күн жоқ. Күн мен айды тексеріңіз, мысалы { $example }.
err-date-future = Бұл күн әлі келген жоқ. Кірген күніңізді жазыңыз, мысалы { $example }.
err-date-too-old = Бұл күн { $years } жылдан бұрын болған. Жылды тексеріңіз, мысалы { $example }.
err-date-too-far = Құжат үшін бұл күн тым алыс. Жылды тексеріңіз, мысалы { $example }.
err-date-year-missing = Жылын қосыңызшы, мысалы { $example }.

## Соңғы 180 күндегі күндер

btn-prior-none = Бірде-бір күн
btn-prior-unknown = Білмеймін
err-prior-days = 0-ден { $max }-ге дейінгі күн санын жазыңыз немесе батырманы басыңыз.
days-count = { $days ->
    [one] { $days } күн
   *[other] { $days } күн
}

## Мақсат

q-purpose = Қазақстанға қандай мақсатпен келдіңіз?
purpose-work = Жұмыс
    .short = Жұмыс
purpose-study = Оқу
    .short = Оқу
purpose-family = Отбасы
    .short = Отбасы
purpose-visit = Қонаққа немесе туризм
    .short = Қонаққа немесе туризм
purpose-business = Іссапар
    .short = Іссапар
purpose-kandas = Қандас
    .short = Қандас
purpose-nomad = Шетелдік жұмыс берушіге қашықтан жұмыс
    .short = Шетелге қашықтан жұмыс
purpose-other = Басқа
    .short = Басқа

## Жұмыс беруші

q-employer = Жұмыс берушіңіз кім?
employer-household = Жеке тұлға (үй шаруасы)
    .short = Жеке тұлға (үй шаруасы)
employer-company = Қазақстандағы компания немесе жеке кәсіпкер
    .short = Компания не кәсіпкер
employer-abroad = Шетелдегі жұмыс беруші
    .short = Шетелдегі жұмыс беруші

## Құжаттар

q-documents = Қандай құжаттарыңыз бар? Барын белгілеп, «Дайын» батырмасын басыңыз.
held-trp = Уақытша тұруға рұқсат
    .short = Уақытша тұруға рұқсат
held-labour-permit = Еңбекші көшіп келушіге рұқсат
    .short = Көшіп келушіге рұқсат
held-work-permit = Жұмыс берушінің шетелдік жұмыс күшін тартуға рұқсаты
    .short = Жұмыс берушінің рұқсаты
held-visa = Виза
    .short = Виза
held-iin = { -iin }
    .short = { -iin }
# Сол атаулар сөйлем ішінде.
held-trp-in-text = уақытша тұруға рұқсат
held-labour-permit-in-text = { -labour-permit }
held-work-permit-in-text = жұмыс берушінің шетелдік жұмыс күшін тартуға рұқсаты
held-visa-in-text = виза
held-iin-in-text = { -iin }
btn-doc = { $document }
btn-doc-selected = ✅ { $document }
btn-docs-none = Бұлардың ешқайсысы жоқ
btn-docs-done = Дайын
q-document-end = «{ $document }» қай күнге дейін жарамды? Күнді мысалы { $example } түрінде жазыңыз.
note-document-expired = Назар аударыңыз: «{ $document }» мерзімі { DATE($date, case: "locative") } аяқталған. Мұны ескеремін.

## Қорытынды

summary =
    Жауаптарыңызды тексеріңіз:
    { $answers }
summary-citizenship = Азаматтық: { $value }
summary-entry = Соңғы кірген күн: { $value }
summary-prior-days = Кіруге дейінгі { $window_days } күндегі күндер: { $value }
summary-purpose = Мақсат: { $value }
summary-employer = Жұмыс беруші: { $value }
summary-documents = Құжаттар: { $value }
summary-document = • { $document }
summary-document-until = • { $document }, { DATE($date, case: "dative") } дейін жарамды
summary-document-expired = • { $document }, мерзімі { DATE($date, case: "locative") } аяқталған
summary-not-given = әлі жауап жоқ
date = { $date }
btn-correct = ✅ Бәрі дұрыс
btn-change = ✏️ Жауапты өзгерту
q-change-which = Қай жауапты өзгертесіз?
field-citizenship = Азаматтық
field-entry = Кірген күн
field-prior-days = Кіруге дейінгі күндер
field-purpose = Мақсат
field-employer = Жұмыс беруші
field-documents = Құжаттар
btn-back-to-summary = ↩️ Қорытындыға оралу

## Жоспардың тізімі

plan-actions = Қадамды орындағанда ⬜ басыңыз (қайта бассаңыз, белгі алынады). Қадамды толық көру үшін оның атауын басыңыз.
btn-step-done = ⬜ Орындалды
btn-step-undo = ✅ Орындалды
btn-step-open = { $number }. { $step }
btn-plan-steps = 📋 Барлық қадамдар
btn-plan-notes = 💡 Білген жөн
btn-plan-sources = 📚 Дереккөздер
btn-plan-calendar = 📅 Күнтізбе (.ics)
btn-plan-back = ↩️ Артқа
plan-not-ready = Жоспар әлі дайын емес: алдымен сұрақтарға жауап беріңіз.
plan-free-text = Жоспарыңыз дайын. /plan оны қайта көрсетеді, /me — жауаптарыңыз, /restart — басынан бастау.

## Қайта бастау, өшіру, жүктеп алу

confirm-restart = Басынан бастаймыз ба? Жауаптарыңыз өшіріледі.
btn-confirm-restart = Иә, басынан бастау
confirm-delete = Сіз туралы білетінімнің бәрін өшірейін бе? Мұны қайтару мүмкін емес.
btn-confirm-delete = Иә, бәрін өшіру
btn-cancel = Болдырмау
btn-yes = Иә
btn-no = Жоқ
restarted = Жауаптар өшірілді. Басынан бастайық.
deleted = Дайын: сіз туралы бәрі өшірілді. Қайта бастағыңыз келсе, /start жіберіңіз.
cancelled = Бас тартылды. Ештеңе өзгерген жоқ.
export-intro = Сіз туралы сақтағанымның бәрі:

## Қиындықтар

err-unknown-command = /{ $command } командасын білмеймін. /help не істей алатынымды көрсетеді.
err-not-understood = Бұл хабарламаны түсінбедім.
err-use-buttons = Батырмалардың бірімен жауап беріңіз.
err-stale-button = Бұл батырма ескірген. Міне, қазіргі сұрақ.
err-unsupported-input = Мен тек мәтін мен батырмаларды оқимын.
err-first-question = Бұл бірінші сұрақ.
err-storage = Кешіріңіз, жауабыңызды қазір сақтай алмадым. Бір минуттан кейін қайта жіберіңізші.
store-reset-notice = Бот жаңарды, бірақ бұрынғы жауаптарыңызды оқи алмады. Кешіріңіз! Сұрақтарға қайта жауап беріңізші, бұған бір минуттай ғана уақыт кетеді.
