# Suhbat: salomlashish, savollar, tugmalar, javoblar roʻyxati va foydalanuvchi duch keladigan xatolar.
# Bu yerdagi har bir id en/, ru/ va kk/ da ham bor, oʻsha oʻzgaruvchilar bilan.
# Yozuv: lotin alifbosi; oʻ va gʻ U+02BB (ʻ) bilan, tutuq belgisi U+02BC (ʼ) bilan.

-bot = Jolserik

## Salomlashish va yordam

welcome = Assalomu alaykum! Men — { -bot }, Qozogʻistondagi yoʻldoshingiz. Sizga bir nechta qisqa savol beraman, keyin Qozogʻistonda qancha muddat qolishingiz mumkinligini va qaysi sanagacha nima qilish kerakligini koʻrsataman. Aytganlaringiz faqat menda qoladi; /delete ularni oʻchirib tashlaydi.
welcome-back = Yana xush kelibsiz! Toʻxtagan joyimizdan davom etamiz.
help =
    Men Qozogʻistondagi chet elliklarga boʻlish muddati va ruxsatnomalar muddatlarini kuzatib borishda yordam beraman.
    Savollarga tugmalar bilan yoki yozib javob bering.
    /back — oldingi savol
    /me — javoblaringiz
    /plan — rejangiz
    /sources — qoidalar qayerdan olingan
    /reminders — yaqin eslatmalaringiz
    /calendar — muddatlaringiz kalendar fayli koʻrinishida
    /trips — oldingi safarlaringiz: qoʻshish, oʻzgartirish, oʻchirish
    /human — odamdan soʻrash: tashkilot maslahatchisi
    /language — tilni almashtirish
    /restart — boshidan boshlash
    /export — siz haqingizdagi barcha maʼlumotlar
    /delete — barcha maʼlumotlaringizni oʻchirish
    Bu — maʼlumot, yuridik maslahat emas.
language-set = Yaxshi, oʻzbek tilida gaplashamiz.

## Til

q-language = Qaysi tilda gaplashamiz?
lang-ru = Русский
lang-kk = Қазақша
lang-en = English
lang-uz = Oʻzbekcha
lang-tg = Тоҷикӣ
lang-ky = Кыргызча

## Fuqarolik

q-citizenship = Pasportingiz qaysi davlatniki? Pastdan tanlang yoki davlatingiz nomini yozing.
country = { $country }
btn-other-country = Boshqa davlat
q-citizenship-typed = Davlatingiz nomini yoki kodini yozing (masalan: Oʻzbekiston yoki UZ).
q-citizenship-confirm = { $country } demoqchimisiz?
q-citizenship-choose = Qaysi birini nazarda tutdingiz?
err-country-unknown = Bunday davlatni topa olmadim. Yozilishini tekshiring yoki ikki harfli kodini yozing (masalan: TJ).
info-citizen-kz = Siz Qozogʻiston fuqarosisiz, shuning uchun boʻlish muddati cheklovlari sizga tegishli emas. Bu bot chet elliklar uchun. Agar sizda boshqa davlat pasporti boʻlsa, oʻsha davlatni tanlang.

## Kirgan sana

q-entry = Qozogʻistonga oxirgi marta qaysi sanada kirgansiz? { $example } kabi yozing yoki tugmani bosing.
btn-today = Bugun
btn-yesterday = Kecha
err-date-unrecognized = Bu sanani tushuna olmadim. { $example } yoki { $date } kabi yozing.
err-date-impossible = Kalendarda bunday sana yoʻq. Kun va oyni tekshiring, masalan: { $example }.
err-date-future = Bu sana hali kelmagan. Haqiqatda kirgan sanangizni yozing, masalan: { $example }.
err-date-too-old = Bu sana { $years } yildan ham oldin. Yilni tekshiring, masalan: { $example }.
err-date-too-far = Hujjat uchun bu sana juda uzoq kelajakda. Yilni tekshiring, masalan: { $example }.
err-date-year-missing = Iltimos, yilni ham yozing, masalan: { $example }.

## Oxirgi 180 kundagi kunlar

btn-prior-none = Boʻlmaganman
btn-prior-unknown = Bilmayman
err-prior-days = Kunlar sonini yozing (0 dan { $max } gacha) yoki tugmani bosing.
days-count = { $days } kun

## Maqsad

q-purpose = Qozogʻistonda qanday maqsadda boʻlyapsiz?
purpose-work = Ish
    .short = Ish
purpose-study = Oʻqish
    .short = Oʻqish
purpose-family = Oila
    .short = Oila
purpose-visit = Mehmonga kelish yoki sayohat
    .short = Mehmonga kelish yoki sayohat
purpose-business = Xizmat safari
    .short = Xizmat safari
purpose-kandas = Qandas (etnik qozoq)
    .short = Qandas (etnik qozoq)
purpose-nomad = Chet eldagi ish beruvchi uchun masofadan ishlash
    .short = Chet elga masofadan ish
purpose-other = Boshqa
    .short = Boshqa

## Ish beruvchi

q-employer = Ish beruvchingiz kim?
employer-household = Xususiy shaxs (uy xoʻjaligida ishlash)
    .short = Xususiy shaxs (uy ishi)
employer-company = Qozogʻistondagi kompaniya yoki tadbirkor
    .short = Kompaniya yoki tadbirkor
employer-abroad = Chet eldagi ish beruvchi
    .short = Chet eldagi ish beruvchi

## Hujjatlar

q-documents = Sizda qaysi hujjatlar allaqachon bor? Bor hujjatlarning har birini bosing, keyin «Tayyor» tugmasini bosing.
held-trp = Vaqtinchalik yashash uchun ruxsatnoma (RVP)
    .short = Yashash ruxsatnomasi ({ -trp })
held-labour-permit = Mehnat immigrantiga ruxsatnoma
    .short = Mehnat ruxsatnomasi
held-work-permit = Ish beruvchining xorijiy ishchi kuchini jalb etishga ruxsatnomasi
    .short = Ish beruvchi ruxsatnomasi
held-visa = Viza
    .short = Viza
held-iin = { -iin }
    .short = { -iin }
# Oʻsha nomlar gap ichida («sizdagi vaqtinchalik yashash uchun ruxsatnoma»).
held-trp-in-text = vaqtinchalik yashash uchun ruxsatnoma
held-labour-permit-in-text = { -labour-permit }
held-work-permit-in-text = ish beruvchining xorijiy ishchi kuchini jalb etishga ruxsatnomasi
held-visa-in-text = viza
held-iin-in-text = { -iin }
btn-doc = { $document }
btn-doc-selected = ✅ { $document }
btn-docs-none = Bularning hech biri yoʻq
btn-docs-done = Tayyor
q-document-end = Sizdagi { $document } qaysi sanagacha amal qiladi? { $example } kabi yozing.
note-document-expired = Eʼtibor bering: sizdagi { $document } amal qilish muddati { DATE($date, case: "locative") } tugagan. Buni hisobga olaman.

## Javoblar roʻyxati

summary =
    Iltimos, javoblaringizni tekshiring:
    { $answers }
summary-citizenship = Fuqarolik: { $value }
summary-entry = Oxirgi kirish: { $value }
summary-prior-days = Kirishdan oldingi { $window_days } kun ichida: { $value }
summary-purpose = Maqsad: { $value }
summary-employer = Ish beruvchi: { $value }
summary-documents = Hujjatlar: { $value }
summary-document = • { $document }
summary-document-until = • { $document }, { DATE($date, case: "limitative") } amal qiladi
summary-document-expired = • { $document }, muddati { DATE($date, case: "locative") } tugagan
summary-not-given = hali aytilmagan
date = { $date }
btn-correct = ✅ Toʻgʻri
btn-change = ✏️ Javobni oʻzgartirish
q-change-which = Qaysi javobni oʻzgartirmoqchisiz?
field-citizenship = Fuqarolik
field-entry = Kirgan sana
field-prior-days = Kirishdan oldingi kunlar
field-purpose = Maqsad
field-employer = Ish beruvchi
field-documents = Hujjatlar
btn-back-to-summary = ↩️ Javoblar roʻyxatiga qaytish

## Reja: bajariladigan ishlar

plan-actions = Qadamni bajarganingizda ⬜ ni bosing (yana bossangiz, belgi olinadi). Qadamni toʻliq koʻrish uchun uning nomini bosing.
btn-step-done = ⬜ Bajarildi
btn-step-undo = ✅ Bajarildi
btn-step-open = { $number }. { $step }
btn-plan-steps = 📋 Barcha qadamlar
btn-plan-notes = 💡 Bilib qoʻying
btn-plan-sources = 📚 Manbalar
btn-plan-calendar = 📅 Taqvim (.ics)
btn-plan-back = ↩️ Orqaga
plan-not-ready = Rejangiz hali tayyor emas: avval savollarga javob bering.
plan-free-text = Rejangiz tayyor. /plan uni yana koʻrsatadi, /me — javoblaringizni, /restart — hammasini boshidan boshlaydi.

## Qayta boshlash, oʻchirish, yuklab olish

confirm-restart = Boshidan boshlaymizmi? Javoblaringiz oʻchiriladi.
btn-confirm-restart = Ha, boshidan boshlash
confirm-delete = Siz haqingizda bilganlarimning hammasini oʻchiraymi? Buni qaytarib boʻlmaydi.
btn-confirm-delete = Ha, hammasini oʻchirish
btn-cancel = Bekor qilish
btn-yes = Ha
btn-no = Yoʻq
restarted = Javoblaringiz oʻchirildi. Qaytadan boshlaymiz.
deleted = Tayyor: siz haqingizdagi hamma maʼlumot oʻchirildi. Qaytadan boshlamoqchi boʻlsangiz, /start yuboring.
cancelled = Bekor qilindi. Hech narsa oʻzgarmadi.
export-intro = Siz haqingizda saqlagan hamma maʼlumotlarim:

## Muammolar

err-unknown-command = Men /{ $command } buyrugʻini bilmayman. /help nimalar qila olishimni koʻrsatadi.
err-not-understood = Buni tushunmadim.
err-use-buttons = Iltimos, tugmalardan birini bosib javob bering.
err-stale-button = Bu tugma eskirgan. Mana hozirgi savol.
err-unsupported-input = Men faqat matn va tugmalarni tushunaman.
err-first-question = Bu birinchi savol.
err-storage = Kechirasiz, javobingizni hozir saqlay olmadim. Iltimos, bir daqiqadan keyin yana yuboring.
store-reset-notice = Bot yangilandi va oldingi javoblaringizni oʻqiy olmadi. Uzr! Iltimos, savollarga qaytadan javob bering — bu bir daqiqa vaqt oladi.
