# Уведомления об изменении правил: бот пишет их один раз, когда обновление правил
# меняет даты, шаги или стоимость для самого пользователя. Названия сроков ($what)
# берутся из rules.ftl (deadline-*), названия шагов ($step) — из step-*.

## Уведомление

changes-lines = { $lines }
changes-intro = 📢 Правила изменились { $date }. Что это значит для вас:
changes-what-last-day = Ваш последний законный день
changes-date-moved = { $what }: { $from } → { $to }
changes-date-new = { $what }: новый срок — { $to }
changes-date-gone = { $what }: больше не нужно (было { $from })
changes-stay-days = Самый долгий срок пребывания для вашей страны: { $old } → { $new } { $new ->
    [one] день
    [few] дня
   *[other] дней
}
changes-stay-days-new = Самый долгий безвизовый срок для вашей страны: { $new } { $new ->
    [one] день
    [few] дня
   *[other] дней
}
changes-stay-days-gone = Безвизовый режим для вашей страны больше не действует.
changes-step-added = Новый шаг: { $step }
changes-step-removed = Больше не нужно: { $step }
changes-cost = { $step }: стоимость { $old } → { $new } тенге
changes-cost-new = { $step }: теперь стоит { $new } тенге
changes-cost-unknown = { $step }: стоимость сейчас неизвестна.
changes-see-plan = Напоминания перенесены на новые даты. /plan покажет весь ваш план.

## Для администраторов (/stats)

changes-stale-rules = Правила пора перепроверить (проверены больше { $days } дней назад): { $rules }
btn-open-plan = 📋 Открыть мой план
