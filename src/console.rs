//! The terminal front end of `jolserik chat`: one line of stdin is one message, each
//! reply is printed to stdout, buttons are printed as numbered options and can be
//! answered by number or by label. Everything else is the shared pipeline in `app`.
//!
//! The terminal has no delivery worker: before each reply it prints the user's
//! reminders that fell due since their last message (collapsed per deadline, each
//! marked in flight before it is printed and delivered after), so restarting with a
//! later `--now` shows what the bot would have sent meanwhile. `/calendar` prints the
//! `.ics` text itself rather than writing a file, so nothing about the user is left
//! outside the store for `/delete` to miss.

use std::io::{BufRead, Write};

use crate::app::{App, AppError};
use crate::domain::Lang;
use crate::engine::{Action, Command, Input, Reply};
use crate::reminders::Delivery;

/// Why the chat stopped early.
#[derive(Debug, thiserror::Error)]
pub enum ChatError {
    #[error(transparent)]
    App(#[from] AppError),
    #[error("could not read the terminal or write to it")]
    Io(#[from] std::io::Error),
}

/// Runs a conversation for `user` until the input ends.
pub fn run(
    app: &App,
    user: u64,
    lang: Option<Lang>,
    input: impl BufRead,
    mut out: impl Write,
) -> Result<(), ChatError> {
    // Open with a greeting (or "welcome back" and the current question).
    let mut options = say(app, user, &Input::Command(Command::Start), lang, &mut out)?;
    for line in input.lines() {
        let line = match line {
            Ok(line) => line,
            // A line that is not UTF-8 is still a message; it just cannot be read.
            Err(e) if e.kind() == std::io::ErrorKind::InvalidData => String::new(),
            Err(e) => return Err(e.into()),
        };
        let message = to_input(&line, &options);
        options = say(app, user, &message, lang, &mut out)?;
    }
    Ok(())
}

/// An option on screen: its rendered label, what it does, and whether typing its
/// number presses it.
struct Option_ {
    label: String,
    action: Action,
    numbered: bool,
}

/// A number of an option on screen, or one of their labels, is a button press.
fn to_input(line: &str, options: &[Option_]) -> Input {
    let trimmed = line.trim();
    if let Ok(n) = trimmed.parse::<usize>() {
        let numbered = options.iter().filter(|o| o.numbered);
        if let Some(option) = n.checked_sub(1).and_then(|i| numbered.clone().nth(i)) {
            return Input::Button(option.action.clone());
        }
    }
    let wanted = normalize_label(trimmed);
    if !wanted.is_empty() {
        if let Some(option) = options.iter().find(|o| normalize_label(&o.label) == wanted) {
            return Input::Button(option.action.clone());
        }
    }
    Input::from_text(line)
}

/// Labels compared without case, marks or leading numbering ("✅ 1. Get an IIN").
fn normalize_label(label: &str) -> String {
    label
        .chars()
        .filter(|c| c.is_alphanumeric() || c.is_whitespace())
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Prints the reminders that are due, then handles one message.
fn say(
    app: &App,
    user: u64,
    input: &Input,
    lang: Option<Lang>,
    out: &mut impl Write,
) -> Result<Vec<Option_>, ChatError> {
    let mut options = Vec::new();
    print_due_reminders(app, user, &mut options, out)?;
    reply(app, user, input, lang, out, options)
}

fn print_due_reminders(
    app: &App,
    user: u64,
    options: &mut Vec<Option_>,
    out: &mut impl Write,
) -> Result<(), ChatError> {
    let due = match app.take_due_reminders(user) {
        Ok(due) => due,
        Err(e) => {
            // Reminders wait for the next message; the conversation goes on.
            tracing::error!(user, error = %e, "could not read due reminders");
            return Ok(());
        }
    };
    for reminder in due {
        match app.reminder_message(&reminder)? {
            Some((lang, reply)) => {
                print_reply(app, lang, &reply, options, out)?;
                out.flush()?;
                app.reminder_outcome(&reminder, Delivery::Delivered)?;
            }
            None => {
                app.reminder_outcome(&reminder, Delivery::Rejected("no such user".into()))?;
            }
        }
    }
    Ok(())
}

fn reply(
    app: &App,
    user: u64,
    input: &Input,
    lang: Option<Lang>,
    out: &mut impl Write,
    mut options: Vec<Option_>,
) -> Result<Vec<Option_>, ChatError> {
    let handled = match app.handle(user, input, lang) {
        Ok(h) => h,
        Err(AppError::Store(e)) => {
            // Not saved, so not acknowledged: say so and let the user send it again.
            tracing::error!(user, error = %e, "could not save");
            let lang = lang.unwrap_or(app.config.i18n.default_language);
            writeln!(
                out,
                "{}\n",
                app.render(lang, &crate::text::Msg::new("err-storage"))
            )?;
            return Ok(options);
        }
        Err(e) => return Err(e.into()),
    };
    // As in Telegram: an acknowledgement is printed with the question after it.
    for reply in &crate::engine::reply::merge(handled.replies) {
        print_reply(app, handled.lang, reply, &mut options, out)?;
    }
    if let Some(export) = &handled.export {
        let json = serde_json::to_string_pretty(export).unwrap_or_else(|_| export.to_string());
        writeln!(out, "{json}\n")?;
    }
    if let Some(calendar) = &handled.calendar {
        writeln!(out, "{}", calendar.content)?;
    }
    out.flush()?;
    Ok(options)
}

fn print_reply(
    app: &App,
    lang: Lang,
    reply: &Reply,
    options: &mut Vec<Option_>,
    out: &mut impl Write,
) -> Result<(), ChatError> {
    writeln!(out, "{}", app.render_reply(lang, reply, &|s| s.to_string()))?;
    for row in &reply.buttons {
        let mut line = Vec::new();
        for button in row {
            let label = app.render(lang, &button.label);
            if reply.numbers_are_answers {
                // A typed number is an answer here ("2" days), so the option is pressed
                // by its label only.
                line.push(format!("[{label}]"));
            } else {
                let number = options.iter().filter(|o| o.numbered).count() + 1;
                line.push(format!("[{number}] {label}"));
            }
            options.push(Option_ {
                label,
                action: button.action.clone(),
                numbered: !reply.numbers_are_answers,
            });
        }
        writeln!(out, "{}", line.join("   "))?;
    }
    writeln!(out)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_labels_press_buttons() {
        let options = vec![
            Option_ {
                label: "✅ Correct".into(),
                action: Action::Correct,
                numbered: true,
            },
            Option_ {
                label: "✏️ Change an answer".into(),
                action: Action::Change,
                numbered: true,
            },
            Option_ {
                label: "None".into(),
                action: Action::PriorNone,
                numbered: false,
            },
        ];
        assert_eq!(to_input("1", &options), Input::Button(Action::Correct));
        assert_eq!(to_input(" 2 ", &options), Input::Button(Action::Change));
        assert_eq!(
            to_input("correct", &options),
            Input::Button(Action::Correct)
        );
        assert_eq!(to_input("3", &options), Input::Text("3".into()));
        assert_eq!(to_input("0", &options), Input::Text("0".into()));
        assert_eq!(to_input("/me", &options), Input::Command(Command::Me));
        assert_eq!(to_input("", &options), Input::Text(String::new()));
        assert_eq!(to_input("none", &options), Input::Button(Action::PriorNone));
    }
}
