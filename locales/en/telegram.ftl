# Texts that exist because the bot lives in Telegram: the note for groups, the record of
# a pressed button, the bot's profile and command menu, and the admin statistics.
# Every id here exists in ru/ and kk/ with the same variables.

## Groups and channels

tg-private-only = I work only in private messages. Open a chat with me and press Start.
tg-slow-down = You are sending messages faster than I can read them, so I skipped some. Please wait a few seconds, then send your answer again.

## A question after its button was pressed

tg-answered = Your answer: { $answer }

## The bot's profile, shown before the first message

tg-description = { -bot } helps foreigners in Kazakhstan. Answer a few short questions and I will show how long you may stay, which documents you need and what to do by which date. In Uzbek, Tajik, Kyrgyz, Kazakh, Russian and English. This is information, not legal advice.
tg-short-description = For foreigners in Kazakhstan: stay limits, registration and permits, as a personal plan.

## The command menu

tg-cmd-start = Start or continue
tg-cmd-help = What I can do
tg-cmd-plan = Your plan
tg-cmd-me = Your answers
tg-cmd-sources = Where the rules come from
tg-cmd-reminders = Your upcoming reminders
tg-cmd-calendar = Your deadlines as a calendar file
tg-cmd-trips = Your earlier trips
tg-cmd-language = Change the language
tg-cmd-back = Previous question
tg-cmd-restart = Start over
tg-cmd-export = All your data
tg-cmd-delete = Erase all your data

## Statistics for admins (/stats)

tg-stats =
    Statistics
    Users: { $users }
    Answering the questions: { $active }
    With a plan: { $plans }
    Blocked the bot: { $blocked }
    Reminders waiting: { $pending }
    Reminders sent: { $sent }
    Since start: updates { $updates }, replies { $replies }, API errors { $errors }
