## The exact rolling-window count from the user's trips (rules::trips).

note-prior-days-approximate = I counted your earlier days as if they were all just before this entry. That is the safe side, so your real last day may be later. Give me your trips (the dates you came and left) and I can count exactly.
note-prior-days-worst-case = You do not know your days here in the 180 days before this entry, so I cannot promise any day after the entry day: in the worst case the rules allow, those days already fill your limit. Had you not been here at all, your last day would be { $date }; every day you were here makes it earlier. The border service keeps a record of your crossings (ask for it on egov.kz or at a Public Service Center); give me your trips from it for an exact date.
note-full-stay-from = If you leave on your last legal day, you can come back for the full { $days ->
    [one] { $days } day
   *[other] { $days } days
} from { $date }.
note-days-back = By { $date } you get { $days ->
    [one] { $days } day
   *[other] { $days } days
} back: they leave the 180-day window.
plan-status-planned = If you enter on the planned day, your last legal day is { $date }.
note-planned-trip = This is a plan for a trip: the dates are for an entry on { $date }.
