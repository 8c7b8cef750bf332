### «Адамнан сұрау»: пайдаланушы жағы (келісім, сұрақ, ашық өтініш), Telegram-да ешкім
### жауап бермегенде байланыс деректері және кеңесшілер жағы, ол олардың тілінде
### көрсетіледі (handover.operator_language).

## Пайдаланушы жағы

btn-ask-person = 🙋 Адамнан сұрау
btn-handover-consent = ✅ Кеңесшіге жіберу
btn-handover-cancel = ✖ Болдырмау
btn-close-case = ✖ Өтінішімді жабу
tg-cmd-human = Адамнан сұрау
handover-consent =
    Ұйымның кеңесшісі сіздің жағдайыңызды қарай алады. Ол мынаны көреді:

    { $summary }

    және сіз кейін жазатын сұрақты. Жіберейін бе?
handover-write = Сұрағыңызды бір хабарламамен, өз сөзіңізбен жазыңыз.
handover-cancelled = Ештеңе жіберілген жоқ.
handover-sent = Кеңесшіге жіберілді. Жауап осында, осы чатқа келеді.
handover-relayed = Мұны кеңесшіге жеткіздім. Өтінішті жапқанша, осында жазғаныңыздың бәрі оған барады.
handover-shared = Бұл файлды кеңесшіге жеткіздім.
handover-closed = Өтінішіңіз жабылды. Қайта сұрау үшін /human жіберіңіз.
handover-already-open = Өтінішіңіз ашық. Осында жазыңыз, мен жеткіземін.
handover-answer =
    Кеңесші жауап береді:

    { $text }
handover-closed-by-caseworker = Кеңесші өтінішіңізді жапты. Тағы көмек керек болса, /human жіберіңіз.
handover-off =
    { $contacts }

    Жағдайыңызды { -psc } арқылы да нақтылай аласыз.
handover-contacts =
    Ұйыммен мына жерде байланысуға болады:
    { $contacts }
handover-contacts-none = Ұйым мұнда әзірге байланыс деректерін көрсетпеген.

## Өтініш туралы қысқаша мәлімет (келісім экранында пайдаланушы тілінде)

handover-summary = { $lines }
handover-sum-person = Аты: { $name } ({ $username })
handover-sum-person-name = Аты: { $name }
handover-sum-person-unknown = Аты: белгісіз
handover-sum-language = Тілі: { $language }
handover-sum-legal = Соңғы заңды күн: { $date } ({ $days } күн қалды)
handover-sum-overstay = Заңды мерзім аяқталды: { $date } ({ $days } күн асып кетті)
handover-sum-status-unknown = Болу мерзімі: бот оны есептей алмайды
handover-sum-no-plan = Сұрақтарға жауап әлі аяқталған жоқ.
handover-sum-deadlines = Жақын мерзімдер:
handover-sum-deadline = • { $what }: { $date }

## Кеңесшілер чаты

handover-op-case =
    📂 №{ $case } өтініш
    { $summary }

    Сұрақ:
    { $question }

    Жауап беру үшін осы хабарламаға жауап жазыңыз. Жауаптағы /close өтінішті жабады.
handover-op-topic = №{ $case } өтініш
handover-op-user-writes =
    №{ $case } өтініш, пайдаланушы жазады:
    { $text }
handover-op-user-closed = №{ $case } өтініш: пайдаланушы өтінішті жапты.
handover-op-user-deleted = №{ $case } өтініш: пайдаланушы өз деректерін өшірді. Оған енді ештеңе жіберу мүмкін емес.
handover-op-blocked = Жеткізілмеді: пайдаланушы ботты бұғаттаған.
handover-op-deleted = Жеткізілмеді: пайдаланушы өз деректерін өшірген.
handover-op-text-only = Пайдаланушыға тек мәтін жеткізіледі.
