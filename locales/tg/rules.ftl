### Қоидаҳои Қазоқистон: нақша, қадамҳо, ҳуҷҷатҳо, мӯҳлатҳо, қайдҳо ва манбаъҳо,
### инчунин ҳисоботи феҳрист барои санҷишгарон. Санаҳо, маблағҳо ва пайвандҳо ҳамчун
### матни тайёр меоянд; шумораҳо ҳамчун рақам барои шаклҳои ҷамъ.

-egov = egov.kz
-psc = ЦОН
-psc-full = ЦОН (Маркази хизматрасонӣ ба аҳолӣ)
-enbek-migration = migration.enbek.kz
-migration-police = пулиси муҳоҷират
-mci = МРП
-iin = ИИН
-trp = РВП
-labour-permit = { $case ->
    [accusative] иҷозат ба иммигранти меҳнатиро
   *[nominative] иҷозат ба иммигранти меҳнатӣ
}
-eaeu = ИИАО

## Нақша: вазъ

plan-lines = { $lines }
plan-separator = { "" }
plan-status-legal = Рӯзи охирини қонунӣ: { $date } — { $days ->
    [0] имрӯз рӯзи охирини шумост
   *[other] { $days } рӯз монд
}
plan-status-overstay = Мӯҳлати қонунии будубоши шумо { $date } ба охир расид. Шумо { $days ->
   *[other] { $days } рӯз
} аз мӯҳлат зиёд мондаед.
plan-overstay-now = Ҳозир чӣ бояд кард: аз Қазоқистон бароед ё худи имрӯз ба { -migration-police } равед, то будубоши худро ба тартиб дароред. Лутфан, интизор нашавед.
plan-status-unknown = Бо маълумоте, ки ҳоло дорам, мӯҳлати будубоши шуморо ҳисоб карда наметавонам.
plan-official-help = Лутфан, дар { -psc-full }, дар { -egov } ё дар { -migration-police } пурсед.
plan-deadlines-header = Санаҳои муҳим:
plan-deadline = { $kind }: { $date } ({ $rule })

## Нақша: рӯйхати қадамҳо

plan-checklist-header = Қадамҳои шумо — { $done } аз { $total } иҷро шуд
plan-no-steps = Ҳоло ягон қадам нест.
plan-step = { $n }. { $title } ({ $rule })
plan-step-done = ✓ { $n }. { $title } ({ $rule })
plan-step-due = Мӯҳлат: то { $date }
plan-step-where = Дар куҷо: { $link }
plan-step-documents = Ҳуҷҷатҳо:
plan-step-document = • { $doc }
plan-step-free = Арзиш: ройгон
plan-step-cost = Арзиш: { $cost } тенге
plan-step-cost-monthly = Арзиш: { $cost } тенге дар як моҳ
plan-step-cost-estimate = Арзиш: тақрибан { $cost } тенге (тахминӣ)
plan-step-cost-monthly-estimate = Арзиш: тақрибан { $cost } тенге дар як моҳ (тахминӣ)

## Нақша: қайдҳо, манбаъҳо, огоҳӣ

plan-notes-header = Донистанаш муфид аст:
plan-note = • { $note } ({ $rule })
plan-note-plain = • { $note }
plan-sources-header = Ин маълумот аз куҷост:
plan-sources-none = Ин нақша ҳоло ягон қоидаро истифода намебарад.
plan-source-rule = { $rule } { $title } — санҷида шуд: { $date }
plan-source = – { $url } ({ $kind ->
    [updated] нав карда шуд: { $date }
    [checked] санҷида шуд: { $date }
   *[published] { $date }
})
plan-source-undated = – { $url } (бе сана)
plan-disclaimer = Ин маълумот аст, на маслиҳати ҳуқуқӣ. Қоидаҳо тағйир меёбанд: лутфан, дар { -psc-full }, дар { -egov } ё дар { -migration-police } аниқ кунед.

## The plan as phone screens

plan-home-unconfirmed = ⚠️ На ҳамааш тасдиқ шудааст: «Донистанаш муфид»-ро бинед.
plan-next-header = Минбаъд чӣ бояд кард:
plan-all-done = Ҳамаи қадамҳо иҷро шуданд. ✓
plan-notes-none = Ҳоло дигар чизе нест.
plan-unconfirmed = ⚠️ Тасдиқ нашудааст, лутфан санҷед.
plan-list-step = { $mark }{ $n }. { $title } — { $date }
plan-list-step-undated = { $mark }{ $n }. { $title }
plan-key-date = { $kind }: { $date }


## Қадамҳо: номи кӯтоҳ (дар тугмаи «иҷро шуд» ҳам) ва чӣ тавр иҷро кардан

step-unknown = Қадами нақшаи шумо
step-leave-or-regularise = Аз Қазоқистон бароед ё ҳозир ба { -migration-police } равед
    .short = Баромадан ё ба пулис
step-leave-or-regularise-how = Ҳар рӯзи иловагӣ вазъро бадтар мекунад. Шиносномаатонро гиред.
step-host-notice-check = Санҷед, ки тарафи қабулкунанда омадани шуморо хабар додааст
    .short = Хабари омадан
step-host-notice-check-how = Тарафи қабулкунанда (меҳмонхона, соҳибхона, корфармо ё шахси воқеӣ) бояд то санаи зер ба { -migration-police } хабар диҳад. Хоҳиш кунед, ки ин хабарро ба шумо нишон диҳанд.
step-self-register = Худатон дар { -migration-police } ба қайд гузаред
    .short = Ба қайд гузаштан
step-self-register-how = Маълумоти худ ва суроғаи тарафи қабулкунандаро дар системаи { -migration-police } ворид кунед. Тарафи қабулкунанда дар барнома тасдиқ мекунад ва шумо маълумотномаи электронӣ мегиред.
step-employer-permit-check = Санҷед, ки корфармо ҳуқуқи ба кор гирифтани коргарони хориҷиро дорад
    .short = Иҷозати корфармо
step-employer-permit-check-how = Ин иҷозатро на шумо, балки корфармо аз мақомоти маҳаллӣ мегирад. Пеш аз оғози кор хоҳиш кунед, ки онро ба шумо нишон диҳанд.
step-register-contract = Санҷед, ки шартномаи меҳнатии шумо ба қайд гирифта шудааст
    .short = Қайди шартномаи меҳнатӣ
step-register-contract-how = Шаҳрвандони { -eaeu } иҷозати корӣ лозим надоранд, аммо шартнома бояд дар системаи давлатии шартномаҳои меҳнатӣ (ЕСУТД) бошад ё шартномаи гражданӣ-ҳуқуқӣ бошад.
step-get-iin = { -iin } гиред
    .short = { -iin } гирифтан
step-get-iin-how = Дар { -psc-full }, шахсан. { -iin } барои кор, бонк ва андоз лозим аст.
step-labour-tax-prepay = Андози пешакии даромадро барои иҷозат пардохт кунед
    .short = Андози иҷозат
step-labour-tax-prepay-how = Дар маҳалли зисти худ, барои ҳар моҳи иҷозат, пеш аз додани ариза пардохт кунед. Квитансияҳоро нигоҳ доред.
step-labour-permit-apply = Барои { -labour-permit } ариза диҳед
    .short = Ариза барои иҷозат
step-labour-permit-apply-how = Танҳо онлайн, дар eGov (хизматрасонии 38-1). Шумо ва корфармо ҳарду имзо мегузоред. Аввал { -iin } лозим аст.
step-labour-permit-extend = Мӯҳлати { -labour-permit(case: "accusative") } тамдид кунед
    .short = Тамдиди иҷозати корӣ
step-labour-permit-extend-how = Аввал андозро барои моҳҳои нав пардохт кунед, баъд пеш аз тамом шудани иҷозат дар eGov ариза диҳед.
step-kandas-apply = Барои гирифтани мақоми қандас ариза диҳед
    .short = Мақоми қандас
step-kandas-apply-how = Дар { -enbek-migration }, дар барномаи Enbek Migration, дар консулгарӣ ё дар { -psc }.
step-nomad-visa-apply = Барои раводиди Neo Nomad (B12-1) ариза диҳед
    .short = Раводиди Neo Nomad
step-nomad-visa-apply-how = Барои касоне, ки фосилавӣ кор мекунанд ва аз хориҷа даромади доимӣ доранд (маблағаш дар ҳуҷҷатҳои зер навишта шудааст), доғи судӣ надоранд ва суғурта доранд.
step-apply-trp = Иҷозати истиқомати муваққатӣ ({ -trp }) гиред
    .short = { -trp } гирифтан
step-apply-trp-how = Пеш аз тамом шудани мӯҳлати иҷозатдодашудаи будубош дар { -egov } ё дар { -psc } ариза диҳед. Одатан 1–2 рӯзи корӣ вақт мегирад.
step-study-trp = Барои таҳсил { -trp } гиред
    .short = { -trp } барои таҳсил
step-study-trp-how = Аризаро мактаб ё донишгоҳи шумо медиҳад. Ҳуҷҷатҳоятонро сари вақт ба онҳо супоред.
step-family-trp = Барои зиндагӣ бо оила { -trp } гиред
    .short = { -trp } барои оила
step-family-trp-how = Дар { -egov } ё дар { -psc } бо ҳуҷҷате, ки хешовандии шуморо тасдиқ мекунад, ариза диҳед.
step-renew-trp = { -trp }-и худро тамдид кунед
    .short = Тамдиди { -trp }
step-renew-trp-how = Пеш аз тамом шудани мӯҳлаташ, дар { -egov } ё дар { -psc } ариза диҳед.
step-employer-permit-renewal = Санҷед, ки корфармо иҷозати худро тамдид мекунад
    .short = Тамдиди иҷозати корфармо
step-employer-permit-renewal-how = Мӯҳлати { -trp }-и шумо ба мӯҳлати иҷозати корфармо вобаста аст. Дар бораи тамдид барвақт пурсед.
step-leave-by-last-day = То рӯзи охирини қонунӣ аз Қазоқистон бароед
    .short = То рӯзи охир баромадан
step-leave-by-last-day-how = Ё то он вақт иҷозати лозимиро гиред. Зиёд мондан аз мӯҳлат вайронкунӣ аст ва метавонад ба ҷарима оварад.

## Ҳуҷҷатҳо

doc-application-form = Варақаи ариза (анкета)
doc-passport = Шиноснома
doc-health-insurance = Суғуртаи тиббӣ
doc-owner-consent = Розигии соҳиби манзил бо тасдиқи нотариалӣ
doc-fingerprint-certificate = Маълумотнома дар бораи бақайдгирии дактилоскопӣ (изи ангуштон)
doc-purpose-documents = Ҳуҷҷатҳо дар бораи мақсади будубош
doc-employment-contract = Шартномаи меҳнатӣ
doc-application-signed-both = Ариза бо имзои шумо ва корфармо
doc-tax-receipts = Квитансияҳои пардохти андози пешакии даромад
doc-passport-border-mark = Шиноснома бо мӯҳри гузариш аз сарҳад дар { $border_mark_months } моҳи охир
doc-medical-certificate-028 = Маълумотномаи тиббӣ, шакли 028/у, ки дар { $medical_certificate_months } моҳи охир дода шудааст
doc-health-insurance-full-term = Суғуртаи тиббӣ барои тамоми мӯҳлати иҷозат
doc-intent-agreement = Созишнома дар бораи нияти ба кор гирифтан (иҷозати аввал) ё шартномаи меҳнатӣ (тамдид)
doc-passport-translation = Тарҷумаи шиноснома бо тасдиқи нотариалӣ, агар номи шумо на бо ҳарфҳои кириллӣ ва на бо ҳарфҳои лотинӣ навишта шуда бошад
doc-institution-request = Дархост аз мактаб ё донишгоҳи шумо
doc-family-tie-proof = Ҳуҷҷате, ки хешовандии шуморо тасдиқ мекунад
doc-income-proof = Ҳуҷҷат дар бораи даромади зиёда аз { $income_usd_per_month } доллари ИМА дар як моҳ дар давоми { $income_months } моҳ
doc-clean-record = Маълумотнома дар бораи надоштани доғи судӣ

## Мӯҳлатҳо

deadline-stay-limit = Рӯзи охирини қонунӣ
deadline-registration = Мӯҳлати бақайдгирӣ
deadline-host-notice = Мӯҳлати хабари тарафи қабулкунанда дар бораи омадан
deadline-trp-end = Анҷоми { -trp }
deadline-permit-end = Анҷоми иҷозат
deadline-visa-end = Анҷоми раводид
deadline-tax-prepayment = Мӯҳлати пардохти андози иҷозат
deadline-document-validity = Рӯзи охире, ки мӯҳри сарҳадӣ барои иҷозат эътибор дорад

## Қайдҳо

note-need-citizenship = Шаҳрвандии худро гӯед, то қоидаҳои шуморо муайян кунам.
note-home-citizen = Шумо шаҳрванди Қазоқистон ҳастед: ин қоидаҳои будубош барои хориҷиён аст.
note-need-entry = Гӯед, ки бори охир кай ба Қазоқистон ворид шудед, то рӯзҳои шуморо ҳисоб кунам.
note-not-in-table = Кишвари шумо дар рӯйхати ман дар қатори кишварҳои бидуни раводид нест, бинобар ин шояд ба шумо раводид лозим бошад. Рӯйхати ман пурра нест: лутфан, дар { -egov } ё дар { -migration-police } санҷед.
note-visa-required = Шаҳрвандони кишвари шумо раводид лозим доранд. Гӯед, ки оё раводид доред ва мӯҳлаташ кай тамом мешавад.
note-need-trp-end = Гӯед, ки { -trp }-и шумо кай тамом мешавад, то мӯҳлати будубошро ҳисоб кунам.
note-need-visa-end = Гӯед, ки раводиди шумо кай тамом мешавад: мӯҳлати будубоши шумо аз санаҳои он вобаста аст.
note-need-permit-end = Гӯед, ки иҷозати шумо кай тамом мешавад, то сари вақт ёдрас кунам.
note-trp-ended-before-entry = Санаи анҷоми { -trp }-и шумо пеш аз санаи вуруд аст, бинобар ин он ин будубошро фаро намегирад. Лутфан, санаҳоро санҷед.
note-visa-ended-before-entry = Санаи анҷоми раводиди шумо пеш аз санаи вуруд аст, бинобар ин он ин будубошро фаро намегирад. Лутфан, санаҳоро санҷед.
note-rules-before = Вурудҳое, ки пеш аз { $date } буданд, аз рӯи қоидаҳои пешина ҳисоб мешуданд, ва ин қоидаҳо дар ман нестанд. Лутфан, аз { -migration-police } пурсед.
note-exit-day-counted = Рӯзи баромадани шуморо ҳамчун рӯзи дар Қазоқистон будан ҳисоб мекунам. Ин тасдиқ нашудааст, аммо ин роҳ бехатартар аст.
note-prior-days-unknown = Ман намедонам, ки пештар чанд рӯз дар ин ҷо будед, бинобар ин ягон рӯзро ҳисоб накардам. Мӯҳлати воқеии шумо метавонад барвақттар тамом шавад: рӯзҳои худро дар 180 рӯзи охир ҳисоб кунед.
note-window-used-up = Шояд рӯзҳои пештараи шумо аллакай ҳамаи рӯзҳои иҷозатдодашударо гирифта бошанд. Лутфан, ҳозир ба { -migration-police } равед.
note-overstay-warning = Агар то { $days ->
   *[other] { $days } рӯз
} аз мӯҳлат зиёд монед: огоҳӣ.
note-overstay-fine = Агар то { $days ->
   *[other] { $days } рӯз
} аз мӯҳлат зиёд монед: ҷаримаи { $mci } { -mci } ({ $cost } тенге).
note-overstay-longer = Агар зиёда аз { $days ->
   *[other] { $days } рӯз
} аз мӯҳлат зиёд монед: ҷаримаҳои калонтар ва шояд ихроҷ аз кишвар. Маблағҳои дақиқ тасдиқ нашудаанд.
note-overstay-ban = Пас аз ихроҷ бо қарори суд вуруд ба муддати { $years ->
   *[other] { $years } сол
} манъ мешавад. Барои вайронкуниҳои такрорӣ метавонанд вурудро рад кунанд.
note-kandas-clock-runs = Муҳим: вақте ки аризаи қандаси шумо баррасӣ мешавад, рӯзҳои будубоши бидуни раводид ҳисоб шуданро давом медиҳанд. Баъзе одамон гумон карданд, ки чунин нест, ва ҷарима шуданд.
note-no-paid-work-visa-free = Ҳангоми будубоши бидуни раводид кори музднок манъ аст. Танҳо вақте ба кор сар кунед, ки иҷозатҳоятон тайёр бошанд.
note-no-work-or-study-visa-free = Барои шаҳрвандони кишвари шумо будубоши бидуни раводид на кор ва на таҳсилро иҷозат медиҳад. Аз { -migration-police } пурсед, ки кадом раводид лозим аст.
note-remote-work = Кори фосилавӣ барои корфармои хориҷӣ: раводиди Neo Nomad маҳз барои ҳамин аст. Санҷед, ки ба шумо мувофиқ аст ё не.
note-need-employer = Гӯед, ки корфармои шумо кист (хонавода, ширкат ё корфармои хориҷӣ), то қадамҳои шуморо нишон диҳам.
note-household-not-eligible = Иҷозат барои кори хонагӣ ба шаҳрвандони кишвари шумо дода намешавад. Лутфан, дар бораи имконҳои дигар аз { -migration-police } пурсед.
note-household-eligibility-unconfirmed = Кишвари шуморо барои иҷозати кори хонагӣ танҳо як манбаи кӯҳна номбар мекунад. Лутфан, пеш аз додани ариза дар { -egov } санҷед.
note-labour-permit-term-unconfirmed = Иҷозат аз { $min_months } то { $max_months } моҳ дода мешавад. Дарозтарин мӯҳлати умумӣ ва маҳдудияти синну сол (18–60) тасдиқ нашудаанд.
note-employer-change = Агар корфарморо иваз кунед, { -trp }-и шумо бояд дар давоми { $days ->
   *[other] { $days } рӯз
} аз нав расмӣ карда шавад.
note-student-rules = Бо раводиди донишҷӯӣ кор кардан мумкин нест. Вақте таҳсил тамом шуд, бояд аз кишвар бароед.
note-family-term = { -trp }-и оилавӣ одатан то 1 сол дода мешавад ва ҳеҷ гоҳ аз мӯҳлати иҷозати хеши шумо дарозтар намешавад.
note-nomad-no-local-work = Дорандагони раводиди Neo Nomad ҳуқуқ надоранд дар назди корфармоёни Қазоқистон кор кунанд.
note-trp-fee-unknown = Ман боҷи давлатӣ барои { -trp } наёфтам; ҳангоми додани ариза пурсед.
note-host-notice-after-self-registration = Тасдиқ нашудааст, ки оё дар баробари бақайдгирии мустақил (аз { $date }) хабари тарафи қабулкунанда ҳанӯз лозим аст. Ҳардуяшро иҷро кардан бехатар аст.
note-self-registration-move = Агар ба ҷои дигар кӯчед, дар давоми { $days ->
   *[other] { $days } рӯзи корӣ
} дар суроғаи нав ба қайд гузаред.
note-holidays-unknown = Рӯйхати идҳои соли { $year } дар ман нест, бинобар ин танҳо шанбе ва якшанберо ҳисоб накардам. Мӯҳлати воқеӣ метавонад каме дертар бошад.
note-cost-estimate = { -mci } барои соли { $year } ҳанӯз маълум нест; нархҳо бо { -mci }-и соли { $used } ҳисоб шудаанд ва тахминӣ мебошанд.
note-confirm-uncertain = Баъзе қоидаҳо дар ин ҷо пурра тасдиқ нашудаанд ({ $rules }). Лутфан, дар { -psc }, дар { -egov } ё дар { -migration-police } санҷед.
note-country-uncertain = Қоидаҳои будубош барои кишвари шумо пурра тасдиқ нашудаанд (боварӣ: { $confidence }). Ман бо роҳи бехатар ҳисоб мекунам; лутфан, дар { -migration-police } аниқ кунед.
note-azerbaijan-registration = Шаҳрвандони Озарбойҷон, ки зиёда аз 30 рӯз мемонанд, бояд ба қайд гузаранд (пурра тасдиқ нашудааст). Лутфан, аз { -migration-police } пурсед.
note-group-unconfirmed = Манбаъҳои кӯҳна ба кишвари шумо то 90 рӯз медиҳанд. То тасдиқ шудани ин, ман { $per_entry_days } рӯз барои ҳар вуруд ва { $window_limit_days } рӯз дар { $window_days } рӯз ҳисоб мекунам.
note-turkmenistan-regional-exception = Сокинони вилояти Балкан метавонанд дар вилоятҳои Атирау ва Манғистау 5 рӯз бе раводид бошанд. Агар ин ба шумо дахл дошта бошад, аз { -migration-police } пурсед.

## Дараҷаи боварӣ

confidence-high = баланд
confidence-medium = миёна
confidence-low = паст

## Қоидаҳо

rule-r1 = Будубоши бидуни раводид: { $per_entry_days ->
   *[other] { $per_entry_days } рӯз
} барои ҳар вуруд, { $window_limit_days } рӯз дар { $window_days } рӯз
rule-r2 = Шаҳрвандони { -eaeu }: { $window_limit_days } рӯз дар { $window_days } рӯз
rule-r6 = Хабари тарафи қабулкунанда дар бораи омадан
rule-r7 = Бақайдгирии мустақил дар давоми { $calendar_days ->
   *[other] { $calendar_days } рӯз
}
rule-r8 = Зиёд мондан аз мӯҳлат
rule-r9 = Иҷозати истиқомати муваққатӣ
rule-r10 = { -trp } барои коргарон ва аъзои оилаашон
rule-r11 = Иҷозат ба иммигранти меҳнатӣ (кори хонагӣ)
rule-r12 = Андози пешакии даромад барои иҷозат
rule-r13 = Иҷозатномаи корфармо барои ҷалби қувваи кории хориҷӣ
rule-r14 = { -iin }
rule-r15 = Донишҷӯён
rule-r16 = Муттаҳидшавии оила
rule-r17 = Қандасҳо
rule-r18 = Кори фосилавӣ (номадҳои рақамӣ)
rule-r19 = Истиқомати доимӣ: вақти дар хориҷа будан

