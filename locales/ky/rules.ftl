### Казакстандын эрежелери: план, анын кадамдары, документтер, мөөнөттөр, эскертүүлөр жана булактар,
### ошондой эле текшерүүчүлөр үчүн эрежелер каталогу. Даталар, акча жана шилтемелер даяр текст
### болуп келет; сандар көптүк түрлөр үчүн сан катары келет.
### Даталарды жөндөмө менен жазуу үчүн DATE($date, case: "...") колдонулат: мүчөнү (-га чейин,
### -да, -дан баштап) функция өзү улайт, колго мүчө кошпойбуз.
### { -psc } жана { -migration-police } терминдеринин case параметри бар (nominative, genitive, dative,
### accusative, locative, ablative; -psc: nominative, dative, locative); параметрсиз — атооч жөндөмө.
### { -migration-police } кичине тамга менен башталат, ошондуктан сүйлөмдүн башында колдонулбайт.

-egov = egov.kz
-psc = { $case ->
    [dative] Калкты тейлөө борборуна (ЦОН)
    [locative] Калкты тейлөө борборунда (ЦОН)
   *[nominative] Калкты тейлөө борбору (ЦОН)
}
-enbek-migration = migration.enbek.kz
-migration-police = { $case ->
    [genitive] миграциялык полициянын
    [dative] миграциялык полицияга
    [accusative] миграциялык полицияны
    [locative] миграциялык полицияда
    [ablative] миграциялык полициядан
   *[nominative] миграциялык полиция
}
-mci = АЭК
-iin = ИИН
-trp = РВП
-labour-permit = эмгек иммигрантына уруксат

## План: абал

plan-lines = { $lines }
plan-separator = { "" }
plan-status-legal = Акыркы мыйзамдуу күн: { $date } — { $days ->
    [0] бүгүн акыркы күнүңүз
    [one] { $days } күн калды
   *[other] { $days } күн калды
}
plan-status-overstay = Мыйзамдуу жүрүү мөөнөтүңүз { DATE($date, case: "locative") } бүткөн. Мөөнөттөн { $days ->
    [one] { $days } күн
   *[other] { $days } күн
} ашып кетти.
plan-overstay-now = Азыр эмне кылуу керек: Казакстандан чыгып кетиңиз же абалыңызды мыйзамдаштыруу үчүн бүгүн эле { -migration-police(case: "dative") } барыңыз. Күтүп отурбаңыз.
plan-status-unknown = Азырынча билгендерим боюнча жүрүү мөөнөтүңүздү эсептей албайм.
plan-official-help = { -psc }, { -egov } же { -migration-police } аркылуу сурап билиңиз.
plan-deadlines-header = Негизги мөөнөттөр:
plan-deadline = { $kind }: { $date } ({ $rule })

## План: кадамдар

plan-checklist-header = Кадамдарыңыз — { $total } кадамдан { $done } аткарылды
plan-no-steps = Азырынча кадамдар жок.
plan-step = { $n }. { $title } ({ $rule })
plan-step-done = ✓ { $n }. { $title } ({ $rule })
plan-step-due = Мөөнөтү: { DATE($date, case: "dative") } чейин
plan-step-where = Кайда: { $link }
plan-step-documents = Документтер:
plan-step-document = • { $doc }
plan-step-free = Баасы: акысыз
plan-step-cost = Баасы: { $cost } теңге
plan-step-cost-monthly = Баасы: айына { $cost } теңге
plan-step-cost-estimate = Баасы: болжол менен { $cost } теңге (так эмес)
plan-step-cost-monthly-estimate = Баасы: айына болжол менен { $cost } теңге (так эмес)

## План: эскертүүлөр, булактар, эскертме

plan-notes-header = Билип коюңуз:
plan-note = • { $note } ({ $rule })
plan-note-plain = • { $note }
plan-sources-header = Маалымат кайдан алынган:
plan-sources-none = Бул планда азырынча эч бир эреже колдонулган жок.
plan-source-rule = { $rule } { $title } — текшерилди: { $date }
plan-source = – { $url } ({ $kind ->
    [updated] жаңыртылды: { $date }
    [checked] текшерилди: { $date }
   *[published] { $date }
})
plan-source-undated = – { $url } (күнү көрсөтүлгөн эмес)
plan-disclaimer = Бул юридикалык кеңеш эмес, маалымат гана. Эрежелер өзгөрүп турат: { -psc }, { -egov } же { -migration-police } аркылуу тактап алыңыз.

## The plan as phone screens

plan-home-unconfirmed = ⚠️ Баары эле ырасталган эмес: «Билип коюңуз» бөлүмүн караңыз.
plan-next-header = Андан ары эмне кылуу керек:
plan-all-done = Бардык кадамдар аткарылды. ✓
plan-notes-none = Азырынча башка эч нерсе жок.
plan-unconfirmed = ⚠️ Ырасталган эмес, сураныч, текшериңиз.
plan-list-step = { $mark }{ $n }. { $title } — { $date }
plan-list-step-undated = { $mark }{ $n }. { $title }
plan-key-date = { $kind }: { $date }


## Кадамдар: кыска аталышы (аткарылды баскычында да) жана аны кантип аткаруу керек

step-unknown = Планыңыздагы кадам
step-leave-or-regularise = Казакстандан чыгыңыз же азыр эле { -migration-police(case: "dative") } барыңыз
    .short = Чыгуу же полицияга баруу
step-leave-or-regularise-how = Ашыкча ар бир күн абалды оорлотот. Паспортуңузду ала жүрүңүз.
step-host-notice-check = Кабыл алуучу тарап келгениңизди билдиргенин текшериңиз
    .short = Келгендиги тууралуу кабар
step-host-notice-check-how = Кабыл алуучу тарап (мейманкана, батир ээси, иш берүүчү же жеке адам) төмөнкү күнгө чейин { -migration-police(case: "dative") } билдириши керек. Ошол билдирүүнү көрсөтүүсүн сураныңыз.
step-self-register = Миграциялык полицияда катталыңыз
    .short = Каттоодон өтүү
step-self-register-how = Өзүңүздүн маалыматыңызды жана кабыл алуучу тараптын дарегин { -migration-police(case: "genitive") } системасына киргизиңиз. Кабыл алуучу тарап тиркемеде ырастайт, сиз электрондук маалымкат аласыз.
step-employer-permit-check = Иш берүүчүңүздүн чет элдик жумушчуларды жалдоого уруксаты бар экенин текшериңиз
    .short = Иш берүүчүнүн уруксаты
step-employer-permit-check-how = Бул уруксатты сиз эмес, иш берүүчү жергиликтүү бийликтен алат. Ишти баштоодон мурун аны көрсөтүүнү сураныңыз.
step-register-contract = Эмгек келишимиңиз катталганын текшериңиз
    .short = Эмгек келишимин текшерүү
step-register-contract-how = ЕАЭБ жарандарына иштөөгө уруксат керек эмес, бирок келишим эмгек келишимдеринин мамлекеттик системасына (ЕСУТД) киргизилиши же жарандык-укуктук келишим болушу керек.
step-get-iin = { -iin } алыңыз
    .short = { -iin } алуу
step-get-iin-how = { -psc(case: "dative") } өзүңүз барып аласыз. { -iin } жумушка, банкка жана салык төлөөгө керек.
step-labour-tax-prepay = Уруксат үчүн киреше салыгын алдын ала төлөңүз
    .short = Уруксат салыгын төлөө
step-labour-tax-prepay-how = Арыз бергенге чейин, уруксаттын ар бир айы үчүн жашаган жериңизде төлөңүз. Төлөм квитанцияларын сактап коюңуз.
step-labour-permit-apply = Эмгек иммигрантына уруксат алууга арыз бериңиз
    .short = Уруксатка арыз берүү
step-labour-permit-apply-how = Онлайн гана, eGov аркылуу (38-1 кызматы). Арызга сиз да, иш берүүчү да кол коёт. Адегенде { -iin } керек.
step-labour-permit-extend = Эмгек иммигрантына уруксатыңызды узартыңыз
    .short = Уруксатты узартуу
step-labour-permit-extend-how = Адегенде жаңы айлар үчүн салык төлөңүз, анан уруксатыңыз бүтө электе eGov аркылуу арыз бериңиз.
step-kandas-apply = Кандас статусун алууга арыз бериңиз
    .short = Кандас статусу
step-kandas-apply-how = { -enbek-migration } сайтында, Enbek Migration тиркемесинде, консулдукта же Калкты тейлөө борборунда (ЦОН).
step-nomad-visa-apply = Neo Nomad (B12-1) визасына арыз бериңиз
    .short = Neo Nomad визасы
