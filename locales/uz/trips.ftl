## Foydalanuvchi safarlari boʻyicha siljuvchi oynani aniq hisoblash (rules::trips).

note-prior-days-approximate = Oldingi kunlaringizni hammasi shu kirishdan darhol oldin boʻlgandek hisobladim. Bu xavfsiz tomon, shuning uchun haqiqiy oxirgi kuningiz kechroq boʻlishi mumkin. Safarlaringizni (kirgan va chiqqan sanalarini) bersangiz, aniq hisoblayman.
note-prior-days-worst-case = Shu kirishdan oldingi { $window_days } kunda bu yerda necha kun boʻlganingizni bilmaysiz, shuning uchun kirgan kundan keyingi birorta kunga kafolat bera olmayman: qoidalar yoʻl qoʻyadigan eng yomon holatda bu kunlar chegarangizni toʻldirib boʻlgan. Umuman boʻlmagan boʻlsangiz, oxirgi kuningiz { DATE($date) } boʻlardi; bu yerda boʻlgan har bir kun uni ertaroq qiladi. Chegara xizmatida chegaradan oʻtishlaringiz qaydi bor (uni egov.kz yoki Aholiga xizmat koʻrsatish markazi orqali soʻrang); shunga koʻra safarlaringizni bersangiz, aniq hisoblayman.
note-full-stay-from = Oxirgi qonuniy kuni chiqib ketsangiz, { DATE($date, case: "ablative") } boshlab toʻliq { $days } kunga qaytib kela olasiz.
note-days-back = { DATE($date, case: "limitative") } sizga { $days } kun qaytadi: ular { $window_days } kunlik oynadan chiqadi.
plan-status-planned = Rejalashtirilgan kuni kirsangiz, oxirgi qonuniy kuningiz — { DATE($date) }.
note-planned-trip = Bu safar rejasi: muddatlar { DATE($date, case: "locative") } kirish uchun hisoblangan.

## Suhbatdagi va /trips dagi safarlar.

q-entry-planned = { $date } hali kelmagan. Safar rejalashtiryapsizmi? Unda oʻsha kuni kirish uchun reja tuzaman.
q-trips = Shu kirishdan ({ $date }) oldingi { $window_days } kunda Qozogʻistonda boʻlganmisiz?
btn-trips-no = Yoʻq
btn-trips-add = Ha, safarlarimni qoʻshaman
btn-trips-about = Faqat taxminan bilaman
btn-trips-unknown = Bilmayman
q-prior-days-about = Shu kirishdan oldingi { $window_days } kunda Qozogʻistonda taxminan necha kun boʻlgansiz? 0 dan { $window_days } gacha son yozing.
q-trip-entry = { $changing } Oʻsha safarda Qozogʻistonga kirgan sanangizni yozing, masalan { $example }.
trip-new = Yangi safar.
trip-changing = { $from } – { $to } safarini oʻzgartiramiz.
q-trip-exit = Kirgan sanangiz: { $date }. Chiqqan sanangizni yozing, masalan { $example }.
trip-err-exit-before-entry = Chiqish { $date } dagi kirishdan oldin boʻlolmaydi. Hech narsa oʻzgarmadi.
trip-err-overlaps-trip = Bu safar { $from } – { $to } safaringiz bilan ustma-ust tushadi. Hech narsa oʻzgarmadi.
trip-err-overlaps-stay = Safar hozirgi { $date } dagi kirishingizdan oldin tugashi kerak. Hech narsa oʻzgarmadi.
trip-err-out-of-reach = Bu safar { $date } dagi kirishingizdan { $days } yoki undan koʻp kun oldin tugagan, shuning uchun hisobga olinmaydi. Hech narsa oʻzgarmadi.
trip-added = Safar saqlandi: { $from } – { $to } ({ $days } kun).
trip-removed = Safar oʻchirildi: { $from } – { $to }.
q-trip-more = Oʻsha { $window_days } kunda bu yerda yana bir safarda boʻlganmisiz?
btn-trip-another = Yana qoʻshish
btn-trips-done = Boʻldi, shu
trips-list =
    Shu kirishdan oldingi safarlaringiz:
    { $trips }
trips-list-empty = Siz hali safar qoʻshmagansiz.
trip-line = • { $from } – { $to } ({ $days } kun)
btn-trip-change = Oʻzgartirish { $from }–{ $to }
btn-trip-remove = Oʻchirish { $from }–{ $to }
btn-trip-add = Safar qoʻshish
trips-need-entry = Avval oxirgi kirgan sanangizni ayting: safarlar undan oldin hisoblanadi.
summary-trips = Kirishdan oldingi { $window_days } kundagi safarlar:
