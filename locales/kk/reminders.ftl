# Еске салулар: бот мерзім алдында не жазады, оның батырмалары, оларға жауаптар,
# /reminders және /calendar. Әр id en/ және ru/ ішінде де бар, айнымалылары бірдей.
# Мерзім атаулары ($what) rules.ftl файлынан (deadline-*), қадам атаулары step-* ішінен.

## Еске салу

reminder-lines = { $lines }
reminder-ahead = ⏰ Еске салу. { $what }: { $date } — { $days ->
    [one] { $days } күн қалды.
   *[other] { $days } күн қалды.
}
reminder-last-day = ⏰ Бүгін соңғы күн. { $what }: { $date }.
reminder-passed = ⚠️ { $days ->
    [1] Кеше соңғы күн болды.
    [one] Соңғы күн { $days } күн бұрын болды.
   *[other] Соңғы күн { $days } күн бұрын болды.
} { $what }: { $date }.
reminder-passed-now = Қазір не істеу керек: бүгіннен қалдырмаңыз. Әлі де Қазақстанда заңды негізсіз жүрсеңіз, дереу { -migration-police(case: "dative") } немесе { -psc }-ға барыңыз: артық әр күн үшін айыппұл салынуы мүмкін. /plan жоспарыңыздың қазіргі күйін көрсетеді.
reminder-step = Не істеу керек: { $step }.
reminder-source = Дереккөз: { $rule } ережесі, { $link }
reminder-source-rule = Дереккөз: { $rule } ережесі (/sources оның қайдан алынғанын көрсетеді).

btn-reminder-renewed = ✅ Дайын — мерзімін ұзарттым
btn-reminder-snooze = ⏰ Ертең еске салыңыз
btn-reminder-stop = 🔕 Бұл туралы еске салмаңыз

## Күніне бір хабар: еске салатын барлық мерзім, батырмалардағыдай нөмірмен

reminder-digest-header = ⏰ Еске салу: { $count ->
    [one] { $count } мерзім жақын.
   *[other] { $count } мерзім жақын.
}
reminder-digest-ahead = { $n }. { $what }: { $date } — { $days ->
    [one] { $days } күн қалды.
   *[other] { $days } күн қалды.
}
reminder-digest-last-day = { $n }. { $what }: { $date } — бүгін соңғы күн.
reminder-digest-passed = { $n }. ⚠️ { $what }: { $date } — { $days ->
    [1] кеше соңғы күн болды.
    [one] соңғы күн { $days } күн бұрын болды.
   *[other] соңғы күн { $days } күн бұрын болды.
}
reminder-digest-step = { "   " }→ { $step }
reminder-digest-footer = Әр батырмада өз мерзімінің нөмірі бар. /plan барлық қадамды дереккөзімен көрсетеді.

btn-digest-renewed = { $n } ✅ Ұзарттым
btn-digest-snooze = { $n } ⏰ Ертең
btn-digest-stop = { $n } 🔕 Тоқтату

## Батырмаларға жауаптар

reminder-renew-intro = Жарайсыз! «{ $document }» құжатының жаңа аяқталу күнін жіберіңіз, еске салуларды қайта жоспарлаймын.
reminder-renewed = Сақталды: «{ $document }» { DATE($date, case: "dative") } дейін жарамды. Еске салулар қайта жоспарланды; /reminders оларды көрсетеді.
reminder-snoozed = Жарайды, ертең, { $tomorrow }, тағы еске саламын. { $what }: { $date }.
reminder-snooze-too-late = { $what }: { $date }. Мерзім өткен соң еске сала алмаймын, сондықтан бүгіннен қалдырмаңыз.
reminder-stopped = Бұл туралы енді еске салмаймын. { $what }: { $date }. /reminders қалған еске салуларды көрсетеді.

## /reminders

reminders-list-header = { $count ->
    [one] Келесі еске салуыңыз:
   *[other] Келесі { $count } еске салуыңыз:
}
reminders-list-deadline = • { $what }: { $date } — келесі еске салу: { $when }
reminders-list-more = …тағы { $count ->
    [one] { $count } мерзім бар.
   *[other] { $count } мерзім бар.
}
reminders-list-empty = Әзірге жоспарланған еске салу жоқ. Жоспарыңызда мерзімдер болса, әрқайсысынан бірнеше күн бұрын жазамын; /plan жоспарыңызды көрсетеді.

## /calendar

calendar-intro = Міне, мерзімдеріңіз жазылған күнтізбе файлы. Оны ашсаңыз, мерзімдер телефоныңыздың күнтізбесіне қосылады, әрқайсысының алдында ескерту болады. Файлды кейін қайта ашсаңыз, оқиғалар қайталанып қосылмайды, тек жаңартылады.
calendar-empty = Жоспарыңызда күнтізбеге енгізетін мерзім жоқ.
calendar-name = { -bot }: мерзімдер
calendar-summary = { -bot }: { $what }
calendar-deadline = { $what }: { $date }.
calendar-alarm = { $what }: { $date }.
