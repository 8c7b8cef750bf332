### Qozogʻiston qoidalari: reja, uning qadamlari, hujjatlar, muddatlar, eslatmalar va manbalar,
### hamda tekshiruvchilar uchun qoidalar katalogi. Sanalar, pul va havolalar tayyor matn
### sifatida keladi; sonlar koʻplik shakllari uchun son sifatida keladi.
### Sana «2026-yil 30-noyabr» shaklida keladi. Kelishik kerak boʻlsa, DATE funksiyasi oy nomiga
### qoʻshimcha qoʻshadi: { DATE($date, case: "limitative") } → «2026-yil 30-noyabrgacha»,
### "locative" → «…30-noyabrda», "ablative" → «…30-noyabrdan», "dative" → «…30-noyabrga»,
### "genitive" → «…30-noyabrning», "accusative" → «…30-noyabrni». Qoʻshimchani qoʻlda qoʻshmang.

-egov = egov.kz
-enbek-migration = migration.enbek.kz
# Aholiga xizmat koʻrsatish markazi (ЦОН, qozoqcha ХҚКО).
-psc = { $case ->
    [dative] Xalqqa xizmat koʻrsatish markaziga (ЦОН)
    [locative] Xalqqa xizmat koʻrsatish markazida (ЦОН)
   *[nominative] Xalqqa xizmat koʻrsatish markazi (ЦОН)
}
# Politsiyaning migratsiya xizmati (миграционная служба полиции, «migratsiya politsiyasi»).
-migration-police = { $case ->
    [genitive] politsiyaning migratsiya xizmatining
    [dative] politsiyaning migratsiya xizmatiga
    [accusative] politsiyaning migratsiya xizmatini
    [locative] politsiyaning migratsiya xizmatida
    [ablative] politsiyaning migratsiya xizmatidan
   *[nominative] politsiyaning migratsiya xizmati
}
# Oylik hisob koʻrsatkichi (МРП / АЕК).
-mci = OHK
# Individual identifikatsiya raqami (ИИН / ЖСН).
-iin = IIN
# Vaqtinchalik yashash uchun ruxsatnoma (РВП; Kazinform: ВЯР): qisqa nomi.
-trp = RVP
-labour-permit = mehnat immigrantiga ruxsatnoma

## Reja: holat

plan-lines = { $lines }
plan-separator = { "" }
plan-status-legal = Qonuniy oxirgi kun: { $date } — { $days ->
    [0] bugun oxirgi kuningiz
   *[other] { $days } kun qoldi
}
plan-status-overstay = Qonuniy boʻlish muddatingiz { DATE($date, case: "locative") } tugagan. Siz muddatdan { $days } kun ortiq qoldingiz.
plan-overstay-now = Hozir nima qilish kerak: Qozogʻistondan chiqib keting yoki holatingizni tartibga solish uchun bugunoq { -migration-police(case: "dative") } boring. Iltimos, kutib oʻtirmang.
plan-status-unknown = Hozircha bilganlarim asosida boʻlish muddatingizni hisoblay olmayman.
plan-official-help = Iltimos, { -psc(case: "locative") }, { -egov } saytida yoki { -migration-police(case: "locative") } aniqlang.
plan-deadlines-header = Muhim sanalar:
plan-deadline = { $kind }: { $date } ({ $rule })

## Reja: qadamlar roʻyxati

plan-checklist-header = Qadamlaringiz — bajarilgan: { $done } / { $total }
plan-no-steps = Hozircha qadamlar yoʻq.
plan-step = { $n }. { $title } ({ $rule })
plan-step-done = ✓ { $n }. { $title } ({ $rule })
plan-step-due = Muddati: { DATE($date, case: "limitative") }
plan-step-where = Qayerda: { $link }
plan-step-documents = Hujjatlar:
plan-step-document = • { $doc }
plan-step-free = Narxi: bepul
plan-step-cost = Narxi: { $cost } tenge
plan-step-cost-monthly = Narxi: oyiga { $cost } tenge
plan-step-cost-estimate = Narxi: taxminan { $cost } tenge (aniq emas)
plan-step-cost-monthly-estimate = Narxi: oyiga taxminan { $cost } tenge (aniq emas)