## Гурӯҳҳои кишварҳо

rule-group-eaeu = Давлатҳои { -eaeu }
rule-group-uzbekistan = Ӯзбекистон
rule-group-tajikistan = Тоҷикистон
rule-group-azerbaijan = Озарбойҷон
rule-group-unconfirmed-90 = Кишварҳое, ки қоидаҳояшон тасдиқ нашудаанд
rule-group-china = Чин
rule-group-turkey = Туркия
rule-group-india-iran = Ҳиндустон ва Эрон
rule-group-one-sided = Давлатҳо бо низоми яктарафаи бидуни раводид
rule-group-visa-required = Раводид лозим аст

## Идҳои давлатӣ

rule-holiday-new-year = Соли нав
rule-holiday-orthodox-christmas = Мавлуди Исо (православӣ)
rule-holiday-womens-day = Рӯзи байналмилалии занон
rule-holiday-nauryz = Наврӯз
rule-holiday-unity-day = Рӯзи ваҳдати мардуми Қазоқистон
rule-holiday-defender-day = Рӯзи ҳимоятгарони Ватан
rule-holiday-victory-day = Рӯзи Ғалаба
rule-holiday-kurban-ait = Иди Қурбон (рӯзи аввал)
rule-holiday-capital-day = Рӯзи пойтахт
rule-holiday-constitution-day = Рӯзи Конститутсия
rule-holiday-republic-day = Рӯзи Ҷумҳурӣ
rule-holiday-independence-day = Рӯзи Истиқлолият

## Параметрҳои қоидаҳо (ҳисоботи феҳрист)

rule-param-per-entry-days = Рӯзҳо барои ҳар вуруд
rule-param-window-days = Давра, рӯз
rule-param-window-limit-days = Рӯзҳои иҷозатдодашуда дар давра
rule-param-visa-runs-end = «Визаран» манъ шуд аз
rule-param-working-days = Рӯзҳои корӣ
rule-param-host-fine-small-business-mci = Ҷаримаи тарафи қабулкунанда: шахсони мансабдор, соҳибкории хурд, ташкилотҳои ғайритиҷоратӣ ({ -mci })
rule-param-host-fine-medium-business-mci = Ҷаримаи тарафи қабулкунанда: соҳибкории миёна ({ -mci })
rule-param-host-fine-large-business-mci = Ҷаримаи тарафи қабулкунанда: соҳибкории калон ({ -mci })
rule-param-in-force-from = Эътибор дорад аз
rule-param-calendar-days = Рӯзҳои тақвимӣ
rule-param-move-working-days = Рӯзҳои корӣ барои аз нав ба қайд гузаштан баъди кӯчидан
rule-param-warning-max-days = Зиёд мондан бо огоҳӣ, то рӯз
rule-param-fine-max-days = Зиёд мондан бо ҷарима, то рӯз
rule-param-fine-mci = Ҷарима ({ -mci })
rule-param-entry-ban-years = Манъи вуруд пас аз ихроҷ бо қарори суд, сол
rule-param-stay-over-days = { -trp } лозим аст, агар будубош зиёда аз чанд рӯз бошад
rule-param-stay-over-days-eaeu = { -trp } барои шаҳрвандони { -eaeu } лозим аст, агар будубош зиёда аз чанд рӯз бошад
rule-param-eaeu-group = Гурӯҳи { -eaeu }
rule-param-processing-working-days-max = Баррасӣ, ҳадди аксар рӯзи корӣ
rule-param-fingerprints-required-from = Изи ангуштон ҳатмӣ аз
rule-param-late-application-days-unconfirmed = Аризаи дер қабул мешавад, рӯз (тасдиқ нашудааст)
rule-param-max-months = Дарозтарин мӯҳлат, моҳ
rule-param-employer-change-days = Рӯзҳо барои аз нав расмӣ кардани { -trp } пас аз иваз кардани корфармо
rule-param-eligible = Шаҳрвандиҳое, ки ҳуқуқ доранд
rule-param-eligible-unconfirmed = Шаҳрвандиҳое, ки ҳуқуқ доранд (тасдиқ нашудааст)
rule-param-min-months = Кӯтоҳтарин мӯҳлат, моҳ
rule-param-online-only-from = Танҳо онлайн аз
rule-param-processing-days = Баррасӣ, рӯз
rule-param-border-mark-months = Мӯҳри сарҳадӣ на кӯҳнатар аз, моҳ
rule-param-medical-certificate-months = Маълумотномаи тиббӣ на кӯҳнатар аз, моҳ
rule-param-fee-mci-per-month = Андоз дар як моҳ ({ -mci })
rule-param-vacancy-posting-days = Ҷойи холии корӣ дар enbek.kz, ақаллан чанд рӯз пеш
rule-param-vacancy-posting-from = Қоидаи ҷойи холӣ аз
rule-param-intra-corporate-years = Интиқол дар дохили ширкат, сол
rule-param-fee-mci = Пардохт ({ -mci })
rule-param-in-person-from = Танҳо шахсан аз
rule-param-decision-working-days = Қарор, рӯзи корӣ
rule-param-extension-months = Тамдид, ҳадди аксар моҳ
rule-param-income-usd-per-month = Даромад дар як моҳ зиёда аз, доллари ИМА
rule-param-income-months = Даромад барои чанд моҳ нишон дода мешавад
rule-param-absence-days = Рӯзҳои дар хориҷа будан дар як соли тақвимӣ, ки иҷозатро бекор мекунанд, зиёда аз

