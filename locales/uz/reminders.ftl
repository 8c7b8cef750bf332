# Eslatmalar: bot muddatdan oldin nima yozadi, uning tugmalari, ularga javoblar,
# /reminders va /calendar. Bu yerdagi har bir id en/, ru/ va kk/ da ham bor.
# Muddat nomlari ($what) rules.ftl dan (deadline-*), qadam nomlari step-* dan olinadi.

## Eslatma

reminder-lines = { $lines }
reminder-ahead = ⏰ Eslatma. { $what }: { $date } — { $days } kun qoldi.
reminder-last-day = ⏰ Bugun oxirgi kun. { $what }: { $date }.
reminder-passed = ⚠️ { $days ->
    [1] Kecha oxirgi kun edi.
   *[other] Oxirgi kun { $days } kun oldin edi.
} { $what }: { $date }.
reminder-passed-now = Hozir nima qilish kerak: bugunoq harakat qiling. Agar hali ham Qozogʻistonda qonuniy asossiz turgan boʻlsangiz, darhol { -migration-police(case: "dative") } yoki { -psc(case: "dative") } boring: har bir ortiqcha kun jarimaga olib kelishi mumkin. /plan rejangizni hozirgi holati bilan koʻrsatadi.
reminder-step = Nima qilish kerak: { $step }.
reminder-source = Manba: { $rule } qoidasi, { $link }
reminder-source-rule = Manba: { $rule } qoidasi (/sources qoidalar qayerdan olinganini koʻrsatadi).

btn-reminder-renewed = ✅ Tayyor — uzaytirdim
btn-reminder-snooze = ⏰ Ertaga eslating
btn-reminder-stop = 🔕 Bu eslatmalarni toʻxtatish

## Kuniga bitta xabar: eslatiladigan barcha muddatlar, tugmalardagi kabi raqamlangan

reminder-digest-header = ⏰ Eslatma: { $count } ta muddat yaqin.
reminder-digest-ahead = { $n }. { $what }: { $date } — { $days } kun qoldi.
reminder-digest-last-day = { $n }. { $what }: { $date } — bugun oxirgi kun.
reminder-digest-passed = { $n }. ⚠️ { $what }: { $date } — { $days ->
    [1] kecha oxirgi kun edi.
   *[other] oxirgi kun { $days } kun oldin edi.
}
reminder-digest-step = { "   " }→ { $step }
reminder-digest-footer = Har bir tugmada oʻz muddatining raqami bor. /plan barcha qadamlarni manbasi bilan koʻrsatadi.

btn-digest-renewed = { $n } ✅ Uzaytirdim
btn-digest-snooze = { $n } ⏰ Ertaga
btn-digest-stop = { $n } 🔕 Toʻxtatish

## Tugmalarga javoblar

reminder-renew-intro = Barakalla! Yangi { $document } qaysi sanagacha amal qilishini yozib yuboring, eslatmalaringizni qaytadan rejalashtiraman.
reminder-renewed = Saqlandi: { $document } endi { DATE($date, case: "limitative") } amal qiladi. Eslatmalar qaytadan rejalashtirildi; /reminders ularni koʻrsatadi.
reminder-snoozed = Xoʻp, ertaga, { $tomorrow }, yana eslataman. { $what }: { $date }.
reminder-snooze-too-late = { $what }: { $date }. Muddat oʻtgandan keyin eslata olmayman, shuning uchun iltimos, bugunoq harakat qiling.
reminder-stopped = Bu haqda boshqa eslatmayman. { $what }: { $date }. /reminders qolgan eslatmalarni koʻrsatadi.

## /reminders

reminders-list-header = { $count ->
    [one] Navbatdagi eslatmangiz:
   *[other] Navbatdagi { $count } ta eslatmangiz:
}
reminders-list-deadline = • { $what }: { $date } — keyingi eslatma: { $when }
reminders-list-more = …va yana { $count } ta muddat.
reminders-list-empty = Hozircha eslatmalar rejalashtirilmagan. Rejangizda muddatlar boʻlsa, har biridan bir necha kun oldin yozaman; /plan rejangizni koʻrsatadi.

## /calendar

calendar-intro = Mana muddatlaringiz yozilgan kalendar fayli. Faylni oching — muddatlar telefoningiz kalendariga qoʻshiladi, har biridan oldin ogohlantirish keladi. Keyinroq faylni yana ochsangiz, voqealar ikki marta qoʻshilmaydi, faqat yangilanadi.
calendar-empty = Rejangizda kalendarga qoʻyiladigan muddatlar yoʻq.
calendar-name = { -bot }: muddatlar
calendar-summary = { -bot }: { $what }
calendar-deadline = { $what }: { $date }.
calendar-alarm = { $what }: { $date }.
