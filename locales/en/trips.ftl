## The exact rolling-window count from the user's trips (rules::trips).

note-prior-days-approximate = I counted your earlier days as if they were all just before this entry. That is the safe side, so your real last day may be later. Give me your trips (the dates you came and left) and I can count exactly.
note-prior-days-worst-case = You do not know your days here in the { $window_days } days before this entry, so I cannot promise any day after the entry day: in the worst case the rules allow, those days already fill your limit. Had you not been here at all, your last day would be { $date }; every day you were here makes it earlier. The border service keeps a record of your crossings (ask for it on egov.kz or at a Public Service Center); give me your trips from it for an exact date.
note-full-stay-from = If you leave on your last legal day, you can come back for the full { $days ->
    [one] { $days } day
   *[other] { $days } days
} from { $date }.
note-days-back = By { $date } you get { $days ->
    [one] { $days } day
   *[other] { $days } days
} back: they leave the { $window_days }-day window.
plan-status-planned = If you enter on the planned day, your last legal day is { $date }.
note-planned-trip = This is a plan for a trip: the dates are for an entry on { $date }.

## The trips in the dialogue and /trips.

q-entry-planned = { $date } is in the future. You are planning a trip? Then I will make the plan for an entry on that day.
q-trips = Were you in Kazakhstan in the { $window_days } days before this entry ({ $date })?
btn-trips-no = No
btn-trips-add = Yes, I will add my trips
btn-trips-about = Only about how many days
btn-trips-unknown = I don't know
q-prior-days-about = About how many days were you in Kazakhstan in the { $window_days } days before this entry? Type a number from 0 to { $window_days }.
q-trip-entry = { $changing } Type the date you entered Kazakhstan on that trip, for example { $example }.
trip-new = A new trip.
trip-changing = Changing the trip { $from } – { $to }.
q-trip-exit = You entered on { $date }. Type the date you left, for example { $example }.
trip-err-exit-before-entry = The exit cannot be before the entry on { $date }. Nothing was changed.
trip-err-overlaps-trip = This trip shares days with your trip { $from } – { $to }. Nothing was changed.
trip-err-overlaps-stay = A trip must end before your current entry on { $date }. Nothing was changed.
trip-err-out-of-reach = This trip ended { $days } days or more before your entry on { $date }, so it does not count. Nothing was changed.
trip-added = Trip saved: { $from } – { $to } ({ $days ->
    [one] { $days } day
   *[other] { $days } days
}).
trip-removed = Trip removed: { $from } – { $to }.
q-trip-more = Were you here on another trip in those { $window_days } days?
btn-trip-another = Add another
btn-trips-done = That's all
trips-list =
    Your trips before this entry:
    { $trips }
trips-list-empty = You have not added any trips.
trip-line = • { $from } – { $to } ({ $days ->
    [one] { $days } day
   *[other] { $days } days
})
btn-trip-change = Change { $from }–{ $to }
btn-trip-remove = Remove { $from }–{ $to }
btn-trip-add = Add a trip
trips-need-entry = First tell me the date of your last entry: trips are counted before it.
summary-trips = Trips in the { $window_days } days before:
