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
btn-reminder-stop = 🔕 Бұл туралы енді еске салмаңыз

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
reminders-list-item = • { $when }, { $time }: { $what } — { $date }
reminders-list-more = …тағы { $count ->
    [one] { $count } еске салу бар.
   *[other] { $count } еске салу бар.
}
reminders-list-empty = Әзірге жоспарланған еске салу жоқ. Жоспарыңызда мерзімдер болса, әрқайсысынан бірнеше күн бұрын жазамын; /plan жоспарыңызды көрсетеді.

## /calendar

calendar-intro = Міне, мерзімдеріңіз жазылған күнтізбе файлы. Оны ашсаңыз, мерзімдер телефоныңыздың күнтізбесіне қосылады, әрқайсысының алдында ескерту болады. Файлды кейін қайта ашсаңыз, оқиғалар қайталанып қосылмайды, тек жаңартылады.
calendar-empty = Жоспарыңызда күнтізбеге енгізетін мерзім жоқ.
calendar-name = { -bot }: мерзімдер
calendar-summary = { -bot }: { $what }
calendar-deadline = { $what }: { $date }.
calendar-alarm = { $what }: { $date }.