step-nomad-visa-apply-how = Аралыктан иштегендер үчүн: чет өлкөдөн туруктуу киреше (канча болушу керектиги төмөнкү документтерде жазылган), соттуулуктун жоктугу жана камсыздандыруу керек.
step-apply-trp = Жашап турууга убактылуу уруксат ({ -trp }) алыңыз
    .short = { -trp } алуу
step-apply-trp-how = Уруксат берилген жүрүү мөөнөтүңүз бүтө электе { -egov } сайтында же ЦОНдо арыз бериңиз. Адатта 1–2 иш күнү кетет.
step-study-trp = Окуу үчүн { -trp } алыңыз
    .short = Окуу үчүн { -trp }
step-study-trp-how = Арызды окуу жайыңыз берет. Документтериңизди аларга эртерээк тапшырыңыз.
step-family-trp = Үй-бүлөңүз менен жашоо үчүн { -trp } алыңыз
    .short = Үй-бүлө үчүн { -trp }
step-family-trp-how = { -egov } сайтында же ЦОНдо туугандыгыңызды тастыктаган документ менен арыз бериңиз.
step-renew-trp = { -trp } мөөнөтүн узартыңыз
    .short = { -trp } узартуу
step-renew-trp-how = Мөөнөтү бүтө электе { -egov } сайтында же ЦОНдо арыз бериңиз.
step-employer-permit-renewal = Иш берүүчү өз уруксатын узартаарын текшериңиз
    .short = Иш берүүчүнүн узартуусу
step-employer-permit-renewal-how = Сиздин { -trp } мөөнөтү иш берүүчүнүн уруксатынын мөөнөтүнө жараша болот. Узартуу тууралуу эрте сураңыз.
step-leave-by-last-day = Акыркы мыйзамдуу күнүңүзгө чейин Казакстандан чыгыңыз
    .short = Акыркы күнгө чейин чыгуу
step-leave-by-last-day-how = Же ага чейин тийиштүү уруксат алыңыз. Андан узак калсаңыз, мөөнөттөн ашыкча жүрүү болот жана айып пул салынышы мүмкүн.

## Документтер

doc-application-form = Арыздын формасы
doc-passport = Паспорт
doc-health-insurance = Медициналык камсыздандыруу
doc-owner-consent = Үй ээсинин нотариус күбөлөндүргөн макулдугу
doc-fingerprint-certificate = Манжа издерин каттоо (дактилоскопия) тууралуу маалымкат
doc-purpose-documents = Келүү максатыңызды тастыктаган документтер
doc-employment-contract = Эмгек келишими
doc-application-signed-both = Сиз жана иш берүүчү кол койгон арыз
doc-tax-receipts = Киреше салыгын алдын ала төлөгөн квитанциялар
doc-passport-border-mark = Акыркы { $border_mark_months } айдагы чек арадан өткөн белгиси бар паспорт
doc-medical-certificate-028 = 028/у формасындагы медициналык маалымкат ({ $medical_certificate_months } айдан эски эмес)
doc-health-insurance-full-term = Уруксаттын бүт мөөнөтүнө медициналык камсыздандыруу
doc-intent-agreement = Жумушка алуу ниети тууралуу келишим (биринчи уруксат үчүн) же эмгек келишими (узартуу үчүн)
doc-passport-translation = Паспорттун нотариус күбөлөндүргөн котормосу, эгер аты-жөнүңүз кирилл же латын тамгалары менен жазылбаса
doc-institution-request = Окуу жайыңыздын өтүнүчү
doc-family-tie-proof = Туугандыгыңызды тастыктаган документ
doc-income-proof = { $income_months } ай бою айына { $income_usd_per_month } АКШ долларынан ашык киреше тууралуу маалымкат
doc-clean-record = Соттуулугу жок экени тууралуу маалымкат

## Мөөнөттөр

deadline-stay-limit = Акыркы мыйзамдуу күн
deadline-registration = Катталуу мөөнөтү
deadline-host-notice = Кабыл алуучу тараптын билдирүү мөөнөтү
deadline-trp-end = { -trp } мөөнөтү бүтөт
deadline-permit-end = Уруксат мөөнөтү бүтөт
deadline-visa-end = Виза мөөнөтү бүтөт
deadline-tax-prepayment = Уруксат салыгын төлөө мөөнөтү
deadline-document-validity = Чек ара белгиси уруксат үчүн жарактуу акыркы күн

## Эскертүүлөр

note-need-citizenship = Эрежелериңизди эсептөө үчүн жарандыгыңызды айтыңыз.
note-home-citizen = Сиз Казакстандын жаранысыз: бул жүрүү эрежелери чет элдиктер үчүн.
note-need-entry = Күндөрүңүздү эсептөө үчүн Казакстанга акыркы жолу кирген күнүңүздү айтыңыз.
note-not-in-table = Өлкөңүз менин визасыз өлкөлөр тизмемде жок, ошондуктан сизге виза керек болушу мүмкүн. Тизмем толук эмес: { -egov } же { -migration-police } аркылуу текшериңиз.
note-visa-required = Өлкөңүздүн жарандарына виза керек. Визаңыз болсо, ал качан бүтөөрүн айтыңыз.
note-need-trp-end = Жүрүү мөөнөтүңүздү эсептөө үчүн { -trp } качан бүтөөрүн айтыңыз.
note-need-visa-end = Визаңыз качан бүтөөрүн айтыңыз: жүрүү мөөнөтүңүз визанын датасына жараша болот.
note-need-permit-end = Убагында эскертүү үчүн уруксатыңыз качан бүтөөрүн айтыңыз.
note-trp-ended-before-entry = { -trp } бүткөн күн Казакстанга кирген күнүңүздөн мурун, ошондуктан ал бул жолку жүрүүңүздү камтыбайт. Даталарды текшериңиз.
note-visa-ended-before-entry = Виза бүткөн күн Казакстанга кирген күнүңүздөн мурун, ошондуктан ал бул жолку жүрүүңүздү камтыбайт. Даталарды текшериңиз.
note-rules-before = { DATE($date, case: "dative") } чейинки кирүүлөр мурунку эрежелер боюнча эсептелет, ал эрежелер менде жок. Бул тууралуу { -migration-police(case: "ablative") } сураңыз.
note-exit-day-counted = Чыгып кеткен күнүңүздү да Казакстанда болгон күн катары эсептейм. Бул тастыкталган эмес, бирок ушундай эсептөө коопсузураак.
note-prior-days-unknown = Мурда бул жерде канча күн болгонуңузду билбейм, ошондуктан аларды эсептеген жокмун. Чыныгы мөөнөтүңүз эртерээк бүтүшү мүмкүн: акыркы 180 күндө канча күн болгонуңузду эсептеп көрүңүз.
note-window-used-up = Мурунку күндөрүңүз уруксат берилген күндөрдүн баарын колдонуп бүткөн болушу мүмкүн. Азыр эле { -migration-police(case: "dative") } барыңыз.
note-overstay-warning = Мөөнөттөн { $days ->
    [one] { $days } күнгө
   *[other] { $days } күнгө
} чейин ашса: эскертүү берилет.
note-overstay-fine = Мөөнөттөн { $days ->
    [one] { $days } күнгө
   *[other] { $days } күнгө
} чейин ашса: { $mci } { -mci } ({ $cost } теңге) айып пул.
note-overstay-longer = Мөөнөттөн { $days ->
    [one] { $days } күндөн
   *[other] { $days } күндөн
} көп ашса: чоңураак айып пул жана өлкөдөн чыгарылышы мүмкүн. Так суммалар тастыкталган эмес.
note-overstay-ban = Сот чечими менен өлкөдөн чыгарылган адамга Казакстанга { $years ->
    [one] { $years } жылга
   *[other] { $years } жылга
} кирүүгө тыюу салынат. Эрежелерди кайра-кайра бузсаңыз, чек арадан өткөрбөй коюшу мүмкүн.
note-kandas-clock-runs = Маанилүү: кандас статусуна арызыңыз каралып жатканда да визасыз күндөрүңүз эсептеле берет. Башкача ойлоп, айып пул төлөгөндөр болгон.
note-no-paid-work-visa-free = Визасыз жүргөндө акы төлөнүүчү жумуш кылууга болбойт. Уруксаттарыңыз даяр болгондо гана ишке чыгыңыз.
note-no-work-or-study-visa-free = Өлкөңүздүн жарандары визасыз жүргөндө иштей да, окуй да албайт. Кандай виза керек экенин { -migration-police(case: "ablative") } сураңыз.
note-remote-work = Чет элдеги иш берүүчүгө аралыктан иштөө үчүн атайын Neo Nomad визасы бар. Ал сизге туура келерин текшериңиз.
note-need-employer = Кадамдарыңызды көрсөтүү үчүн сизди ким жумушка алганын айтыңыз (жеке адам, компания же чет элдеги иш берүүчү).
note-household-not-eligible = Үй жумушуна уруксат сиздин өлкөнүн жарандарына берилбейт. Кандай мүмкүнчүлүктөр бар экенин { -migration-police(case: "ablative") } сураңыз.
note-household-eligibility-unconfirmed = Сиздин өлкө үй жумушуна уруксат ала турган өлкөлөрдүн тизмесинде эски булакта гана бар. Арыз берүүдөн мурун { -egov } аркылуу тактап алыңыз.
note-labour-permit-term-unconfirmed = Уруксат { $min_months } айдан { $max_months } айга чейин берилет. Жалпы эң узак мөөнөтү жана жаш чеги (18–60) тастыкталган эмес.
note-employer-change = Иш берүүчүңүздү алмаштырсаңыз, { -trp } { $days ->
    [one] { $days } күндүн
   *[other] { $days } күндүн
} ичинде кайра таризделиши керек.
note-student-rules = Студенттик виза менен иштөөгө болбойт. Окууңуз бүткөндө Казакстандан чыгып кетишиңиз керек.
note-family-term = Үй-бүлөлүк { -trp } адатта 1 жылга чейин берилет жана туугандыңыздын өз уруксатынан эч качан узак болбойт.
note-nomad-no-local-work = Neo Nomad визасы барлар Казакстандагы иш берүүчүлөргө иштей албайт.
note-trp-fee-unknown = { -trp } үчүн мамлекеттик алым тапкан жокмун; арыз бергенде сураңыз.
note-host-notice-after-self-registration = Өз алдынча катталуу киргизилгенден бери ({ DATE($date, case: "ablative") }) кабыл алуучу тараптын билдирүүсү дагы эле керекпи, тастыкталган эмес. Экөөнү тең жасаганыңыз коопсуз.
note-self-registration-move = Көчүп кетсеңиз, жаңы дарек боюнча { $days ->
    [one] { $days } иш күнүнүн
   *[other] { $days } иш күнүнүн
} ичинде кайра катталыңыз.
note-holidays-unknown = { $year }-жылдын майрам күндөрүнүн тизмеси менде жок, ошондуктан дем алыш күндөрдү гана эсепке алдым. Чыныгы мөөнөт бир аз кечирээк болушу мүмкүн.
note-cost-estimate = { $year }-жылдын { -mci } өлчөмү азырынча белгисиз; баалар { $used }-жылдын өлчөмү менен эсептелди, ошондуктан болжолдуу.
note-confirm-uncertain = Бул жердеги айрым эрежелер толук тастыкталган эмес ({ $rules }). { -psc }, { -egov } же { -migration-police } аркылуу тактап алыңыз.
note-country-uncertain = Өлкөңүз үчүн жүрүү эрежелери толук тастыкталган эмес (ишенимдүүлүгү: { $confidence }). Мен аларды этияттык менен эсептейм; { -migration-police(case: "ablative") } тактап алыңыз.
note-azerbaijan-registration = Казакстанда 30 күндөн ашык жүргөн Азербайжандын жарандары катталышы керек (толук тастыкталган эмес). Бул тууралуу { -migration-police(case: "ablative") } сураңыз.
note-group-unconfirmed = Эски булактар боюнча өлкөңүздүн жарандары 90 күнгө чейин жүрө алат. Бул тастыкталганга чейин ар бир кирүүгө { $per_entry_days } күн жана { $window_days } күндүн ичинде { $window_limit_days } күн деп эсептейм.
note-turkmenistan-regional-exception = Балкан велаятынын тургундары Атырау жана Маңгыстау облустарында 5 күн визасыз жүрө алышат. Бул сизге тийиштүү болсо, { -migration-police(case: "ablative") } сураңыз.

