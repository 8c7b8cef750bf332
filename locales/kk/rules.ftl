### Қазақстан ережелері: жоспар, қадамдар, құжаттар, мерзімдер, ескертпелер мен
### дереккөздер, сондай-ақ заңгерлерге арналған каталог есебі. Күндер, сомалар мен
### сілтемелер дайын мәтін болып келеді; көптік түр үшін сандар сан болып келеді.
### Күн «2026 жылғы 30 қараша» түрінде келеді. Жалғау керек болса, DATE функциясын
### қолданамыз: { DATE($date, case: "dative") } → «2026 жылғы 30 қарашаға»; септіктер:
### genitive, dative, accusative, locative, ablative (limitative = dative).

-egov = egov.kz
-psc = ХҚКО
-enbek-migration = migration.enbek.kz
-migration-police = { $case ->
    [dative] көші-қон полициясына
    [locative] көші-қон полициясында
    [ablative] көші-қон полициясынан
    [genitive] көші-қон полициясының
   *[nominative] көші-қон полициясы
}
-mci = АЕК
-iin = ЖСН
-trp = уақытша тұруға рұқсат
-labour-permit = еңбекші көшіп келушіге рұқсат

## Жоспар: мәртебе

plan-lines = { $lines }
plan-separator = { "" }
plan-status-legal = Соңғы заңды күніңіз: { $date } — { $days ->
    [0] бүгін соңғы күн
    [one] { $days } күн қалды
   *[other] { $days } күн қалды
}
plan-status-overstay = Заңды болу мерзіміңіз { DATE($date, case: "locative") } біткен. Мерзімнен { $days ->
    [one] { $days } күн
   *[other] { $days } күн
} асып кеттіңіз.
plan-overstay-now = Қазір не істеу керек: Қазақстаннан шығыңыз немесе болуыңызды реттеу үшін бүгін { -migration-police(case: "dative") } барыңыз. Кешіктірмеңіз.
plan-status-unknown = Білетінім бойынша болу мерзіміңізді әзірге есептей алмаймын.
plan-official-help = { -psc }-да, { -egov } сайтында немесе { -migration-police(case: "locative") } нақтылаңыз.
plan-deadlines-header = Негізгі күндер:
plan-deadline = { $kind }: { $date } ({ $rule })

## Жоспар: қадамдар тізімі

plan-checklist-header = Қадамдарыңыз — орындалғаны: { $done } / { $total }
plan-no-steps = Әзірге қадам жоқ.
plan-step = { $n }. { $title } ({ $rule })
plan-step-done = ✓ { $n }. { $title } ({ $rule })
plan-step-due = Мерзімі: { $date }
plan-step-where = Қайда: { $link }
plan-step-documents = Құжаттар:
plan-step-document = • { $doc }
plan-step-free = Құны: тегін
plan-step-cost = Құны: { $cost } теңге
plan-step-cost-monthly = Құны: айына { $cost } теңге
plan-step-cost-estimate = Құны: шамамен { $cost } теңге (болжам)
plan-step-cost-monthly-estimate = Құны: айына шамамен { $cost } теңге (болжам)

## Жоспар: ескертпелер, дереккөздер, ескерту

plan-notes-header = Білген жөн:
plan-note = • { $note } ({ $rule })
plan-note-plain = • { $note }
plan-sources-header = Бұл мәліметтер қайдан алынды:
plan-sources-none = Бұл жоспарда әзірге ереже жоқ.
plan-source-rule = { $rule } { $title } — тексерілді: { $date }
plan-source = – { $url } ({ $kind ->
    [updated] жаңартылды: { $date }
    [checked] тексерілді: { $date }
   *[published] { $date }
})
plan-source-undated = – { $url } (күні көрсетілмеген)
plan-disclaimer = Бұл — заң кеңесі емес, ақпарат. Ережелер өзгереді: { -psc }-да, { -egov } сайтында немесе { -migration-police(case: "locative") } нақтылаңыз.

## The plan as phone screens

