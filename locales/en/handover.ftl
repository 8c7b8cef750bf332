### "Ask a person": the user's side (consent, question, open case), the contacts when
### no caseworkers answer in Telegram, and the caseworkers' side, which is rendered in
### the caseworkers' language (handover.operator_language).

## The user's side

btn-ask-person = 🙋 Ask a person
btn-handover-consent = ✅ Send to a caseworker
btn-handover-cancel = ✖ Cancel
btn-close-case = ✖ Close my request
tg-cmd-human = Ask a person
handover-consent =
    A caseworker of the organisation can look at your case. They will see this:

    { $summary }

    and the question you write next. Send it?
handover-write = Write your question in one message, in your own words.
handover-cancelled = Nothing was sent.
handover-sent = Sent to a caseworker. The answer will come here, in this chat.
handover-relayed = I passed this on to the caseworker. Everything you write here goes to them until you close the request.
handover-shared = I passed this file on to the caseworker.
handover-closed = Your request is closed. To ask again, send /human.
handover-already-open = Your request is open. Write here and I will pass it on.
handover-answer =
    A caseworker answers:

    { $text }
handover-closed-by-caseworker = The caseworker closed your request. If you need more help, send /human.
handover-off =
    { $contacts }

    You can also confirm your case at a { -psc }.
handover-contacts =
    You can reach the organisation here:
    { $contacts }
handover-contacts-none = The organisation has not given its contacts here yet.

## The case summary (the consent screen shows it in the user's language)

handover-summary = { $lines }
handover-sum-person = Name: { $name } ({ $username })
handover-sum-person-name = Name: { $name }
handover-sum-person-unknown = Name: not known
handover-sum-language = Language: { $language }
handover-sum-legal = Last legal day: { $date } ({ $days ->
    [one] { $days } day left
   *[other] { $days } days left
})
handover-sum-overstay = Legal stay ended: { $date } ({ $days ->
    [one] { $days } day of overstay
   *[other] { $days } days of overstay
})
handover-sum-status-unknown = Stay: the bot cannot work it out
handover-sum-no-plan = The questions are not finished yet.
handover-sum-deadlines = Next deadlines:
handover-sum-deadline = • { $what }: { $date }

## The caseworkers' chat

handover-op-case =
    📂 Case #{ $case }
    { $summary }

    Question:
    { $question }

    Reply to this message to answer. /close in reply closes the case.
handover-op-topic = Case #{ $case }
handover-op-user-writes =
    Case #{ $case }, the user writes:
    { $text }
handover-op-user-closed = Case #{ $case }: the user closed the request.
handover-op-user-deleted = Case #{ $case }: the user deleted their data. Nothing more can be sent to them.
handover-op-blocked = Not delivered: the user has blocked the bot.
handover-op-deleted = Not delivered: the user deleted their data.
handover-op-text-only = Only text is passed on to the user.
