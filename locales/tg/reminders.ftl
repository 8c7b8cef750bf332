# Ёдраскуниҳо: он чи бот пеш аз мӯҳлат менависад, тугмаҳояш, ҷавоб ба онҳо,
# /reminders ва /calendar. Ҳар id дар ин ҷо дар en/ низ бо ҳамон тағйирёбандаҳо ҳаст.
# Номи мӯҳлатҳо ($what) аз rules.ftl (deadline-*), номи қадамҳо аз step-* гирифта мешаванд.

## Ёдраскунӣ

reminder-lines = { $lines }
reminder-ahead = ⏰ Ёдраскунӣ. { $what }: { $date } — { $days ->
   *[other] { $days } рӯз монд.
}
reminder-last-day = ⏰ Имрӯз рӯзи охир аст. { $what }: { $date }.
reminder-passed = ⚠️ { $days ->
    [1] Дирӯз рӯзи охир буд.
   *[other] Рӯзи охир { $days } рӯз пеш буд.
} { $what }: { $date }.
reminder-passed-now = Ҳозир чӣ бояд кард: худи имрӯз амал кунед. Агар шумо ҳанӯз бе асоси қонунӣ дар Қазоқистон бошед, фавран ба { -migration-police } ё ба { -psc-full } равед: ҳар рӯзи иловагӣ метавонад ба ҷарима оварад. /plan нақшаи ҳозираи шуморо нишон медиҳад.
reminder-step = Чӣ бояд кард: { $step }.
reminder-source = Манбаъ: қоидаи { $rule }, { $link }
reminder-source-rule = Манбаъ: қоидаи { $rule } (/sources нишон медиҳад, ки он аз куҷост).

btn-reminder-renewed = ✅ Тайёр — тамдид кардам
btn-reminder-snooze = ⏰ Фардо ёдам диҳед
btn-reminder-stop = 🔕 Дигар ёдрас накунед

## Рӯзе як паём: ҳамаи мӯҳлатҳое, ки вақти ёдраскуниашон расид, бо рақами тугмаҳо

reminder-digest-header = ⏰ Ёдраскунӣ: { $count ->
   *[other] { $count } мӯҳлат наздик аст.
}
reminder-digest-ahead = { $n }. { $what }: { $date } — { $days ->
   *[other] { $days } рӯз монд.
}
reminder-digest-last-day = { $n }. { $what }: { $date } — имрӯз рӯзи охир аст.
reminder-digest-passed = { $n }. ⚠️ { $what }: { $date } — { $days ->
    [1] дирӯз рӯзи охир буд.
   *[other] рӯзи охир { $days } рӯз пеш буд.
}
reminder-digest-step = { "   " }→ { $step }
reminder-digest-footer = Дар ҳар тугма рақами мӯҳлати он ҳаст. /plan ҳамаи қадамҳоро бо манбаашон нишон медиҳад.

btn-digest-renewed = { $n } ✅ Тамдид кардам
btn-digest-snooze = { $n } ⏰ Фардо
btn-digest-stop = { $n } 🔕 Бас

## Ҷавоб ба тугмаҳо

reminder-renew-intro = Офарин! Нависед, ки { $document } акнун то кадом сана эътибор дорад. Ман ёдраскуниҳоро аз нав ба нақша мегирам.
reminder-renewed = Нигоҳ дошта шуд: { $document } то { $date } эътибор дорад. Ёдраскуниҳо аз нав ба нақша гирифта шуданд; /reminders онҳоро нишон медиҳад.
reminder-snoozed = Хуб, фардо, { $tomorrow }, боз ёдрас мекунам. { $what }: { $date }.
reminder-snooze-too-late = { $what }: { $date }. Пас аз гузаштани мӯҳлат ёдрас карда наметавонам, бинобар ин лутфан имрӯз амал кунед.
reminder-stopped = Дигар дар ин бора ёдрас намекунам. { $what }: { $date }. /reminders ёдраскуниҳои боқимондаро нишон медиҳад.

## /reminders

reminders-list-header = { $count ->
    [1] Ёдраскунии навбатии шумо:
   *[other] { $count } ёдраскунии навбатии шумо:
}
reminders-list-deadline = • { $what }: { $date } — ёдраскунии навбатӣ: { $when }
reminders-list-more = …ва боз { $count ->
   *[other] { $count } мӯҳлат.
}
reminders-list-empty = Ҳоло ягон ёдраскунӣ нест. Вақте ки дар нақшаи шумо мӯҳлатҳо бошанд, ман чанд рӯз пеш аз ҳар яки онҳо менависам; /plan нақшаи шуморо нишон медиҳад.

## /calendar

calendar-intro = Ана файли тақвим бо мӯҳлатҳои шумо. Онро кушоед, то мӯҳлатҳо бо огоҳиҳо пеш аз ҳар кадоме ба тақвими телефонатон илова шаванд. Агар баъдтар онро боз ворид кунед, рӯйдодҳо нав мешаванд, дубора илова намешаванд.
calendar-empty = Дар нақшаи шумо мӯҳлате барои тақвим нест.
calendar-name = { -bot }: мӯҳлатҳо
calendar-summary = { -bot }: { $what }
calendar-deadline = { $what }: { $date }.
calendar-alarm = { $what }: { $date }.