## Reja: eslatmalar, manbalar, ogohlantirish

plan-notes-header = Bilib qoʻying:
plan-note = • { $note } ({ $rule })
plan-note-plain = • { $note }
plan-sources-header = Bu maʼlumotlar qayerdan olingan:
plan-sources-none = Bu reja hali hech qanday qoidaga tayanmaydi.
plan-source-rule = { $rule } { $title } — { DATE($date, case: "locative") } tekshirilgan
plan-source = – { $url } ({ $kind ->
    [updated] yangilangan: { $date }
    [checked] tekshirilgan: { $date }
   *[published] { $date }
})
plan-source-undated = – { $url } (sanasi yoʻq)
plan-disclaimer = Bu — maʼlumot, yuridik maslahat emas. Qoidalar oʻzgarib turadi: iltimos, { -psc(case: "locative") }, { -egov } saytida yoki { -migration-police(case: "locative") } aniqlang.

## The plan as phone screens

plan-home-unconfirmed = ⚠️ Baʼzi maʼlumotlar tasdiqlanmagan: «Bilib qoʻying» boʻlimiga qarang.
plan-next-header = Keyin nima qilish kerak:
plan-all-done = Barcha qadamlar bajarildi. ✓
plan-notes-none = Hozircha boshqa hech narsa yoʻq.
plan-unconfirmed = ⚠️ Tasdiqlanmagan, iltimos, tekshiring.
plan-list-step = { $mark }{ $n }. { $title } — { $date }
plan-list-step-undated = { $mark }{ $n }. { $title }
plan-key-date = { $kind }: { $date }


## Qadamlar: qisqa nomi (bajarildi tugmasida ham) va qanday qilinadi

step-unknown = Rejangizdagi qadam
step-leave-or-regularise = Qozogʻistondan chiqing yoki hoziroq { -migration-police(case: "dative") } boring
    .short = Chiqish yoki politsiyaga
step-leave-or-regularise-how = Har bir ortiqcha kun vaziyatni ogʻirlashtiradi. Pasportingizni oʻzingiz bilan oling.
step-host-notice-check = Qabul qiluvchi tomon kelganingiz haqida xabar berganini tekshiring
    .short = Kelish haqida xabarnoma
step-host-notice-check-how = Qabul qiluvchi tomon (mehmonxona, uy egasi, ish beruvchi yoki xususiy shaxs) quyidagi sanagacha { -migration-police(case: "dative") } xabar berishi shart. Xabarnomani sizga koʻrsatishlarini soʻrang.
step-self-register = Politsiyaning migratsiya xizmatida roʻyxatdan oʻting
    .short = Roʻyxatdan oʻtish
step-self-register-how = Maʼlumotlaringizni va qabul qiluvchi tomonning manzilini { -migration-police(case: "genitive") } elektron tizimiga kiriting. Qabul qiluvchi tomon ilovada tasdiqlaydi, siz esa elektron guvohnoma olasiz.
step-employer-permit-check = Ish beruvchingizda xorijiy ishchi kuchini jalb etishga ruxsatnoma borligini tekshiring
    .short = Ish beruvchi ruxsatnomasi
step-employer-permit-check-how = Bu ruxsatnomani siz emas, ish beruvchingiz mahalliy hokimlikdan (akimatdan) oladi. Ishni boshlashdan oldin uni koʻrsatishlarini soʻrang.
step-register-contract = Mehnat shartnomangiz roʻyxatga olinganini tekshiring
    .short = Shartnomani tekshirish
step-register-contract-how = YeOII (Yevroosiyo iqtisodiy ittifoqi) fuqarolariga ishlash uchun ruxsatnoma kerak emas, lekin shartnoma mehnat shartnomalarining davlat tizimiga (ЕСУТД) kiritilgan boʻlishi yoki fuqarolik-huquqiy shartnoma boʻlishi kerak.
step-get-iin = { -iin } oling
    .short = { -iin } olish
step-get-iin-how = { -psc(case: "dative") } oʻzingiz borib olasiz. { -iin } — 12 xonali individual identifikatsiya raqami; u ishlash, bank va soliqlar uchun kerak.
step-labour-tax-prepay = Ruxsatnoma uchun daromad soligʻini oldindan toʻlang
    .short = Ruxsatnoma soligʻi
step-labour-tax-prepay-how = Ariza berishdan oldin ruxsatnomaning har bir oyi uchun yashash joyingiz boʻyicha toʻlang. Kvitansiyalarni saqlab qoʻying.
step-labour-permit-apply = Mehnat immigrantiga ruxsatnoma olish uchun ariza bering
    .short = Ruxsatnomaga ariza
step-labour-permit-apply-how = Faqat onlayn, eGov orqali (38-1 xizmati). Arizani siz ham, ish beruvchingiz ham imzolaydi. Avval { -iin } olgan boʻlishingiz kerak.
step-labour-permit-extend = Mehnat immigrantiga ruxsatnomani uzaytiring
    .short = Ruxsatnomani uzaytirish
step-labour-permit-extend-how = Avval yangi oylar uchun soliqni toʻlang, keyin ruxsatnoma muddati tugashidan oldin eGov orqali ariza bering.
step-kandas-apply = Qandas maqomini olish uchun ariza bering
    .short = Qandas maqomi
step-kandas-apply-how = { -enbek-migration } saytida, Enbek Migration ilovasida, konsullikda yoki { -psc(case: "locative") }.
step-nomad-visa-apply = Neo Nomad vizasiga (B12-1) ariza bering
    .short = Neo Nomad vizasi
step-nomad-visa-apply-how = Masofadan ishlovchilar uchun: chet eldan barqaror daromad (qancha boʻlishi kerakligini quyidagi hujjatlar koʻrsatadi), sudlanmaganlik va sugʻurta kerak.
step-apply-trp = Vaqtinchalik yashash uchun ruxsatnoma ({ -trp }) oling
    .short = { -trp } olish
step-apply-trp-how = Ruxsat etilgan muddatingiz tugashidan oldin { -egov } saytida yoki { -psc(case: "locative") } ariza bering. Odatda 1–2 ish kuni vaqt oladi.
step-study-trp = Oʻqish uchun { -trp } oling
    .short = Oʻqish uchun { -trp }
step-study-trp-how = Arizani oʻquv yurtingiz (maktab yoki universitet) beradi. Hujjatlaringizni ularga oʻz vaqtida topshiring.
step-family-trp = Oilangiz bilan yashash uchun { -trp } oling
    .short = Oila uchun { -trp }
step-family-trp-how = Qarindoshligingizni tasdiqlovchi hujjat bilan { -egov } saytida yoki { -psc(case: "locative") } ariza bering.
step-renew-trp = { -trp }ni uzaytiring
    .short = { -trp }ni uzaytirish
step-renew-trp-how = Muddati tugashidan oldin { -egov } saytida yoki { -psc(case: "locative") } ariza bering.
step-employer-permit-renewal = Ish beruvchingiz oʻz ruxsatnomasini uzaytirishini tekshiring
    .short = Ish beruvchi uzaytirishi
step-employer-permit-renewal-how = { -trp } muddatingiz ish beruvchingiz ruxsatnomasining muddatiga bogʻliq. Uzaytirish haqida oldindan soʻrang.
step-leave-by-last-day = Qonuniy oxirgi kuningizgacha Qozogʻistondan chiqib keting
    .short = Oxirgi kungacha chiqish
step-leave-by-last-day-how = Yoki undan oldin kerakli ruxsatnomani oling. Undan ortiq qolish — muddatni buzish hisoblanadi va jarimaga olib kelishi mumkin.