## Ишенимдүүлүк

confidence-high = жогору
confidence-medium = орточо
confidence-low = төмөн

## Эрежелер

rule-r1 = Визасыз жүрүү: ар бир кирүүдө { $per_entry_days } күн, { $window_days } күндүн ичинде { $window_limit_days } күн
rule-r2 = ЕАЭБ жарандары: { $window_days } күндүн ичинде { $window_limit_days } күн
rule-r6 = Кабыл алуучу тараптын келгениңиз тууралуу билдирүүсү
rule-r7 = { $calendar_days } күндүн ичинде өз алдынча катталуу
rule-r8 = Мөөнөттөн ашыкча жүрүү
rule-r9 = Жашап турууга убактылуу уруксат ({ -trp })
rule-r10 = Жумушчулар жана алардын үй-бүлөсү үчүн { -trp }
rule-r11 = Эмгек иммигрантына уруксат (үй жумушу)
rule-r12 = Уруксат үчүн алдын ала төлөнүүчү киреше салыгы
rule-r13 = Иш берүүчүнүн чет элдик жумушчуларды тартууга уруксаты
rule-r14 = { -iin }
rule-r15 = Студенттер
rule-r16 = Үй-бүлөнү бириктирүү
rule-r17 = Кандастар
rule-r18 = Санарип көчмөндөр
rule-r19 = Туруктуу жашоо: чет өлкөдө болгон убакыт

