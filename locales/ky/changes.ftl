# Эрежелер өзгөргөнү тууралуу билдирүүлөр: эрежелердин жаңырышы колдонуучунун өз
# даталарын, кадамдарын же баасын өзгөртсө, бот бир жолу жазат. Мөөнөттөрдүн аттары
# ($what) rules.ftl'ден (deadline-*), кадамдардын аттары ($step) step-* тен алынат.

## Билдирүү

changes-lines = { $lines }
changes-intro = 📢 Эрежелер { DATE($date, case: "locative") } өзгөрдү. Сиз үчүн эмне өзгөрдү:
changes-what-last-day = Мыйзамдуу жүрүүнүн акыркы күнү
changes-date-moved = { $what }: { $from } → { $to }
changes-date-new = { $what }: жаңы мөөнөт, { DATE($to, case: "dative") } чейин
changes-date-gone = { $what }: мындан ары керек эмес (мурун { $from } болчу)
changes-stay-days = Өлкөңүз үчүн эң узак жүрүү мөөнөтү: { $old } → { $new } күн
changes-stay-days-new = Өлкөңүз үчүн визасыз эң узак жүрүү мөөнөтү: { $new } күн
changes-stay-days-gone = Өлкөңүз үчүн визасыз тартип мындан ары колдонулбайт.
changes-step-added = Жаңы кадам: { $step }
changes-step-removed = Мындан ары керек эмес: { $step }
changes-cost = { $step }: баасы { $old } → { $new } теңге
changes-cost-new = { $step }: эми баасы { $new } теңге
changes-cost-unknown = { $step }: баасы азыр белгисиз.
changes-see-plan = Эскертмелер жаңы даталарга которулду. /plan бүт планыңызды көрсөтөт.

## Администраторлор үчүн (/stats)

changes-stale-rules = Кайра текшерүүчү эрежелер ({ $days } күндөн мурун текшерилген): { $rules }
btn-open-plan = 📋 Планымды ачуу