plan-home-unconfirmed = ⚠️ Кейбір мәліметтер расталмаған: «Білген жөн» бөлімін қараңыз.
plan-next-header = Әрі қарай не істеу керек:
plan-all-done = Барлық қадам орындалды. ✓
plan-notes-none = Әзірге басқа ештеңе жоқ.
plan-unconfirmed = ⚠️ Расталмаған, тексеріп алыңыз.
plan-list-step = { $mark }{ $n }. { $title } — { $date }
plan-list-step-undated = { $mark }{ $n }. { $title }
plan-key-date = { $kind }: { $date }


## Қадамдар: қысқа атауы («орындалды» батырмасында да) және қалай істеу керек

step-unknown = Жоспарыңыздағы қадам
step-leave-or-regularise = Қазір елден шығыңыз немесе { -migration-police(case: "dative") } барыңыз
    .short = Шығу не полицияға бару
step-leave-or-regularise-how = Әр артық күн жағдайды қиындатады. Паспортыңызды алыңыз.
step-host-notice-check = Қабылдаушы тарап келгеніңіз туралы хабарлағанын тексеріңіз
    .short = Келу туралы хабарлама
step-host-notice-check-how = Қабылдаушы тарап (қонақүй, пәтер иесі, жұмыс беруші немесе жеке адам) төмендегі мерзімге дейін { -migration-police(case: "dative") } келгені туралы хабарлама беруі тиіс. Хабарламаны көрсетуін сұраңыз.
step-self-register = Көші-қон полициясында тіркеліңіз
    .short = Полицияда тіркелу
step-self-register-how = Деректеріңізді және қабылдаушы тараптың мекенжайын { -migration-police(case: "genitive") } жүйесіне енгізіңіз. Үй иесі қосымшада растайды, сізге электрондық анықтама беріледі.
step-employer-permit-check = Жұмыс берушінің шетелдіктерді жалдауға рұқсаты барын тексеріңіз
    .short = Жұмыс берушінің рұқсаты
step-employer-permit-check-how = Шетелдік жұмыс күшін тартуға рұқсатты сіз емес, жұмыс беруші жергілікті атқарушы органнан алады. Жұмысты бастамас бұрын көрсетуін сұраңыз.
step-register-contract = Еңбек шартыңыз тіркелгенін тексеріңіз
    .short = Еңбек шартын тексеру
step-register-contract-how = ЕАЭО азаматтарына жұмысқа рұқсат керек емес, бірақ шарт ЕСУТД жүйесіне енгізілуі немесе азаматтық-құқықтық шарт болуы тиіс.
step-get-iin = { -iin } алыңыз
    .short = { -iin } алу
step-get-iin-how = { -psc }-да, өзіңіз барып аласыз. { -iin } жұмысқа, банкке және салыққа керек.
step-labour-tax-prepay = Рұқсат үшін табыс салығын алдын ала төлеңіз
    .short = Рұқсат салығын төлеу
step-labour-tax-prepay-how = Тұратын жеріңізде, рұқсаттың әр айы үшін, өтініш бермес бұрын төлеңіз. Түбіртектерді сақтаңыз.
step-labour-permit-apply = Еңбекші көшіп келушіге рұқсат алуға өтініш беріңіз
    .short = Еңбек рұқсатына өтініш
step-labour-permit-apply-how = Тек онлайн, eGov арқылы (38-1 қызметі). Өтінішке сіз де, жұмыс беруші де қол қояды. Алдымен { -iin } керек.
step-labour-permit-extend = Еңбекші көшіп келушіге рұқсатты ұзартыңыз
    .short = Еңбек рұқсатын ұзарту
step-labour-permit-extend-how = Алдымен жаңа айлар үшін салық төлеңіз, содан соң рұқсат мерзімі біткенше eGov арқылы өтініш беріңіз.
step-kandas-apply = Қандас мәртебесін алуға өтініш беріңіз
    .short = Қандас мәртебесі
step-kandas-apply-how = { -enbek-migration } сайтында, Enbek Migration қосымшасында, консулдықта немесе { -psc }-да.
step-nomad-visa-apply = Neo Nomad (B12-1) визасына өтініш беріңіз
    .short = Neo Nomad визасы