## Hujjatlar

doc-application-form = Ariza shakli
doc-passport = Pasport
doc-health-insurance = Tibbiy sugʻurta
doc-owner-consent = Uy egasining notarial tasdiqlangan roziligi
doc-fingerprint-certificate = Barmoq izlari olinganligi (daktiloskopiya) haqida guvohnoma
doc-purpose-documents = Boʻlish maqsadingizni tasdiqlovchi hujjatlar
doc-employment-contract = Mehnat shartnomasi
doc-application-signed-both = Siz va ish beruvchingiz imzolagan ariza
doc-tax-receipts = Daromad soligʻi oldindan toʻlangani haqida kvitansiyalar
doc-passport-border-mark = Oxirgi { $border_mark_months } oy ichida chegaradan oʻtganlik belgisi qoʻyilgan pasport
doc-medical-certificate-028 = 028/у shakldagi tibbiy maʼlumotnoma ({ $medical_certificate_months } oy ichida berilgan)
doc-health-insurance-full-term = Ruxsatnomaning butun muddatiga tibbiy sugʻurta
doc-intent-agreement = Ishga olish niyati haqida kelishuv (birinchi ruxsatnoma uchun) yoki mehnat shartnomasi (uzaytirish uchun)
doc-passport-translation = Pasportning notarial tasdiqlangan tarjimasi (ismingiz kirill yoki lotin harflarida yozilmagan boʻlsa)
doc-institution-request = Oʻquv yurtingizning (maktab yoki universitetning) soʻrovnomasi
doc-family-tie-proof = Qarindoshligingizni tasdiqlovchi hujjat
doc-income-proof = { $income_months } oy davomida oyiga { $income_usd_per_month } AQSh dollaridan ortiq daromadni tasdiqlovchi hujjat
doc-clean-record = Sudlanmaganlik haqida maʼlumotnoma

## Muddatlar

deadline-stay-limit = Qonuniy oxirgi kun
deadline-registration = Roʻyxatdan oʻtish muddati
deadline-host-notice = Qabul qiluvchi tomonning kelganlik haqida xabar berish muddati
deadline-trp-end = { -trp } muddati tugaydi
deadline-permit-end = Ruxsatnoma muddati tugaydi
deadline-visa-end = Viza muddati tugaydi
deadline-tax-prepayment = Ruxsatnoma soligʻini toʻlash muddati
deadline-document-validity = Chegara belgisi ruxsatnoma uchun hisobga olinadigan oxirgi kun

## Eslatmalar

note-need-citizenship = Qoidalaringizni aniqlashim uchun fuqaroligingizni ayting.
note-home-citizen = Siz Qozogʻiston fuqarosisiz: bu boʻlish qoidalari chet elliklar uchun.
note-need-entry = Kunlaringizni hisoblashim uchun Qozogʻistonga oxirgi marta kirgan sanangizni ayting.
note-not-in-table = Davlatingiz mening vizasiz davlatlar roʻyxatimda yoʻq, shuning uchun sizga viza kerak boʻlishi mumkin. Roʻyxatim toʻliq emas: iltimos, { -egov } saytida yoki { -migration-police(case: "locative") } aniqlang.
note-visa-required = Davlatingiz fuqarolariga viza kerak. Vizangiz bormi va u qachon tugashini ayting.
note-need-trp-end = Boʻlish muddatingizni hisoblashim uchun { -trp } qachon tugashini ayting.
note-need-visa-end = Vizangiz qachon tugashini ayting: boʻlish muddatingiz viza sanalariga bogʻliq.
note-need-permit-end = Oʻz vaqtida eslatishim uchun ruxsatnomangiz qachon tugashini ayting.
note-trp-ended-before-entry = { -trp } tugash sanasi kirgan sanangizdan oldin, demak u bu safarga taalluqli emas. Iltimos, sanalarni tekshiring.
note-visa-ended-before-entry = Viza tugash sanasi kirgan sanangizdan oldin, demak u bu safarga taalluqli emas. Iltimos, sanalarni tekshiring.
note-rules-before = { DATE($date, case: "limitative") } boʻlgan kirishlar eski qoidalar boʻyicha hisoblangan, bu qoidalar menda yoʻq. Iltimos, { -migration-police(case: "ablative") } soʻrang.
note-exit-day-counted = Chiqib ketadigan kuningizni ham Qozogʻistondagi kun deb hisoblayman. Bu tasdiqlanmagan, lekin shunisi xavfsizroq.
note-prior-days-unknown = Bu yerda avval necha kun boʻlganingizni bilmayman, shuning uchun ularni hisobga olmadim. Haqiqiy oxirgi kuningiz ertaroq boʻlishi mumkin: oxirgi 180 kun ichidagi kunlaringizni sanab chiqing.
note-window-used-up = Oldingi kunlaringiz ruxsat etilgan kunlarning hammasini allaqachon tugatgan boʻlishi mumkin. Iltimos, hoziroq { -migration-police(case: "dative") } boring.
note-overstay-warning = Muddatdan { $days } kungacha ortiq qolsangiz: ogohlantirish.
note-overstay-fine = Muddatdan { $days } kungacha ortiq qolsangiz: { $mci } { -mci } ({ $cost } tenge) jarima.
note-overstay-longer = Muddatdan { $days } kundan koʻp ortiq qolsangiz: kattaroq jarimalar, mamlakatdan chiqarib yuborilishingiz ham mumkin. Aniq miqdorlari tasdiqlanmagan.
note-overstay-ban = Sud qarori bilan chiqarib yuborilsangiz, { $years } yil davomida Qozogʻistonga kira olmaysiz. Qoidalarni qayta-qayta buzganlarni chegaradan kiritmasliklari mumkin.
note-kandas-clock-runs = Muhim: qandas arizangiz koʻrib chiqilayotgan paytda ham vizasiz kunlaringiz sanalaveradi. Buni bilmay jarimaga tortilganlar bor.
note-no-paid-work-visa-free = Vizasiz kelganda pul topish uchun ishlash mumkin emas. Ishni faqat ruxsatnomalaringiz tayyor boʻlgandan keyin boshlang.
note-no-work-or-study-visa-free = Davlatingiz fuqarolari vizasiz kelganda ishlashi ham, oʻqishi ham mumkin emas. Qaysi viza kerakligini { -migration-police(case: "ablative") } soʻrang.
note-remote-work = Chet eldagi ish beruvchi uchun masofadan ishlaysizmi? Neo Nomad vizasi aynan shu uchun. Sizga mos kelishini tekshiring.
note-need-employer = Qadamlaringizni koʻrsatishim uchun ish beruvchingiz kimligini ayting (xususiy shaxs, kompaniya yoki chet eldagi ish beruvchi).
note-household-not-eligible = Uy xoʻjaligida ishlash uchun ruxsatnoma davlatingiz fuqarolariga berilmaydi. Iltimos, qanday imkoniyatlaringiz borligini { -migration-police(case: "ablative") } soʻrang.
note-household-eligibility-unconfirmed = Uy xoʻjaligida ishlash uchun ruxsatnoma boʻyicha davlatingizni faqat eski manba tilga oladi. Ariza berishdan oldin { -egov } saytida aniqlang.
note-labour-permit-term-unconfirmed = Ruxsatnoma { $min_months } oydan { $max_months } oygacha beriladi. Eng uzun umumiy muddat va yosh chegarasi (18–60) tasdiqlanmagan.
note-employer-change = Ish beruvchingizni almashtirsangiz, { -trp } { $days } kun ichida qayta rasmiylashtirilishi kerak.
note-student-rules = Talaba vizasi bilan ishlash mumkin emas. Oʻqishingiz tugagach, mamlakatdan chiqib ketishingiz kerak.
note-family-term = Oilaviy { -trp } odatda 1 yilgacha beriladi va hech qachon qarindoshingizning oʻz ruxsatnomasidan uzoqroq boʻlmaydi.
note-nomad-no-local-work = Neo Nomad vizasi egalari Qozogʻistondagi ish beruvchilarda ishlay olmaydi.
note-trp-fee-unknown = { -trp } uchun davlat bojini topmadim; ariza berayotganda soʻrang.
note-host-notice-after-self-registration = { DATE($date, case: "ablative") } beri oʻzingiz roʻyxatdan oʻtsangiz, qabul qiluvchi tomonning xabarnomasi ham kerakmi — bu tasdiqlanmagan. Ikkalasini ham qilish xavfsiz.
note-self-registration-move = Agar boshqa manzilga koʻchsangiz, { $days } ish kuni ichida yangi manzil boʻyicha roʻyxatdan oʻting.
note-holidays-unknown = Menda { $year }-yil bayramlari roʻyxati yoʻq, shuning uchun faqat shanba va yakshanbani hisobga oldim. Haqiqiy muddat biroz kechroq boʻlishi mumkin.
note-cost-estimate = { $year }-yil uchun oylik hisob koʻrsatkichi ({ -mci }) hali maʼlum emas; narxlar { $used }-yil qiymati boʻyicha hisoblangan va taxminiy.
note-confirm-uncertain = Bu yerdagi baʼzi qoidalar toʻliq tasdiqlanmagan ({ $rules }). Iltimos, { -psc(case: "locative") }, { -egov } saytida yoki { -migration-police(case: "locative") } aniqlang.
note-country-uncertain = Davlatingiz uchun boʻlish qoidalari toʻliq tasdiqlanmagan (ishonchlilik: { $confidence }). Men ularni ehtiyotkorlik bilan hisoblayman; iltimos, { -migration-police(case: "locative") } aniqlang.
note-azerbaijan-registration = Ozarbayjon fuqarolari 30 kundan ortiq qolsa, roʻyxatdan oʻtishi kerak (toʻliq tasdiqlanmagan). Iltimos, { -migration-police(case: "ablative") } soʻrang.
note-group-unconfirmed = Eski manbalarda davlatingiz uchun 90 kungacha muddat koʻrsatilgan. Bu tasdiqlanmaguncha, men har bir kirish uchun { $per_entry_days } kun va { $window_days } kun ichida { $window_limit_days } kun deb hisoblayman.
note-turkmenistan-regional-exception = Balkan velayati aholisi Atirau va Mangʻistau viloyatlarida vizasiz 5 kun boʻlishi mumkin. Bu sizga tegishli boʻlsa, { -migration-police(case: "ablative") } soʻrang.

## Ishonchlilik

confidence-high = yuqori
confidence-medium = oʻrtacha
confidence-low = past

## Qoidalar

rule-r1 = Vizasiz boʻlish: har bir kirishda { $per_entry_days } kun, { $window_days } kun ichida { $window_limit_days } kun
rule-r2 = YeOII fuqarolari: { $window_days } kun ichida { $window_limit_days } kun
rule-r6 = Qabul qiluvchi tomonning kelganlik haqidagi xabarnomasi
rule-r7 = { $calendar_days } kun ichida oʻzi roʻyxatdan oʻtish
rule-r8 = Muddatdan ortiq qolish
rule-r9 = Vaqtinchalik yashash uchun ruxsatnoma
rule-r10 = Ishchilar va ularning oila aʼzolari uchun { -trp }
rule-r11 = Mehnat immigrantiga ruxsatnoma (uy xoʻjaligida ishlash)
rule-r12 = Ruxsatnoma uchun oldindan toʻlanadigan daromad soligʻi
rule-r13 = Ish beruvchining xorijiy ishchi kuchini jalb etishga ruxsatnomasi
rule-r14 = { -iin }
rule-r15 = Talabalar
rule-r16 = Oilani birlashtirish
rule-r17 = Qandaslar
rule-r18 = Raqamli koʻchmanchilar (digital nomad)
rule-r19 = Doimiy yashash: chet elda boʻlgan vaqt

## Davlatlar guruhlari

rule-group-eaeu = YeOII davlatlari
rule-group-uzbekistan = Oʻzbekiston
rule-group-tajikistan = Tojikiston
rule-group-azerbaijan = Ozarbayjon
rule-group-unconfirmed-90 = Qoidalari tasdiqlanmagan davlatlar
rule-group-china = Xitoy
rule-group-turkey = Turkiya
rule-group-india-iran = Hindiston va Eron
rule-group-one-sided = Bir tomonlama vizasiz rejimdagi davlatlar
rule-group-visa-required = Viza talab qilinadi

## Bayramlar

rule-holiday-new-year = Yangi yil
rule-holiday-orthodox-christmas = Pravoslav Rojdestvosi
rule-holiday-womens-day = Xalqaro xotin-qizlar kuni
rule-holiday-nauryz = Navroʻz
rule-holiday-unity-day = Qozogʻiston xalqi birligi kuni
rule-holiday-defender-day = Vatan himoyachilari kuni
rule-holiday-victory-day = Gʻalaba kuni
rule-holiday-kurban-ait = Qurbon hayit (birinchi kuni)
rule-holiday-capital-day = Poytaxt kuni
rule-holiday-constitution-day = Konstitutsiya kuni
rule-holiday-republic-day = Respublika kuni
rule-holiday-independence-day = Mustaqillik kuni

## Qoida parametrlari (katalog hisoboti)

rule-param-per-entry-days = Har bir kirishda, kun
rule-param-window-days = Davr, kun
rule-param-window-limit-days = Davr ichida ruxsat etilgan kunlar
rule-param-visa-runs-end = Chiqib-qaytib kirib muddatni yangilash («vizaran») toʻxtatilgan sana
rule-param-working-days = Ish kunlari
rule-param-host-fine-small-business-mci = Qabul qiluvchi tomonga jarima: mansabdor shaxslar, kichik biznes, NNT ({ -mci })
rule-param-host-fine-medium-business-mci = Qabul qiluvchi tomonga jarima: oʻrta biznes ({ -mci })
rule-param-host-fine-large-business-mci = Qabul qiluvchi tomonga jarima: yirik biznes ({ -mci })
rule-param-in-force-from = Kuchga kirgan sana
rule-param-calendar-days = Kalendar kunlari
rule-param-move-working-days = Koʻchgandan keyin qayta roʻyxatdan oʻtish uchun ish kunlari
rule-param-warning-max-days = Ogohlantirish beriladigan ortiq qolish, koʻpi bilan kun
rule-param-fine-max-days = Jarima solinadigan ortiq qolish, koʻpi bilan kun
rule-param-fine-mci = Jarima ({ -mci })
rule-param-entry-ban-years = Sud qarori bilan chiqarib yuborilgandan keyin kirish taqiqi, yil
rule-param-stay-over-days = { -trp } kerak boʻladigan muddat: shuncha kundan ortiq
rule-param-stay-over-days-eaeu = YeOII fuqarolariga { -trp } kerak boʻladigan muddat: shuncha kundan ortiq
rule-param-eaeu-group = YeOII guruhi
rule-param-processing-working-days-max = Koʻrib chiqish, koʻpi bilan ish kuni
rule-param-fingerprints-required-from = Barmoq izlari talab qilinadigan sana
rule-param-late-application-days-unconfirmed = Kechikib ariza berish mumkin, kun (tasdiqlanmagan)
rule-param-max-months = Eng uzun muddat, oy
rule-param-employer-change-days = Ish beruvchi almashganda { -trp }ni qayta rasmiylashtirish uchun kunlar
rule-param-eligible = Huquqi bor davlatlar fuqarolari
rule-param-eligible-unconfirmed = Huquqi bor davlatlar fuqarolari (tasdiqlanmagan)
rule-param-min-months = Eng qisqa muddat, oy
rule-param-online-only-from = Faqat onlayn, shu sanadan
rule-param-processing-days = Koʻrib chiqish, kun
rule-param-border-mark-months = Chegara belgisi eskiligi, koʻpi bilan oy
rule-param-medical-certificate-months = Tibbiy maʼlumotnoma eskiligi, koʻpi bilan oy
rule-param-fee-mci-per-month = Oylik soliq ({ -mci })
rule-param-vacancy-posting-days = Vakansiya enbek.kz saytida kamida shuncha kun oldin eʼlon qilinadi
rule-param-vacancy-posting-from = Vakansiya qoidasi shu sanadan
rule-param-intra-corporate-years = Kompaniya ichida boshqa mamlakatga oʻtkazish, yil
rule-param-fee-mci = Yigʻim ({ -mci })
rule-param-in-person-from = Faqat shaxsan, shu sanadan
rule-param-decision-working-days = Qaror, ish kuni
rule-param-extension-months = Uzaytirish, koʻpi bilan oy
rule-param-income-usd-per-month = Oylik daromad, shuncha AQSh dollaridan ortiq
rule-param-income-months = Daromad koʻrsatiladigan davr, oy
rule-param-absence-days = Kalendar yilida chet elda shuncha kundan ortiq boʻlinsa, ruxsatnoma bekor qilinadi

