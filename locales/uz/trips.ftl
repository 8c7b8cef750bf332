## Foydalanuvchi safarlari boʻyicha siljuvchi oynani aniq hisoblash (rules::trips).

note-prior-days-approximate = Oldingi kunlaringizni hammasi shu kirishdan darhol oldin boʻlgandek hisobladim. Bu xavfsiz tomon, shuning uchun haqiqiy oxirgi kuningiz kechroq boʻlishi mumkin. Safarlaringizni (kirgan va chiqqan sanalarini) bersangiz, aniq hisoblayman.
note-prior-days-worst-case = Shu kirishdan oldingi 180 kunda bu yerda necha kun boʻlganingizni bilmaysiz, shuning uchun kirgan kundan keyingi birorta kunga kafolat bera olmayman: qoidalar yoʻl qoʻyadigan eng yomon holatda bu kunlar chegarangizni toʻldirib boʻlgan. Umuman boʻlmagan boʻlsangiz, oxirgi kuningiz { DATE($date) } boʻlardi; bu yerda boʻlgan har bir kun uni ertaroq qiladi. Chegara xizmatida chegaradan oʻtishlaringiz qaydi bor (uni egov.kz yoki Aholiga xizmat koʻrsatish markazi orqali soʻrang); shunga koʻra safarlaringizni bersangiz, aniq hisoblayman.
note-full-stay-from = Oxirgi qonuniy kuni chiqib ketsangiz, { DATE($date, case: "ablative") } boshlab toʻliq { $days } kunga qaytib kela olasiz.
note-days-back = { DATE($date, case: "limitative") } sizga { $days } kun qaytadi: ular 180 kunlik oynadan chiqadi.
plan-status-planned = Rejalashtirilgan kuni kirsangiz, oxirgi qonuniy kuningiz — { DATE($date) }.
note-planned-trip = Bu safar rejasi: muddatlar { DATE($date, case: "locative") } kirish uchun hisoblangan.
