# Паёмҳо дар бораи тағйири қоидаҳо: бот онҳоро як бор менависад, вақте ки навсозии
# қоидаҳо санаҳо, қадамҳо ё арзиши худи корбарро тағйир медиҳад. Номи мӯҳлатҳо ($what)
# аз rules.ftl (deadline-*), номи қадамҳо ($step) аз step-* гирифта мешаванд.

## Паём

changes-lines = { $lines }
changes-intro = 📢 Қоидаҳо { $date } тағйир ёфтанд. Барои шумо чӣ тағйир ёфт:
changes-what-last-day = Рӯзи охирини қонунии шумо
changes-date-moved = { $what }: { $from } → { $to }
changes-date-new = { $what }: мӯҳлати нав — то { $to }
changes-date-gone = { $what }: дигар лозим нест (пештар { $from } буд)
changes-stay-days = Дарозтарин мӯҳлати будубош барои кишвари шумо: { $old } → { $new } рӯз
changes-stay-days-new = Дарозтарин мӯҳлати будубоши бе раводид барои кишвари шумо: { $new } рӯз
changes-stay-days-gone = Тартиби бе раводид барои кишвари шумо дигар амал намекунад.
changes-step-added = Қадами нав: { $step }
changes-step-removed = Дигар лозим нест: { $step }
changes-cost = { $step }: арзиш { $old } → { $new } тенге
changes-cost-new = { $step }: акнун арзиш { $new } тенге
changes-cost-unknown = { $step }: арзиш ҳоло маълум нест.
changes-see-plan = Ёдраскуниҳо ба санаҳои нав гузаронида шуданд. /plan тамоми нақшаи шуморо нишон медиҳад.

## Барои маъмурон (/stats)

changes-stale-rules = Қоидаҳое, ки бояд аз нав санҷида шаванд (зиёда аз { $days } рӯз пеш санҷида шудаанд): { $rules }
btn-open-plan = 📋 Нақшаамро кушодан