## Katalog hisoboti

rule-report-title = Qoidalar katalogi: { $rules } ta qoida, { $groups } ta guruhda { $countries } ta davlat
rule-report-intro = Bot nimalarga tayanadi: manbalar, tekshirilgan sanalar va ishonchlilik darajasi bilan, tekshirish uchun. Bu — maʼlumot, yuridik maslahat emas.
rule-report-rule = { $rule } — { $title } ({ $slug })
rule-report-confidence = Ishonchlilik: { $confidence }. Tekshirilgan: { $date }.
rule-report-param = { $name }: { $value }
rule-report-documents = Hujjatlar:
rule-report-link = Qayerda: { $link }
rule-report-sources = Manbalar:
rule-report-groups-header = Davlatlar guruhlari
rule-report-home = { $code }: oʻz fuqarolari; bu qoidalar ularga tegishli emas.
rule-report-group = { $group } — { $rule }, ishonchlilik: { $confidence }
rule-report-visa-required = Viza talab qilinadi; boʻlish muddati viza sanalariga bogʻliq.
rule-report-per-entry = Har bir kirishda { $days } kungacha
rule-report-window = Istalgan { $window } kun ichida koʻpi bilan { $limit } kun
rule-report-work-without-permit = Ruxsatnomasiz, shartnoma boʻyicha ishlashi mumkin
rule-report-no-work-or-study = Vizasiz kelganda ishlash ham, oʻqish ham mumkin emas
rule-report-self-registration = Oʻzi roʻyxatdan oʻtish (R7) qoʻllanishi mumkin
rule-report-valid-from = { DATE($date, case: "ablative") } boshlab kirganlar uchun
rule-report-countries = { $codes } — { $source } ({ $date }), ishonchlilik: { $confidence }
rule-report-default-group = Jadvalda alohida qatori boʻlmagan har bir davlat shu guruhga kiradi.
rule-report-holidays = { $year }-yil bayramlari (ishonchlilik: { $confidence }; { $source })
rule-report-holiday = { $date } — { $name }
rule-report-substitutes = Qaror bilan koʻchirilgan dam olish kunlari roʻyxatda yoʻq, shuning uchun ish kunlari bilan hisoblangan muddatlar haqiqiysidan faqat ertaroq chiqishi mumkin.
rule-report-mci-header = Yillar boʻyicha { -mci }
rule-report-mci = { $year }: { $amount } tenge — { $source } ({ $date })
rule-report-mci-undated = { $year }: { $amount } tenge — { $source }
rule-report-mci-fallback = Roʻyxatda yoʻq yil uchun narxlar oxirgi maʼlum yil boʻyicha hisoblanadi va taxminiy deb belgilanadi.
