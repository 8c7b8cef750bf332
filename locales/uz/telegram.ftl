# Bot Telegramda ishlagani uchun kerak boʻlgan matnlar: guruhlar uchun eslatma, bosilgan
# tugmaning yozuvi, bot profili va buyruqlar menyusi, adminlar uchun statistika.
# Bu yerdagi har bir id en/, ru/ va kk/ da ham bor.

## Guruhlar va kanallar

tg-private-only = Men faqat shaxsiy yozishmada ishlayman. Menga shaxsiy xabar yozing va «Start» («Boshlash») tugmasini bosing.
tg-slow-down = Siz xabarlarni men oʻqib ulgurganimdan tezroq yuboryapsiz, shuning uchun baʼzilarini oʻtkazib yubordim. Iltimos, bir necha soniya kuting, keyin javobingizni qaytadan yuboring.

## Tugmasi bosilgan savol

tg-answered = Javobingiz: { $answer }

## Bot profili (birinchi xabardan oldin koʻrinadi)

tg-description = { -bot } Qozogʻistondagi chet elliklarga yordam beradi. Bir nechta qisqa savolga javob bering — qancha muddat qolishingiz mumkinligini, qaysi hujjatlar kerakligini va qaysi sanagacha nima qilish kerakligini koʻrsataman. Oʻzbek, tojik, qirgʻiz, qozoq, rus va ingliz tillarida. Bu — maʼlumot, yuridik maslahat emas.
tg-short-description = Qozogʻistondagi chet elliklar uchun: boʻlish muddati, roʻyxatdan oʻtish va ruxsatnomalar — shaxsiy reja.

## Buyruqlar menyusi

tg-cmd-start = Boshlash yoki davom ettirish
tg-cmd-help = Nimalar qila olaman
tg-cmd-plan = Rejangiz
tg-cmd-me = Javoblaringiz
tg-cmd-sources = Qoidalar qayerdan olingan
tg-cmd-reminders = Yaqin eslatmalaringiz
tg-cmd-calendar = Muddatlaringiz kalendar faylida
tg-cmd-trips = Oldingi safarlaringiz
tg-cmd-language = Tilni almashtirish
tg-cmd-back = Oldingi savol
tg-cmd-restart = Boshidan boshlash
tg-cmd-export = Barcha maʼlumotlaringiz
tg-cmd-delete = Barcha maʼlumotlaringizni oʻchirish

## Adminlar uchun statistika (/stats)

tg-stats =
    Statistika
    Foydalanuvchilar: { $users }
    Savollarga javob bermoqda: { $active }
    Rejasi bor: { $plans }
    Botni bloklagan: { $blocked }
    Kutilayotgan eslatmalar: { $pending }
    Yuborilgan eslatmalar: { $sent }
    Ishga tushgandan beri: yangilanishlar { $updates }, javoblar { $replies }, API xatolari { $errors }
