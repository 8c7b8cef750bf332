### «Адамдан суроо»: колдонуучунун тарабы (макулдук, суроо, ачык кайрылуу), Telegramда
### эч ким жооп бербесе — байланыш маалыматтары, жана кеңешчилердин тарабы, ал алардын
### тилинде көрсөтүлөт (handover.operator_language).

## Колдонуучунун тарабы

btn-ask-person = 🙋 Адамдан суроо
btn-handover-consent = ✅ Кеңешчиге жөнөтүү
btn-handover-cancel = ✖ Жокко чыгаруу
btn-close-case = ✖ Кайрылуумду жабуу
tg-cmd-human = Адамдан суроо
handover-consent =
    Уюмдун кеңешчиси абалыңызды карап чыга алат. Ал муну көрөт:

    { $summary }

    жана кийин жаза турган сурооңузду. Жөнөтөйүнбү?
handover-write = Сурооңузду бир билдирүү менен, өз сөзүңүз менен жазыңыз.
handover-cancelled = Эч нерсе жөнөтүлгөн жок.
handover-sent = Кеңешчиге жөнөтүлдү. Жооп ушул жерге, ушул чатка келет.
handover-relayed = Муну кеңешчиге жеткирдим. Кайрылууну жапканга чейин бул жерге жазганыңыздын баары ага барат.
handover-shared = Бул файлды кеңешчиге жеткирдим.
handover-closed = Кайрылууңуз жабылды. Кайра суроо үчүн /human жөнөтүңүз.
handover-already-open = Кайрылууңуз ачык. Ушул жерге жазыңыз, мен жеткирем.
handover-answer =
    Кеңешчи жооп берет:

    { $text }
handover-closed-by-caseworker = Кеңешчи кайрылууңузду жапты. Дагы жардам керек болсо, /human жөнөтүңүз.
handover-off =
    { $contacts }

    Абалыңызды { -psc(case: "locative") } да тактасаңыз болот.
handover-contacts =
    Уюм менен бул жерде байланышса болот:
    { $contacts }
handover-contacts-none = Уюм бул жерде азырынча байланыш маалыматтарын көрсөткөн жок.

## Кайрылуу боюнча кыскача маалымат (макулдук экранында колдонуучунун тилинде)

handover-summary = { $lines }
handover-sum-person = Аты: { $name } ({ $username })
handover-sum-person-name = Аты: { $name }
handover-sum-person-unknown = Аты: белгисиз
handover-sum-language = Тили: { $language }
handover-sum-legal = Акыркы мыйзамдуу күн: { $date } ({ $days } күн калды)
handover-sum-overstay = Мыйзамдуу мөөнөт бүттү: { $date } ({ $days } күн ашып кетти)
handover-sum-status-unknown = Жүрүү мөөнөтү: бот аны эсептей албайт
handover-sum-no-plan = Суроолорго жооптор азырынча бүтө элек.
handover-sum-deadlines = Жакынкы мөөнөттөр:
handover-sum-deadline = • { $what }: { $date }

## Кеңешчилердин чаты

handover-op-case =
    📂 №{ $case } кайрылуу
    { $summary }

    Суроо:
    { $question }

    Жооп берүү үчүн ушул билдирүүгө жооп жазыңыз. Жооптогу /close кайрылууну жабат.
handover-op-topic = №{ $case } кайрылуу
handover-op-user-writes =
    №{ $case } кайрылуу, колдонуучу жазат:
    { $text }
handover-op-user-closed = №{ $case } кайрылуу: колдонуучу кайрылууну жапты.
handover-op-user-deleted = №{ $case } кайрылуу: колдонуучу өз маалыматтарын өчүрдү. Ага мындан ары эч нерсе жөнөтүүгө болбойт.
handover-op-blocked = Жеткирилген жок: колдонуучу ботту бөгөттөгөн.
handover-op-deleted = Жеткирилген жок: колдонуучу өз маалыматтарын өчүргөн.
handover-op-text-only = Колдонуучуга текст гана жеткирилет.
