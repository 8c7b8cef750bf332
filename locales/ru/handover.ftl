### «Спросить человека»: сторона пользователя (согласие, вопрос, открытое обращение),
### контакты, когда в Telegram никто не отвечает, и сторона консультантов, которая
### показывается на их языке (handover.operator_language).

## Сторона пользователя

btn-ask-person = 🙋 Спросить человека
btn-handover-consent = ✅ Отправить консультанту
btn-handover-cancel = ✖ Отмена
btn-close-case = ✖ Закрыть обращение
tg-cmd-human = Спросить человека
handover-consent =
    Консультант организации может посмотреть ваш случай. Он увидит вот это:

    { $summary }

    и вопрос, который вы напишете дальше. Отправить?
handover-write = Напишите свой вопрос одним сообщением, своими словами.
handover-cancelled = Ничего не отправлено.
handover-sent = Отправлено консультанту. Ответ придёт сюда, в этот чат.
handover-relayed = Я передал это консультанту. Всё, что вы пишете здесь, уходит ему, пока вы не закроете обращение.
handover-shared = Я передал этот файл консультанту.
handover-closed = Обращение закрыто. Чтобы спросить снова, отправьте /human.
handover-already-open = Ваше обращение открыто. Пишите сюда, я передам.
handover-answer =
    Отвечает консультант:

    { $text }
handover-closed-by-caseworker = Консультант закрыл ваше обращение. Если нужна ещё помощь, отправьте /human.
handover-off =
    { $contacts }

    Свой случай можно также уточнить в { -psc }.
handover-contacts =
    С организацией можно связаться здесь:
    { $contacts }
handover-contacts-none = Организация пока не указала здесь свои контакты.

## Сводка по обращению (на экране согласия — на языке пользователя)

handover-summary = { $lines }
handover-sum-person = Имя: { $name } ({ $username })
handover-sum-person-name = Имя: { $name }
handover-sum-person-unknown = Имя: неизвестно
handover-sum-language = Язык: { $language }
handover-sum-legal = Последний законный день: { $date } ({ $days ->
    [one] остался { $days } день
    [few] осталось { $days } дня
   *[other] осталось { $days } дней
})
handover-sum-overstay = Законный срок кончился: { $date } ({ $days ->
    [one] { $days } день сверх срока
    [few] { $days } дня сверх срока
   *[other] { $days } дней сверх срока
})
handover-sum-status-unknown = Срок пребывания: бот не может его рассчитать
handover-sum-no-plan = Ответы на вопросы ещё не закончены.
handover-sum-deadlines = Ближайшие сроки:
handover-sum-deadline = • { $what }: { $date }

## Чат консультантов

handover-op-case =
    📂 Обращение №{ $case }
    { $summary }

    Вопрос:
    { $question }

    Чтобы ответить, ответьте на это сообщение. /close в ответе закрывает обращение.
handover-op-topic = Обращение №{ $case }
handover-op-user-writes =
    Обращение №{ $case }, пишет пользователь:
    { $text }
handover-op-user-closed = Обращение №{ $case }: пользователь закрыл обращение.
handover-op-user-deleted = Обращение №{ $case }: пользователь удалил свои данные. Отправить ему больше ничего нельзя.
handover-op-blocked = Не доставлено: пользователь заблокировал бота.
handover-op-deleted = Не доставлено: пользователь удалил свои данные.
handover-op-text-only = Пользователю передаётся только текст.