## Өлкөлөрдүн топтору

rule-group-eaeu = ЕАЭБ өлкөлөрү
rule-group-uzbekistan = Өзбекстан
rule-group-tajikistan = Тажикстан
rule-group-azerbaijan = Азербайжан
rule-group-unconfirmed-90 = Эрежелери тастыкталбаган өлкөлөр
rule-group-china = Кытай
rule-group-turkey = Түркия
rule-group-india-iran = Индия жана Иран
rule-group-one-sided = Бир тараптуу визасыз режимдеги өлкөлөр
rule-group-visa-required = Виза талап кылынат

## Майрам күндөрү

rule-holiday-new-year = Жаңы жыл
rule-holiday-orthodox-christmas = Православдык Рождество
rule-holiday-womens-day = Эл аралык аялдар күнү
rule-holiday-nauryz = Нооруз
rule-holiday-unity-day = Казакстан элинин биримдик күнү
rule-holiday-defender-day = Ата Мекенди коргоочулар күнү
rule-holiday-victory-day = Жеңиш күнү
rule-holiday-kurban-ait = Курман айт (биринчи күнү)
rule-holiday-capital-day = Борбор шаар күнү
rule-holiday-constitution-day = Конституция күнү
rule-holiday-republic-day = Республика күнү
rule-holiday-independence-day = Көз карандысыздык күнү

## Эрежелердин параметрлери (каталог)

rule-param-per-entry-days = Ар бир кирүүгө күн
rule-param-window-days = Эсептөө мезгили, күн
rule-param-window-limit-days = Мезгил ичинде уруксат берилген күндөр
rule-param-visa-runs-end = «Визаран» токтотулган күн
rule-param-working-days = Иш күндөрү
rule-param-host-fine-small-business-mci = Кабыл алуучу тараптын айып пулу: кызмат адамдары, чакан бизнес, коммерциялык эмес уюмдар ({ -mci })
rule-param-host-fine-medium-business-mci = Кабыл алуучу тараптын айып пулу: орто бизнес ({ -mci })
rule-param-host-fine-large-business-mci = Кабыл алуучу тараптын айып пулу: ири бизнес ({ -mci })
rule-param-in-force-from = Күчүнө кирген күн
rule-param-calendar-days = Календардык күндөр
rule-param-move-working-days = Көчкөндөн кийин кайра катталуу үчүн иш күндөрү
rule-param-warning-max-days = Эскертүү менен бүтүүчү ашыкча жүрүү, күнгө чейин
rule-param-fine-max-days = Айып пул салынуучу ашыкча жүрүү, күнгө чейин
rule-param-fine-mci = Айып пул ({ -mci })
rule-param-entry-ban-years = Сот чечими менен чыгарылгандан кийин кирүүгө тыюу, жыл
rule-param-stay-over-days = { -trp } керек болгон жүрүү, күндөн ашык
rule-param-stay-over-days-eaeu = ЕАЭБ жарандарына { -trp } керек болгон жүрүү, күндөн ашык
rule-param-eaeu-group = ЕАЭБ тобу
rule-param-processing-working-days-max = Кароо мөөнөтү, эң көп иш күнү
rule-param-fingerprints-required-from = Манжа издери ушул күндөн тартып талап кылынат
rule-param-late-application-days-unconfirmed = Кечигип арыз берүүгө мүмкүн, күн (тастыкталган эмес)
rule-param-max-months = Эң узак мөөнөт, ай
rule-param-employer-change-days = Иш берүүчү алмашкандан кийин { -trp } кайра тариздөө, күн
rule-param-eligible = Укугу бар жарандыктар
rule-param-eligible-unconfirmed = Укугу бар жарандыктар (тастыкталган эмес)
rule-param-min-months = Эң кыска мөөнөт, ай
rule-param-online-only-from = Онлайн гана, ушул күндөн тартып
rule-param-processing-days = Кароо мөөнөтү, күн
rule-param-border-mark-months = Чек ара белгиси эски болбошу керек, ай
rule-param-medical-certificate-months = Медициналык маалымкат эски болбошу керек, ай
rule-param-fee-mci-per-month = Айына салык ({ -mci })
rule-param-vacancy-posting-days = Вакансия enbek.kz сайтына кеминде канча күн мурун жарыяланат
rule-param-vacancy-posting-from = Вакансия эрежеси ушул күндөн тартып
rule-param-intra-corporate-years = Компаниянын ичинде которуу, жыл
rule-param-fee-mci = Алым ({ -mci })
rule-param-in-person-from = Өзү келип гана, ушул күндөн тартып
rule-param-decision-working-days = Чечим, иш күнү
rule-param-extension-months = Узартуу, эң көп ай
rule-param-income-usd-per-month = Айлык киреше, АКШ долларынан ашык
rule-param-income-months = Киреше көрсөтүлгөн мөөнөт, ай
rule-param-absence-days = Уруксатты жокко чыгаруучу чет өлкөдөгү күндөр (календардык жылда), ашык

## Эрежелер каталогу

rule-report-title = Эрежелер каталогу: { $rules ->
    [one] { $rules } эреже
   *[other] { $rules } эреже
}, { $groups ->
    [one] { $groups } топто
   *[other] { $groups } топто
} { $countries ->
    [one] { $countries } өлкө
   *[other] { $countries } өлкө
}
rule-report-intro = Текшерүүчүлөр үчүн: бот эмнеге таянат — булактары, текшерилген күндөрү жана ишенимдүүлүгү менен. Бул юридикалык кеңеш эмес, маалымат гана.
rule-report-rule = { $rule } — { $title } ({ $slug })
rule-report-confidence = Ишенимдүүлүгү: { $confidence }. Текшерилди: { $date }.
rule-report-param = { $name }: { $value }
rule-report-documents = Документтер:
rule-report-link = Кайда: { $link }
rule-report-sources = Булактар:
rule-report-groups-header = Өлкөлөрдүн топтору
rule-report-home = { $code }: өз жарандары; бул эрежелер аларга тийиштүү эмес.
rule-report-group = { $group } — { $rule }, ишенимдүүлүгү: { $confidence }
rule-report-visa-required = Виза талап кылынат; жүрүү мөөнөтү визанын датасына жараша болот.
rule-report-per-entry = Ар бир кирүүдө { $days ->
    [one] { $days } күнгө
   *[other] { $days } күнгө
} чейин
rule-report-window = Каалаган { $window } күндүн ичинде эң көп { $limit ->
    [one] { $limit } күн
   *[other] { $limit } күн
}
rule-report-work-without-permit = Уруксатсыз эле келишим менен иштей алат
rule-report-no-work-or-study = Визасыз жүргөндө иштөөгө да, окууга да болбойт
rule-report-self-registration = Өз алдынча катталуу (R7) колдонулушу мүмкүн
rule-report-valid-from = { DATE($date, case: "ablative") } баштап киргендер үчүн
rule-report-countries = { $codes } — { $source } ({ $date }), ишенимдүүлүгү: { $confidence }
rule-report-default-group = Тизмеде жок бардык өлкөлөр ушул топко кирет.
rule-report-holidays = { $year }-жылдын майрам күндөрү (ишенимдүүлүгү: { $confidence }; { $source })
rule-report-holiday = { $date } — { $name }
rule-report-substitutes = Токтом менен жылдырылган дем алыш күндөр тизмеде жок, ошондуктан иш күнү менен эсептелген мөөнөттөр чыныгысынан эртерээк гана чыгышы мүмкүн.
rule-report-mci-header = Жылдар боюнча { -mci }
rule-report-mci = { $year }: { $amount } теңге — { $source } ({ $date })
rule-report-mci-undated = { $year }: { $amount } теңге — { $source }
rule-report-mci-fallback = Тизмеде жок жыл үчүн баалар акыркы белгилүү жыл боюнча эсептелип, болжолдуу деп белгиленет.
