# Эскертмелер: мөөнөттүн алдында бот жазган билдирүүлөр, алардын баскычтары, баскычтарга жооптор,
# /reminders жана /calendar. Ар бир id en/, ru/ жана kk/ ичинде да бар, өзгөрмөлөрү бирдей.
# Мөөнөттөрдүн аттары ($what) rules.ftl файлынан (deadline-*), кадамдардын аттары step-* дан келет.

## Эскертме

reminder-lines = { $lines }
reminder-ahead = ⏰ Эскертме. { $what }: { $date } — { $days ->
    [one] { $days } күн калды.
   *[other] { $days } күн калды.
}
reminder-last-day = ⏰ Бүгүн акыркы күн. { $what }: { $date }.
reminder-passed = ⚠️ { $days ->
    [1] Кечээ акыркы күн болчу.
    [one] Акыркы күн { $days } күн мурун болчу.
   *[other] Акыркы күн { $days } күн мурун болчу.
} { $what }: { $date }.
reminder-passed-now = Азыр эмне кылуу керек: бүгүн эле аракет кылыңыз. Эгер Казакстанда мыйзамдуу негизсиз жүрсөңүз, дароо { -migration-police(case: "dative") } же { -psc(case: "dative") } барыңыз; ашыкча ар бир күн үчүн айып пул салынышы мүмкүн. /plan планыңызды азыркы абалы менен көрсөтөт.
reminder-step = Эмне кылуу керек: { $step }.
reminder-source = Булагы: { $rule } эрежеси, { $link }
reminder-source-rule = Булагы: { $rule } эрежеси (/sources эреже кайдан алынганын көрсөтөт).

btn-reminder-renewed = ✅ Даяр — узарттым
btn-reminder-snooze = ⏰ Эртең эскертиңиз
btn-reminder-stop = 🔕 Бул эскертмелерди токтотуу

## Күнүнө бир билдирүү: эскерте турган бардык мөөнөттөр, баскычтардагыдай номери менен

reminder-digest-header = ⏰ Эскертме: { $count ->
    [one] { $count } мөөнөт жакын.
   *[other] { $count } мөөнөт жакын.
}
reminder-digest-ahead = { $n }. { $what }: { $date } — { $days ->
    [one] { $days } күн калды.
   *[other] { $days } күн калды.
}
reminder-digest-last-day = { $n }. { $what }: { $date } — бүгүн акыркы күн.
reminder-digest-passed = { $n }. ⚠️ { $what }: { $date } — { $days ->
    [1] кечээ акыркы күн болчу.
    [one] акыркы күн { $days } күн мурун болчу.
   *[other] акыркы күн { $days } күн мурун болчу.
}
reminder-digest-step = { "   " }→ { $step }
reminder-digest-footer = Ар бир баскычта өз мөөнөтүнүн номери бар. /plan бардык кадамдарды булагы менен көрсөтөт.

btn-digest-renewed = { $n } ✅ Узарттым
btn-digest-snooze = { $n } ⏰ Эртең
btn-digest-stop = { $n } 🔕 Токтотуу

## Баскычтарга жооптор

reminder-renew-intro = Азаматсыз! Документ ({ $document }) эми кайсы күнгө чейин жарактуу экенин жазыңыз, эскертмелерди кайра пландайм.
reminder-renewed = Сакталды: документ ({ $document }) { DATE($date, case: "dative") } чейин жарактуу. Эскертмелер кайра пландалды; /reminders аларды көрсөтөт.
reminder-snoozed = Макул, эртең, { $tomorrow }, дагы эскертем. { $what }: { $date }.
reminder-snooze-too-late = { $what }: { $date }. Мөөнөт өткөндөн кийин эскерте албайм, ошондуктан бүгүн эле аракет кылыңыз.
reminder-stopped = Бул тууралуу мындан ары эскертпейм. { $what }: { $date }. /reminders калган эскертмелерди көрсөтөт.

## /reminders

reminders-list-header = { $count ->
    [one] Кийинки эскертмеңиз:
   *[other] Кийинки { $count } эскертмеңиз:
}
reminders-list-deadline = • { $what }: { $date } — кийинки эскертме: { $when }
reminders-list-more = …жана дагы { $count ->
    [one] { $count } мөөнөт.
   *[other] { $count } мөөнөт.
}
reminders-list-empty = Азырынча эч бир эскертме пландалган эмес. Планыңызда мөөнөттөр болсо, ар биринен бир нече күн мурун жазам; /plan планыңызды көрсөтөт.

## /calendar

calendar-intro = Мына, мөөнөттөрүңүз жазылган календарь файлы. Аны ачсаңыз, мөөнөттөр телефонуңуздун календарына кошулат жана ар бирине чейин эскертме келет. Кийин кайра импорттосоңуз, окуялар эки эселенбей, жаңыланат.
calendar-empty = Планыңызда календарга кошо турган мөөнөттөр жок.
calendar-name = { -bot }: мөөнөттөр
calendar-summary = { -bot }: { $what }
calendar-deadline = { $what }: { $date }.
calendar-alarm = { $what }: { $date }.
