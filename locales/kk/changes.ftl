# Ережелер өзгергені туралы хабарламалар: ережелердің жаңаруы пайдаланушының өз
# күндерін, қадамдарын не құнын өзгерткенде бот бір рет жазады. Мерзім атаулары ($what)
# rules.ftl-дан (deadline-*), қадам атаулары ($step) step-* хабарламаларынан алынады.

## Хабарлама

changes-lines = { $lines }
changes-intro = 📢 Ережелер { DATE($date, case: "locative") } өзгерді. Сізге қатысты өзгерістер:
changes-what-last-day = Соңғы заңды күніңіз
changes-date-moved = { $what }: { $from } → { $to }
changes-date-new = { $what }: жаңа мерзім, { DATE($to, case: "dative") } дейін
changes-date-gone = { $what }: енді қажет емес (бұрын { $from } болатын)
changes-stay-days = Еліңіз үшін ең ұзақ болу мерзімі: { $old } → { $new } күн
changes-stay-days-new = Еліңіз үшін визасыз ең ұзақ болу мерзімі: { $new } күн
changes-stay-days-gone = Еліңізге визасыз болу тәртібі енді қолданылмайды.
changes-step-added = Жаңа қадам: { $step }
changes-step-removed = Енді қажет емес: { $step }
changes-cost = { $step }: құны { $old } → { $new } теңге
changes-cost-new = { $step }: енді құны { $new } теңге
changes-cost-unknown = { $step }: құны қазір белгісіз.
changes-see-plan = Еске салулар жаңа күндерге ауыстырылды. /plan бүкіл жоспарыңызды көрсетеді.

## Әкімшілерге (/stats)

changes-stale-rules = Қайта тексеретін ережелер ({ $days } күннен бұрын тексерілген): { $rules }
btn-open-plan = 📋 Жоспарымды ашу