## Ҳисоботи феҳрист

rule-report-title = Феҳристи қоидаҳо: { $rules ->
   *[other] { $rules } қоида
}, { $countries ->
   *[other] { $countries } кишвар
} дар { $groups ->
   *[other] { $groups } гурӯҳ
}
rule-report-intro = Он чи бот дуруст мешуморад, бо манбаъҳо, санаҳои санҷиш ва дараҷаи боварӣ, барои баррасӣ. Ин маълумот аст, на маслиҳати ҳуқуқӣ.
rule-report-rule = { $rule } — { $title } ({ $slug })
rule-report-confidence = Боварӣ: { $confidence }. Санҷида шуд: { $date }.
rule-report-param = { $name }: { $value }
rule-report-documents = Ҳуҷҷатҳо:
rule-report-link = Дар куҷо: { $link }
rule-report-sources = Манбаъҳо:
rule-report-groups-header = Гурӯҳҳои кишварҳо
rule-report-home = { $code }: шаҳрвандони ин кишвар; ин қоидаҳо барои онҳо нестанд.
rule-report-group = { $group } — { $rule }, боварӣ: { $confidence }
rule-report-visa-required = Раводид лозим аст; мӯҳлати будубош аз санаҳои раводид вобаста аст.
rule-report-per-entry = То { $days ->
   *[other] { $days } рӯз
} барои ҳар вуруд
rule-report-window = На зиёда аз { $limit ->
   *[other] { $limit } рӯз
} дар ҳар { $window } рӯз
rule-report-work-without-permit = Бо шартнома бе иҷозат кор кардан мумкин аст
rule-report-no-work-or-study = Ҳангоми будубоши бидуни раводид кор ва таҳсил манъ аст
rule-report-self-registration = Бақайдгирии мустақил (R7) метавонад татбиқ шавад
rule-report-valid-from = Барои вурудҳо аз { $date } сар карда
rule-report-countries = { $codes } — { $source } ({ $date }), боварӣ: { $confidence }
rule-report-default-group = Ҳар кишваре, ки сатри алоҳида надорад, ба ин гурӯҳ дохил мешавад.
rule-report-holidays = Идҳои давлатии соли { $year } (боварӣ: { $confidence }; { $source })
rule-report-holiday = { $date } — { $name }
rule-report-substitutes = Рӯзҳои истироҳате, ки бо қарор ба рӯзи дигар гузаронида шудаанд, дар рӯйхат нестанд, бинобар ин мӯҳлатҳое, ки бо рӯзҳои корӣ ҳисоб мешаванд, метавонанд танҳо аз мӯҳлатҳои воқеӣ барвақттар бароянд.
rule-report-mci-header = { -mci } аз рӯи солҳо
rule-report-mci = { $year }: { $amount } тенге — { $source } ({ $date })
rule-report-mci-undated = { $year }: { $amount } тенге — { $source }
rule-report-mci-fallback = Барои соле, ки дар рӯйхат нест, нархҳо аз рӯи охирин соли маълум ҳисоб мешаванд ва ҳамчун тахминӣ қайд мешаванд.
