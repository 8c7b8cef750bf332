# Напоминания: что бот пишет перед сроком, его кнопки, ответы на них, /reminders и
# /calendar. Все id есть в en/ и kk/ с теми же переменными. Названия сроков ($what)
# берутся из rules.ftl (deadline-*), названия шагов — из step-*.

## Напоминание

reminder-lines = { $lines }
reminder-ahead = ⏰ Напоминание. { $what }: { $date } — { $days ->
    [one] остался { $days } день.
    [few] осталось { $days } дня.
    [many] осталось { $days } дней.
   *[other] осталось { $days } дня.
}
reminder-last-day = ⏰ Сегодня последний день. { $what }: { $date }.
reminder-passed = ⚠️ { $days ->
    [1] Вчера был последний день.
    [one] Последний день был { $days } день назад.
    [few] Последний день был { $days } дня назад.
    [many] Последний день был { $days } дней назад.
   *[other] Последний день был { $days } дня назад.
} { $what }: { $date }.
reminder-passed-now = Что делать сейчас: действуйте сегодня. Если вы ещё в Казахстане без действующего основания, сразу обратитесь в { -migration-police(case: "acc") } или в { -psc }: каждый лишний день может обернуться штрафом. /plan покажет ваш план на сегодня.
reminder-step = Что сделать: { $step }.
reminder-source = Источник: правило { $rule }, { $link }
reminder-source-rule = Источник: правило { $rule } (/sources покажет, откуда оно).

btn-reminder-renewed = ✅ Готово — я продлил(а)
btn-reminder-snooze = ⏰ Напомнить завтра
btn-reminder-stop = 🔕 Больше не напоминать

## Одно сообщение в день: все сроки, о которых пора напомнить, с номерами, как на кнопках

reminder-digest-header = ⏰ Напоминание: { $count ->
    [one] близко { $count } срок.
    [few] близко { $count } срока.
    [many] близко { $count } сроков.
   *[other] близко { $count } срока.
}
reminder-digest-ahead = { $n }. { $what }: { $date } — { $days ->
    [one] остался { $days } день.
    [few] осталось { $days } дня.
    [many] осталось { $days } дней.
   *[other] осталось { $days } дня.
}
reminder-digest-last-day = { $n }. { $what }: { $date } — сегодня последний день.
reminder-digest-passed = { $n }. ⚠️ { $what }: { $date } — { $days ->
    [1] вчера был последний день.
    [one] последний день был { $days } день назад.
    [few] последний день был { $days } дня назад.
    [many] последний день был { $days } дней назад.
   *[other] последний день был { $days } дня назад.
}
reminder-digest-step = { "   " }→ { $step }
reminder-digest-footer = На каждой кнопке номер её срока. /plan покажет все шаги с источниками.

btn-digest-renewed = { $n } ✅ Продлил(а)
btn-digest-snooze = { $n } ⏰ Завтра
btn-digest-stop = { $n } 🔕 Хватит

## Ответы на кнопки

reminder-renew-intro = Отлично! Пришлите новую дату окончания: { $document }. Я заново запланирую напоминания.
reminder-renewed = Сохранено: { $document } — действует до { $date }. Напоминания запланированы заново; /reminders покажет их.
reminder-snoozed = Хорошо, напомню ещё раз завтра, { $tomorrow }. { $what }: { $date }.
reminder-snooze-too-late = { $what }: { $date }. Напомнить позже срока я не могу — пожалуйста, действуйте сегодня.
reminder-stopped = Больше не буду напоминать об этом. { $what }: { $date }. /reminders покажет оставшиеся напоминания.

## /reminders

reminders-list-header = { $count ->
    [1] Ваше ближайшее напоминание:
   *[other] Ближайшие напоминания ({ $count }):
}
reminders-list-deadline = • { $what }: { $date } — напомню { $when }
reminders-list-more = …и ещё { $count ->
    [one] { $count } срок.
    [few] { $count } срока.
    [many] { $count } сроков.
   *[other] { $count } срока.
}
reminders-list-empty = Напоминаний пока нет. Когда в вашем плане есть сроки, я пишу за несколько дней до каждого; /plan покажет план.

## /calendar

calendar-intro = Вот файл календаря с вашими сроками. Откройте его, чтобы добавить их в календарь телефона с оповещениями перед каждым. Если позже импортировать его снова, события обновятся, а не задвоятся.
calendar-empty = В вашем плане нет сроков для календаря.
calendar-name = { -bot }: сроки
calendar-summary = { -bot }: { $what }
calendar-deadline = { $what }: { $date }.
calendar-alarm = { $what }: { $date }.
