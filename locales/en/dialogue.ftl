# The dialogue: greetings, questions, buttons, summary and the errors the user can meet.
# Every id here exists in ru/ and kk/ with the same variables.

-bot = Jolserik

## Greeting and help

welcome = Hello! I am { -bot }, your fellow traveller in Kazakhstan. I will ask a few short questions and then show how long you may stay and what to do, by which date. What you tell me stays with me; /delete erases it.
welcome-back = Welcome back! Let us continue where we stopped.
help =
    I help foreigners in Kazakhstan keep track of stay and permit deadlines.
    Answer the questions with the buttons or by typing.
    /back — previous question
    /me — your answers
    /plan — your plan
    /sources — where the rules come from
    /reminders — your upcoming reminders
    /calendar — your deadlines as a calendar file
    /trips — your earlier trips: add, change, remove
    /human — ask a person: a caseworker of the NGO
    /language — change the language
    /restart — start over
    /export — all your data
    /delete — erase all your data
    This is information, not legal advice.
language-set = Good, we will speak English.

## Language

q-language = Which language shall we speak?
# Each language in its own name, the same in every locale.
lang-ru = Русский
lang-kk = Қазақша
lang-en = English
lang-uz = Oʻzbekcha
lang-tg = Тоҷикӣ
lang-ky = Кыргызча

## Citizenship

q-citizenship = Which country's passport do you hold? Choose below, or type the name of your country.
country = { $country }
btn-other-country = Another country
q-citizenship-typed = Type the name of your country or its code (for example: Uzbekistan or UZ).
q-citizenship-confirm = Did you mean { $country }?
q-citizenship-choose = Which one did you mean?
err-country-unknown = I could not find that country. Check the spelling, or type its two-letter code (for example: TJ).
info-citizen-kz = You are a citizen of Kazakhstan, so stay limits do not apply to you. This bot is for foreigners. If you hold a different passport, choose that country.

## Date of entry

q-entry = On what date did you last enter Kazakhstan? Type it like { $example }, or press a button.
btn-today = Today
btn-yesterday = Yesterday
err-date-unrecognized = I could not read that date. Type it like { $example } or { $date }.
err-date-impossible = That date does not exist in the calendar. Check the day and the month, for example { $example }.
err-date-future = That date is in the future. Type the date you actually entered, for example { $example }.
err-date-too-old = That date is more than { $years } years ago. Check the year, for example { $example }.
err-date-too-far = That date is too far in the future for a document. Check the year, for example { $example }.
err-date-year-missing = Please add the year, for example { $example }.

## Days in the last 180 days

btn-prior-none = None
btn-prior-unknown = I don't know
err-prior-days = Type a number of days from 0 to { $max }, or press a button.
days-count = { $days ->
    [one] { $days } day
   *[other] { $days } days
}

## Purpose

q-purpose = Why are you in Kazakhstan?
purpose-work = Work
    .short = Work
purpose-study = Study
    .short = Study
purpose-family = Family
    .short = Family
purpose-visit = Visit or tourism
    .short = Visit or tourism
purpose-business = Business trip
    .short = Business trip
purpose-kandas = Kandas (ethnic Kazakh)
    .short = Kandas (ethnic Kazakh)
purpose-nomad = Remote work for a foreign employer
    .short = Remote work for abroad
purpose-other = Other
    .short = Other

## Employer

q-employer = Who employs you?
employer-household = A private person (household work)
    .short = Private person (household)
employer-company = A company or entrepreneur in Kazakhstan
    .short = Company in Kazakhstan
employer-abroad = An employer abroad
    .short = An employer abroad

## Documents

q-documents = Which documents do you already have? Tap each one you have, then press “Done”.
held-trp = Temporary residence permit
    .short = Temporary residence permit
held-labour-permit = Labour-immigrant permit
    .short = Labour-immigrant permit
held-work-permit = Employer's work permit
    .short = Employer's work permit
held-visa = Visa
    .short = Visa
held-iin = { -iin }
    .short = { -iin }
# The same names inside a sentence ("your temporary residence permit").
held-trp-in-text = temporary residence permit
held-labour-permit-in-text = { -labour-permit }
held-work-permit-in-text = employer's work permit
held-visa-in-text = visa
held-iin-in-text = { -iin }
btn-doc = { $document }
btn-doc-selected = ✅ { $document }
btn-docs-none = I have none of these
btn-docs-done = Done
q-document-end = Until what date is your { $document } valid? Type it like { $example }.
note-document-expired = Note: your { $document } ended on { $date }. I will take that into account.

## Summary

summary =
    Please check your answers:
    { $answers }
summary-citizenship = Citizenship: { $value }
summary-entry = Last entry: { $value }
summary-prior-days = Days in the { $window_days } days before: { $value }
summary-purpose = Purpose: { $value }
summary-employer = Employer: { $value }
summary-documents = Documents: { $value }
summary-document = • { $document }
summary-document-until = • { $document }, valid until { $date }
summary-document-expired = • { $document }, ended { $date }
summary-not-given = not given yet
date = { $date }
btn-correct = ✅ Correct
btn-change = ✏️ Change an answer
q-change-which = Which answer do you want to change?
field-citizenship = Citizenship
field-entry = Date of entry
field-prior-days = Days before entry
field-purpose = Purpose
field-employer = Employer
field-documents = Documents
btn-back-to-summary = ↩️ Back to the summary

## Plan checklist

plan-actions = Tap ⬜ when you have done a step (tap again to undo). Tap a step to see it in full.
btn-step-done = ⬜ Done
btn-step-undo = ✅ Done
btn-step-open = { $number }. { $step }
btn-plan-steps = 📋 All steps
btn-plan-notes = 💡 Good to know
btn-plan-sources = 📚 Sources
btn-plan-calendar = 📅 Calendar (.ics)
btn-plan-back = ↩️ Back
plan-not-ready = Your plan is not ready yet: first answer the questions.
plan-free-text = Your plan is ready. /plan shows it again, /me shows your answers, /restart starts over.

## Restart, delete, export

confirm-restart = Start over? Your answers will be cleared.
btn-confirm-restart = Yes, start over
confirm-delete = Erase everything I know about you? This cannot be undone.
btn-confirm-delete = Yes, erase everything
btn-cancel = Cancel
btn-yes = Yes
btn-no = No
restarted = Your answers are cleared. Let us start again.
deleted = Done: everything about you is erased. Send /start if you want to begin again.
cancelled = Cancelled. Nothing was changed.
export-intro = Here is everything I have stored about you:

## Problems

err-unknown-command = I do not know the command /{ $command }. /help lists what I can do.
err-not-understood = I did not understand that.
err-use-buttons = Please answer with one of the buttons.
err-stale-button = That button is out of date. Here is the current question.
err-unsupported-input = I read only text and buttons.
err-first-question = This is the first question.
err-storage = Sorry, I could not save your answer just now. Please send it again in a minute.
store-reset-notice = The bot was updated and could not read your earlier answers. Sorry! Please answer the questions again; it takes a minute.
