# Rule-change notices: what the bot writes, once, when an update of the rules changes
# a user's own dates, steps or costs. Deadline names ($what) come from rules.ftl
# (deadline-*), step titles ($step) from step-*. Amounts are in tenge.

## The notice

changes-lines = { $lines }
changes-intro = 📢 The rules changed on { $date }. What this means for you:
changes-what-last-day = Your last legal day
changes-date-moved = { $what }: { $from } → { $to }
changes-date-new = { $what }: new, by { $to }
changes-date-gone = { $what }: no longer needed (it was { $from })
changes-stay-days = The longest stay for your country: { $old } → { $new } days
changes-stay-days-new = The longest visa-free stay for your country: { $new } days
changes-stay-days-gone = Visa-free stays no longer apply to your country.
changes-step-added = New step: { $step }
changes-step-removed = No longer needed: { $step }
changes-cost = { $step }: cost { $old } → { $new } tenge
changes-cost-new = { $step }: now costs { $new } tenge
changes-cost-unknown = { $step }: the cost is not known now.
changes-see-plan = Your reminders now follow the new dates. /plan shows your whole plan.

## For admins (/stats)

changes-stale-rules = Rules due for review (checked more than { $days } days ago): { $rules }
btn-open-plan = 📋 Open my plan
