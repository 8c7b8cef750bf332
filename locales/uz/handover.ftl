### «Odamdan soʻrash»: foydalanuvchi tomoni (rozilik, savol, ochiq murojaat), Telegramda
### hech kim javob bermasa — aloqa maʼlumotlari, va maslahatchilar tomoni, u ularning
### tilida koʻrsatiladi (handover.operator_language).

## Foydalanuvchi tomoni

btn-ask-person = 🙋 Odamdan soʻrash
btn-handover-consent = ✅ Maslahatchiga yuborish
btn-handover-cancel = ✖ Bekor qilish
btn-close-case = ✖ Murojaatimni yopish
tg-cmd-human = Odamdan soʻrash
handover-consent =
    Tashkilot maslahatchisi holatingizni koʻrib chiqishi mumkin. U mana buni koʻradi:

    { $summary }

    va keyin yozadigan savolingizni. Yuboraymi?
handover-write = Savolingizni bitta xabarda, oʻz soʻzlaringiz bilan yozing.
handover-cancelled = Hech narsa yuborilmadi.
handover-sent = Maslahatchiga yuborildi. Javob shu yerga, shu chatga keladi.
handover-relayed = Buni maslahatchiga yetkazdim. Murojaatni yopmaguningizcha, bu yerda yozganlaringizning hammasi unga boradi.
handover-shared = Bu faylni maslahatchiga yetkazdim.
handover-closed = Murojaatingiz yopildi. Yana soʻrash uchun /human yuboring.
handover-already-open = Murojaatingiz ochiq. Shu yerga yozing, men yetkazaman.
handover-answer =
    Maslahatchi javob beradi:

    { $text }
handover-closed-by-caseworker = Maslahatchi murojaatingizni yopdi. Yana yordam kerak boʻlsa, /human yuboring.
handover-off =
    { $contacts }

    Holatingizni { -psc(case: "locative") } ham aniqlashtirishingiz mumkin.
handover-contacts =
    Tashkilot bilan shu yerda bogʻlanish mumkin:
    { $contacts }
handover-contacts-none = Tashkilot bu yerda hali aloqa maʼlumotlarini koʻrsatmagan.

## Murojaat haqida qisqacha (rozilik ekranida foydalanuvchi tilida)

handover-summary = { $lines }
handover-sum-person = Ism: { $name } ({ $username })
handover-sum-person-name = Ism: { $name }
handover-sum-person-unknown = Ism: nomaʼlum
handover-sum-language = Til: { $language }
handover-sum-legal = Qonuniy oxirgi kun: { $date } ({ $days } kun qoldi)
handover-sum-overstay = Qonuniy muddat tugagan: { $date } ({ $days } kun oshib ketgan)
handover-sum-status-unknown = Boʻlish muddati: bot uni hisoblay olmaydi
handover-sum-no-plan = Savollarga javoblar hali tugamagan.
handover-sum-deadlines = Yaqin muddatlar:
handover-sum-deadline = • { $what }: { $date }

## Maslahatchilar chati

handover-op-case =
    📂 Murojaat №{ $case }
    { $summary }

    Savol:
    { $question }

    Javob berish uchun shu xabarga javob yozing. Javobdagi /close murojaatni yopadi.
handover-op-topic = Murojaat №{ $case }
handover-op-user-writes =
    Murojaat №{ $case }, foydalanuvchi yozadi:
    { $text }
handover-op-user-closed = Murojaat №{ $case }: foydalanuvchi murojaatni yopdi.
handover-op-user-deleted = Murojaat №{ $case }: foydalanuvchi oʻz maʼlumotlarini oʻchirdi. Unga endi hech narsa yuborib boʻlmaydi.
handover-op-blocked = Yetkazilmadi: foydalanuvchi botni bloklagan.
handover-op-deleted = Yetkazilmadi: foydalanuvchi oʻz maʼlumotlarini oʻchirgan.
handover-op-text-only = Foydalanuvchiga faqat matn yetkaziladi.
