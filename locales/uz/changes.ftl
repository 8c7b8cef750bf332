# Qoidalar oʻzgargani haqida xabarlar: qoidalar yangilanishi foydalanuvchining oʻz
# sanalari, qadamlari yoki narxlarini oʻzgartirsa, bot bir marta yozadi. Muddat nomlari
# ($what) rules.ftl dan (deadline-*), qadam nomlari ($step) step-* dan olinadi.

## Xabar

changes-lines = { $lines }
changes-intro = 📢 Qoidalar { DATE($date, case: "locative") } oʻzgardi. Siz uchun nima oʻzgardi:
changes-what-last-day = Qonuniy turishning oxirgi kuni
changes-date-moved = { $what }: { $from } → { $to }
changes-date-new = { $what }: yangi muddat — { DATE($to, case: "limitative") }
changes-date-gone = { $what }: endi kerak emas (avval { $from } edi)
changes-stay-days = Mamlakatingiz uchun eng uzoq boʻlish muddati: { $old } → { $new } kun
changes-stay-days-new = Mamlakatingiz uchun vizasiz eng uzoq boʻlish muddati: { $new } kun
changes-stay-days-gone = Mamlakatingiz uchun vizasiz tartib endi amal qilmaydi.
changes-step-added = Yangi qadam: { $step }
changes-step-removed = Endi kerak emas: { $step }
changes-cost = { $step }: narxi { $old } → { $new } tenge
changes-cost-new = { $step }: endi narxi { $new } tenge
changes-cost-unknown = { $step }: narxi hozircha nomaʼlum.
changes-see-plan = Eslatmalar yangi sanalarga koʻchirildi. /plan butun rejangizni koʻrsatadi.

## Administratorlar uchun (/stats)

changes-stale-rules = Qayta tekshirilishi kerak boʻlgan qoidalar ({ $days } kundan oldin tekshirilgan): { $rules }
btn-open-plan = 📋 Rejamni ochish