step-nomad-visa-apply-how = Шетелден тұрақты табыс алып, қашықтан жұмыс істейтіндерге арналған (табыстың мөлшері төмендегі құжаттарда), сотталмағандық анықтамасы мен сақтандыру керек.
step-apply-trp = Уақытша тұруға рұқсат алыңыз
    .short = Тұруға рұқсат алу
step-apply-trp-how = Рұқсат етілген мерзім біткенше { -egov } сайтында немесе { -psc }-да өтініш беріңіз. Әдетте 1–2 жұмыс күні алады.
step-study-trp = Оқу үшін уақытша тұруға рұқсат алыңыз
    .short = Оқуға тұру рұқсаты
step-study-trp-how = Өтінішті оқу орныңыз береді. Құжаттарыңызды оларға ерте тапсырыңыз.
step-family-trp = Отбасыңызбен тұру үшін уақытша тұруға рұқсат алыңыз
    .short = Отбасымен тұру рұқсаты
step-family-trp-how = { -egov } сайтында немесе { -psc }-да туыстығыңызды растайтын құжатпен өтініш беріңіз.
step-renew-trp = Уақытша тұруға рұқсатты ұзартыңыз
    .short = Тұру рұқсатын ұзарту
step-renew-trp-how = Мерзімі біткенше { -egov } сайтында немесе { -psc }-да өтініш беріңіз.
step-employer-permit-renewal = Жұмыс беруші рұқсатын ұзартатынын тексеріңіз
    .short = Жұмыс берушінің ұзартуы
step-employer-permit-renewal-how = Уақытша тұруға рұқсатыңыздың мерзімі жұмыс берушінің рұқсатына байланысты. Ұзарту туралы ерте сұраңыз.
step-leave-by-last-day = Соңғы заңды күніңізге дейін елден шығыңыз
    .short = Соңғы күнге дейін шығу
step-leave-by-last-day-how = Немесе оған дейін тиісті рұқсат алыңыз. Ұзағырақ қалу — мерзімнен асу, айыппұл салынуы мүмкін.

## Құжаттар

doc-application-form = Өтініш
doc-passport = Паспорт
doc-health-insurance = Медициналық сақтандыру
doc-owner-consent = Тұрғын үй иесінің нотариат куәландырған келісімі
doc-fingerprint-certificate = Дактилоскопиялық тіркеу туралы анықтама
doc-purpose-documents = Болу мақсатын растайтын құжаттар
doc-employment-contract = Еңбек шарты
doc-application-signed-both = Сіз және жұмыс беруші қол қойған өтініш
doc-tax-receipts = Салықты алдын ала төлегені туралы түбіртектер
doc-passport-border-mark = Соңғы { $border_mark_months } айдағы шекарадан өту белгісі бар паспорт
doc-medical-certificate-028 = 028/у нысанды медициналық анықтама ({ $medical_certificate_months } айдан ескі емес)
doc-health-insurance-full-term = Рұқсаттың бүкіл мерзіміне медициналық сақтандыру
doc-intent-agreement = Жұмысқа алу ниеті туралы келісім (алғашқы рұқсат) немесе еңбек шарты (ұзарту)
doc-passport-translation = Аты-жөніңіз кириллицамен де, латынмен де жазылмаса, паспорттың нотариат куәландырған аудармасы
doc-institution-request = Оқу орнының өтінішхаты
doc-family-tie-proof = Туыстықты растайтын құжат
doc-income-proof = { $income_months } ай бойы айына { $income_usd_per_month } АҚШ долларынан астам табысты растайтын құжат
doc-clean-record = Сотталмағандығы туралы анықтама

## Мерзімдер

deadline-stay-limit = Соңғы заңды күн
deadline-registration = Тіркелу мерзімі
deadline-host-notice = Келгені туралы хабарлама мерзімі
deadline-trp-end = Уақытша тұруға рұқсат бітеді
deadline-permit-end = Рұқсат бітеді
deadline-visa-end = Виза бітеді
deadline-tax-prepayment = Рұқсат салығын төлеу мерзімі
deadline-document-validity = Шекара белгісі рұқсат үшін жарамды соңғы күн

## Ескертпелер

note-need-citizenship = Ережелеріңізді анықтау үшін азаматтығыңызды көрсетіңіз.
note-home-citizen = Сіз Қазақстан азаматысыз: бұл болу ережелері шетелдіктерге арналған.
note-need-entry = Күндеріңізді санау үшін Қазақстанға соңғы рет кірген күніңізді көрсетіңіз.
note-not-in-table = Еліңіз визасыз елдер тізімімде жоқ, сондықтан сізге виза керек болуы ықтимал. Тізімім толық емес: { -egov } сайтында немесе { -migration-police(case: "locative") } нақтылаңыз.
note-visa-required = Еліңіздің азаматтарына виза керек. Визаңыз бар ма және ол қашан бітетінін көрсетіңіз.
note-need-trp-end = Мерзіміңізді есептеу үшін уақытша тұруға рұқсатыңыз қашан бітетінін көрсетіңіз.
note-need-visa-end = Визаңыз қашан бітетінін көрсетіңіз: болу мерзімін визаның күндері анықтайды.
note-need-permit-end = Уақытында еске салу үшін рұқсатыңыз қашан бітетінін көрсетіңіз.
note-trp-ended-before-entry = Уақытша тұруға рұқсатыңыздың мерзімі сіз кірмей тұрып біткен, сондықтан ол бұл жолғы болуды қамтымайды. Күндерді тексеріңіз.
note-visa-ended-before-entry = Визаңыздың мерзімі сіз кірмей тұрып біткен, сондықтан ол бұл жолғы болуды қамтымайды. Күндерді тексеріңіз.
note-rules-before = { DATE($date, case: "dative") } дейінгі кірулер бұрынғы ережелермен есептелген, ал ол ережелер менде жоқ. Бұл жөнінде { -migration-police(case: "locative") } нақтылаңыз.
note-exit-day-counted = Шығатын күніңізді де Қазақстанда болған күн деп санаймын. Бұл расталмаған, бірақ осылай қауіпсізірек.
note-prior-days-unknown = Мұнда бұрын болған күндеріңізді білмеймін, сондықтан оларды нөл деп санадым. Нақты мерзіміңіз ертерек бітуі мүмкін: соңғы 180 күндегі күндеріңізді санаңыз.
note-window-used-up = Бұрын болған күндеріңізбен рұқсат етілген мерзім толып қалған болуы мүмкін. Дереу { -migration-police(case: "dative") } барыңыз.
note-overstay-warning = { $days ->
    [one] { $days } күнге
   *[other] { $days } күнге
} дейін асу: ескерту.
note-overstay-fine = { $days ->
    [one] { $days } күнге
   *[other] { $days } күнге
} дейін асу: { $mci } { -mci } айыппұл ({ $cost } теңге).
note-overstay-longer = { $days ->
    [one] { $days } күннен
   *[other] { $days } күннен
} астам асу: айыппұл көбірек, шығарып жіберу де мүмкін. Нақты сомалары расталмаған.
note-overstay-ban = Сот шешімімен шығарып жіберілсе, { $years ->
    [one] { $years } жылға
   *[other] { $years } жылға
} елге кіруге тыйым салынады. Қайта-қайта бұзғандарды елге кіргізбеуі мүмкін.
note-kandas-clock-runs = Маңызды: қандас мәртебесіне өтінішіңіз қаралып жатқанда да визасыз күндеріңіз саналады. Басқаша ойлағандар айыппұл төлеген.
note-no-paid-work-visa-free = Визасыз болу кезінде ақылы жұмыс істеуге болмайды. Рұқсаттарыңыз рәсімделген соң ғана жұмысқа кірісіңіз.
note-no-work-or-study-visa-free = Еліңіздің азаматтарына визасыз болу жұмыс істеуге де, оқуға да құқық бермейді. Қандай виза керек екенін { -migration-police(case: "ablative") } сұраңыз.
note-remote-work = Шетелдегі жұмыс берушіге қашықтан жұмыс: бұған Neo Nomad визасы арналған. Сізге сай келетінін тексеріңіз.
note-need-employer = Қадамдарыңызды көрсету үшін сізді кім жалдайтынын айтыңыз (жеке тұлға, компания немесе шетелдегі жұмыс беруші).
note-household-not-eligible = Жеке тұлғаға жұмыс істеуге арналған { -labour-permit } еліңіздің азаматтарына берілмейді. Басқа жолдарды { -migration-police(case: "ablative") } сұраңыз.
note-household-eligibility-unconfirmed = Еліңізді бұл рұқсат үшін тек ескі дереккөз атайды. Өтініш бермес бұрын { -egov } сайтында нақтылаңыз.
note-labour-permit-term-unconfirmed = Рұқсат { $min_months } айдан { $max_months } айға дейін беріледі. Ең ұзақ жалпы мерзімі мен жас шегі (18–60) расталмаған.
note-employer-change = Жұмыс берушіні ауыстырсаңыз, уақытша тұруға рұқсатты { $days ->
    [one] { $days } күн
   *[other] { $days } күн
} ішінде қайта рәсімдеу керек.
note-student-rules = Студенттік визамен жұмыс істеуге болмайды. Оқу біткенде елден шығу керек.
note-family-term = Отбасы үшін уақытша тұруға рұқсат әдетте 1 жылға дейін беріледі және туысыңыздың рұқсатынан ұзақ болмайды.
note-nomad-no-local-work = Neo Nomad визасы барлар Қазақстандағы жұмыс берушілерге жұмыс істей алмайды.
note-trp-fee-unknown = Уақытша тұруға рұқсат үшін мемлекеттік баж таппадым; өтініш бергенде сұраңыз.
note-host-notice-after-self-registration = Өз бетінше тіркелумен ({ DATE($date, case: "ablative") } бастап) қатар қабылдаушы тараптың хабарламасы да керек пе — расталмаған. Екеуін де жасаған қауіпсіз.
note-self-registration-move = Көшсеңіз, жаңа мекенжай бойынша { $days ->
    [one] { $days } жұмыс күні
   *[other] { $days } жұмыс күні
} ішінде тіркеліңіз.
note-holidays-unknown = { $year } жылдың мерекелер тізімі менде жоқ, сондықтан тек демалыс күндерін өткіздім. Нақты мерзім сәл кешірек болуы мүмкін.
note-cost-estimate = { $year } жылғы { -mci } әлі белгісіз; сомалар { $used } жылғы мәнмен есептелді, олар — болжам.
note-confirm-uncertain = Мұндағы кейбір ережелер толық расталмаған ({ $rules }). { -psc }-да, { -egov } сайтында немесе { -migration-police(case: "locative") } нақтылаңыз.
note-country-uncertain = Еліңізге арналған болу ережелері толық расталмаған (сенімділік: { $confidence }). Мен сақтықпен есептеймін; { -migration-police(case: "locative") } нақтылаңыз.
note-azerbaijan-registration = Мұнда 30 күннен астам болатын Әзербайжан азаматтары тіркелуі керек (толық расталмаған). { -migration-police(case: "locative") } нақтылаңыз.
note-group-unconfirmed = Ескі дереккөздер бойынша еліңізге 90 күнге дейін рұқсат. Бұл расталғанша бір кіруге { $per_entry_days } күн және { $window_days } күннің ішінде { $window_limit_days } күн деп санаймын.
note-turkmenistan-regional-exception = Балқан велаятының тұрғындары Атырау және Маңғыстау облыстарында визасыз 5 күн бола алады. Бұл сізге қатысты ма — { -migration-police(case: "ablative") } сұраңыз.

## Сенімділік

confidence-high = жоғары
confidence-medium = орташа
confidence-low = төмен

## Ережелер

rule-r1 = Визасыз болу: бір кіруге { $per_entry_days } күн, { $window_days } күннің ішінде { $window_limit_days } күн
rule-r2 = ЕАЭО азаматтары: { $window_days } күннің ішінде { $window_limit_days } күн
rule-r6 = Қабылдаушы тараптың келгені туралы хабарламасы
rule-r7 = { $calendar_days } күн ішінде өз бетінше тіркелу
rule-r8 = Болу мерзімінен асу
rule-r9 = Уақытша тұруға рұқсат
rule-r10 = Жұмыскерлер мен олардың отбасыларына уақытша тұруға рұқсат
rule-r11 = Еңбекші көшіп келушіге рұқсат (жеке тұлғаға жұмыс)
rule-r12 = Рұқсат үшін алдын ала төленетін табыс салығы
rule-r13 = Шетелдік жұмыс күшін тартуға рұқсат
rule-r14 = { -iin }
rule-r15 = Студенттер
rule-r16 = Отбасын біріктіру
rule-r17 = Қандастар
rule-r18 = Цифрлық көшпенділер
rule-r19 = Тұрақты тұру: шетелде болу

## Елдер топтары

