### «Аз одам пурсидан»: тарафи корбар (розигӣ, савол, муроҷиати кушода), вақте ки дар
### Telegram касе ҷавоб намедиҳад — тамосҳо, ва тарафи мушовирон, ки бо забони онҳо
### нишон дода мешавад (handover.operator_language).

## Тарафи корбар

btn-ask-person = 🙋 Аз одам пурсидан
btn-handover-consent = ✅ Ба мушовир фиристодан
btn-handover-cancel = ✖ Бекор кардан
btn-close-case = ✖ Муроҷиатамро бастан
tg-cmd-human = Аз одам пурсидан
handover-consent =
    Мушовири ташкилот метавонад ҳолати шуморо бинад. Ӯ инро мебинад:

    { $summary }

    ва саволе, ки шумо баъд менависед. Фиристам?
handover-write = Саволатонро дар як паём, бо суханони худ нависед.
handover-cancelled = Ҳеҷ чиз фиристода нашуд.
handover-sent = Ба мушовир фиристода шуд. Ҷавоб ба ҳамин ҷо, ба ҳамин чат меояд.
handover-relayed = Инро ба мушовир расондам. То муроҷиатро набандед, ҳар чизе ки дар ин ҷо менависед, ба ӯ меравад.
handover-shared = Ин файлро ба мушовир расондам.
handover-closed = Муроҷиати шумо баста шуд. Барои боз пурсидан /human фиристед.
handover-already-open = Муроҷиати шумо кушода аст. Ба ин ҷо нависед, ман мерасонам.
handover-answer =
    Мушовир ҷавоб медиҳад:

    { $text }
handover-closed-by-caseworker = Мушовир муроҷиати шуморо баст. Агар боз кумак лозим бошад, /human фиристед.
handover-off =
    { $contacts }

    Ҳолати худро дар { -psc } низ аниқ карда метавонед.
handover-contacts =
    Бо ташкилот дар ин ҷо тамос гирифтан мумкин аст:
    { $contacts }
handover-contacts-none = Ташкилот ҳоло дар ин ҷо тамосҳои худро нанавиштааст.

## Хулосаи муроҷиат (дар экрани розигӣ бо забони корбар)

handover-summary = { $lines }
handover-sum-person = Ном: { $name } ({ $username })
handover-sum-person-name = Ном: { $name }
handover-sum-person-unknown = Ном: маълум нест
handover-sum-language = Забон: { $language }
handover-sum-legal = Рӯзи охирини қонунӣ: { $date } ({ $days } рӯз монд)
handover-sum-overstay = Мӯҳлати қонунӣ тамом шуд: { $date } ({ $days } рӯз зиёдатӣ)
handover-sum-status-unknown = Мӯҳлати будубош: бот онро ҳисоб карда наметавонад
handover-sum-no-plan = Ҷавобҳо ба саволҳо ҳанӯз тамом нашудаанд.
handover-sum-deadlines = Мӯҳлатҳои наздик:
handover-sum-deadline = • { $what }: { $date }

## Чати мушовирон

handover-op-case =
    📂 Муроҷиати №{ $case }
    { $summary }

    Савол:
    { $question }

    Барои ҷавоб додан ба ҳамин паём ҷавоб нависед. /close дар ҷавоб муроҷиатро мебандад.
handover-op-topic = Муроҷиати №{ $case }
handover-op-user-writes =
    Муроҷиати №{ $case }, корбар менависад:
    { $text }
handover-op-user-closed = Муроҷиати №{ $case }: корбар муроҷиатро баст.
handover-op-user-deleted = Муроҷиати №{ $case }: корбар маълумоти худро нест кард. Ба ӯ дигар ҳеҷ чиз фиристода намешавад.
handover-op-blocked = Нарасид: корбар ботро баста аст.
handover-op-deleted = Нарасид: корбар маълумоти худро нест кардааст.
handover-op-text-only = Ба корбар танҳо матн расонда мешавад.
