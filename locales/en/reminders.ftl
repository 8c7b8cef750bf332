# Reminders: what the bot writes before a deadline, its buttons, the answers to them,
# /reminders and /calendar. Every id here exists in ru/ and kk/ with the same variables.
# Deadline names ($what) come from rules.ftl (deadline-*), step titles from step-*.

## A reminder

reminder-lines = { $lines }
reminder-ahead = ⏰ Reminder. { $what }: { $date } — { $days ->
    [one] { $days } day left.
   *[other] { $days } days left.
}
reminder-last-day = ⏰ Today is the last day. { $what }: { $date }.
reminder-passed = ⚠️ { $days ->
    [1] Yesterday was the last day.
    [one] The last day was { $days } day ago.
   *[other] The last day was { $days } days ago.
} { $what }: { $date }.
reminder-passed-now = What to do now: act today. If you are still in Kazakhstan without a valid basis, go to the { -migration-police } or a { -psc } at once; every extra day can mean a fine. /plan shows your plan as it is now.
reminder-step = What to do: { $step }.
reminder-source = Source: rule { $rule }, { $link }
reminder-source-rule = Source: rule { $rule } (/sources lists where it comes from).

btn-reminder-renewed = ✅ Done — I renewed
btn-reminder-snooze = ⏰ Remind me tomorrow
btn-reminder-stop = 🔕 Stop these reminders

## One message a day: every deadline due for a reminder, numbered like its buttons

reminder-digest-header = ⏰ Reminder: { $count ->
    [one] { $count } deadline is near.
   *[other] { $count } deadlines are near.
}
reminder-digest-ahead = { $n }. { $what }: { $date } — { $days ->
    [one] { $days } day left.
   *[other] { $days } days left.
}
reminder-digest-last-day = { $n }. { $what }: { $date } — today is the last day.
reminder-digest-passed = { $n }. ⚠️ { $what }: { $date } — { $days ->
    [1] yesterday was the last day.
    [one] the last day was { $days } day ago.
   *[other] the last day was { $days } days ago.
}
reminder-digest-step = { "   " }→ { $step }
reminder-digest-footer = Each button carries the number of its deadline. /plan shows every step with its source.

btn-digest-renewed = { $n } ✅ Renewed
btn-digest-snooze = { $n } ⏰ Tomorrow
btn-digest-stop = { $n } 🔕 Stop

## Answers to the buttons

reminder-renew-intro = Well done! Send me the new end date of your { $document }, and I will plan your reminders again.
reminder-renewed = Saved: your { $document } is valid until { $date }. Your reminders are planned again; /reminders shows them.
reminder-snoozed = Fine, I will remind you again tomorrow, { $tomorrow }. { $what }: { $date }.
reminder-snooze-too-late = { $what }: { $date }. I cannot remind you after the deadline, so please act today.
reminder-stopped = I will not remind you about this again. { $what }: { $date }. /reminders shows the reminders that remain.

## /reminders

# One line per deadline, with the day of its next reminder; $count counts the lines.
reminders-list-header = { $count ->
    [one] Your next reminder:
   *[other] Your next { $count } reminders:
}
reminders-list-deadline = • { $what }: { $date } — next reminder { $when }
reminders-list-more = …and { $count ->
    [one] { $count } more deadline.
   *[other] { $count } more deadlines.
}
reminders-list-empty = No reminders are planned. When your plan has deadlines, I write a few days before each of them; /plan shows your plan.

## /calendar

calendar-intro = Here is a calendar file with your deadlines. Open it to add them to your phone's calendar, with alerts before each one. If you import it again later, the events are updated, not doubled.
calendar-empty = Your plan has no deadlines to put in a calendar.
calendar-name = { -bot }: deadlines
calendar-summary = { -bot }: { $what }
calendar-deadline = { $what }: { $date }.
calendar-alarm = { $what }: { $date }.