rule-group-eaeu = ЕАЭО елдері
rule-group-uzbekistan = Өзбекстан
rule-group-tajikistan = Тәжікстан
rule-group-azerbaijan = Әзербайжан
rule-group-unconfirmed-90 = Ережелері расталмаған елдер
rule-group-china = Қытай
rule-group-turkey = Түркия
rule-group-india-iran = Үндістан мен Иран
rule-group-one-sided = Біржақты визасыз режимдегі елдер
rule-group-visa-required = Виза керек

## Мерекелер

rule-holiday-new-year = Жаңа жыл
rule-holiday-orthodox-christmas = Православиелік Рождество
rule-holiday-womens-day = Халықаралық әйелдер күні
rule-holiday-nauryz = Наурыз мейрамы
rule-holiday-unity-day = Қазақстан халқының бірлігі мерекесі
rule-holiday-defender-day = Отан қорғаушы күні
rule-holiday-victory-day = Жеңіс күні
rule-holiday-kurban-ait = Құрбан айт (бірінші күні)
rule-holiday-capital-day = Астана күні
rule-holiday-constitution-day = Конституция күні
rule-holiday-republic-day = Республика күні
rule-holiday-independence-day = Тәуелсіздік күні

## Ереже параметрлері (каталог есебі)

rule-param-per-entry-days = Бір кіруге күн
rule-param-window-days = Кезең, күн
rule-param-window-limit-days = Кезеңде рұқсат етілген күн
rule-param-visa-runs-end = «Виза-ран» тоқтаған күн
rule-param-working-days = Жұмыс күні
rule-param-host-fine-small-business-mci = Қабылдаушы тарапқа айыппұл: лауазымды тұлғалар, шағын бизнес, ҮЕҰ ({ -mci })
rule-param-host-fine-medium-business-mci = Қабылдаушы тарапқа айыппұл: орта бизнес ({ -mci })
rule-param-host-fine-large-business-mci = Қабылдаушы тарапқа айыппұл: ірі бизнес ({ -mci })
rule-param-in-force-from = Күшіне енген күні
rule-param-calendar-days = Күнтізбелік күн
rule-param-move-working-days = Көшкен соң қайта тіркелуге жұмыс күні
rule-param-warning-max-days = Ескертумен асу, ең көбі күн
rule-param-fine-max-days = Айыппұлмен асу, ең көбі күн
rule-param-fine-mci = Айыппұл ({ -mci })
rule-param-entry-ban-years = Сот шешімімен шығарып жіберілгеннен кейін кіруге тыйым, жыл
rule-param-stay-over-days = Уақытша тұруға рұқсат керек, болу мерзімі (күннен астам)
rule-param-stay-over-days-eaeu = ЕАЭО азаматтарына уақытша тұруға рұқсат керек (күннен астам)
rule-param-eaeu-group = ЕАЭО тобы
rule-param-processing-working-days-max = Қарау, ең көбі жұмыс күні
rule-param-fingerprints-required-from = Дактилоскопия міндетті болған күн
rule-param-late-application-days-unconfirmed = Кешігіп өтініш беру, күн (расталмаған)
rule-param-max-months = Ең ұзақ мерзім, ай
rule-param-employer-change-days = Жұмыс берушіні ауыстырғанда рұқсатты қайта рәсімдеуге күн
rule-param-eligible = Құқығы бар азаматтықтар
rule-param-eligible-unconfirmed = Құқығы бар азаматтықтар (расталмаған)
rule-param-min-months = Ең қысқа мерзім, ай
rule-param-online-only-from = Тек онлайн басталған күн
rule-param-processing-days = Қарау, күн
rule-param-border-mark-months = Шекара белгісінің ескілігі, ең көбі ай
rule-param-medical-certificate-months = Медициналық анықтаманың ескілігі, ең көбі ай
rule-param-fee-mci-per-month = Айына салық ({ -mci })
rule-param-vacancy-posting-days = Бос орын enbek.kz сайтында кемінде неше күн бұрын
rule-param-vacancy-posting-from = Бос орын ережесі күшіне енген күн
rule-param-intra-corporate-years = Корпорация ішінде ауыстыру, жыл
rule-param-fee-mci = Алым ({ -mci })
rule-param-in-person-from = Тек өзі келу талабы басталған күн
rule-param-decision-working-days = Шешім, жұмыс күні
rule-param-extension-months = Ұзарту, ең көбі ай
rule-param-income-usd-per-month = Айлық табыс, АҚШ долларынан астам
rule-param-income-months = Табыс кезеңі, ай
rule-param-absence-days = Күнтізбелік жылда шетелде болған күн, одан асса рұқсат жойылады

## Каталог есебі

rule-report-title = Ережелер каталогы: { $rules } ереже, { $countries } ел, { $groups } топ
rule-report-intro = Боттың сүйенетін мәліметтері: дереккөздерімен, тексерілген күндерімен және сенімділігімен, тексеруге арналған. Бұл — заң кеңесі емес, ақпарат.
rule-report-rule = { $rule } — { $title } ({ $slug })
rule-report-confidence = Сенімділік: { $confidence }. Тексерілді: { $date }.
rule-report-param = { $name }: { $value }
rule-report-documents = Құжаттар:
rule-report-link = Қайда: { $link }
rule-report-sources = Дереккөздер:
rule-report-groups-header = Елдер топтары
rule-report-home = { $code }: азаматтар; бұл ережелер оларға арналмаған.
rule-report-group = { $group } — { $rule }, сенімділік: { $confidence }
rule-report-visa-required = Виза керек; болу мерзімін визаның күндері анықтайды.
rule-report-per-entry = Бір кіруге { $days ->
    [one] { $days } күнге
   *[other] { $days } күнге
} дейін
rule-report-window = Кез келген { $window } күннің ішінде ең көбі { $limit ->
    [one] { $limit } күн
   *[other] { $limit } күн
}
rule-report-work-without-permit = Рұқсатсыз, шарт бойынша жұмыс істей алады
rule-report-no-work-or-study = Визасыз болу кезінде жұмыс істеуге де, оқуға да болмайды
rule-report-self-registration = Өз бетінше тіркелу (R7) қолданылуы мүмкін
rule-report-valid-from = { DATE($date, case: "ablative") } бастап кіргендерге
rule-report-countries = { $codes } — { $source } ({ $date }), сенімділік: { $confidence }
rule-report-default-group = Кестеде жоқ кез келген ел осы топқа жатады.
rule-report-holidays = { $year } жылғы мерекелер (сенімділік: { $confidence }; { $source })
rule-report-holiday = { $date } — { $name }
rule-report-substitutes = Қаулымен ауыстырылған демалыс күндері енгізілмеген, сондықтан жұмыс күнімен саналатын мерзімдер нақтысынан тек ертерек шығуы мүмкін.
rule-report-mci-header = Жылдар бойынша { -mci }
rule-report-mci = { $year }: { $amount } теңге — { $source } ({ $date })
rule-report-mci-undated = { $year }: { $amount } теңге — { $source }
rule-report-mci-fallback = Кестеде жоқ жыл үшін сомалар соңғы белгілі жылмен есептеліп, болжам деп белгіленеді.
