//! What the engine answers: messages to show, each with its buttons, and effects that a
//! front end must carry out (erase the user, export their data, list their reminders,
//! make their calendar file). Nothing here is text yet;
//! `i18n` renders it in the user's language.

use crate::engine::input::Action;
use crate::text::Msg;

/// One message to the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reply {
    pub msg: Msg,
    /// Rows of buttons. Empty when the message has none.
    pub buttons: Vec<Vec<Button>>,
    /// The message repeats the previous question with a changed keyboard (a document
    /// ticked, a step marked done); Telegram can edit the old message instead of sending
    /// a new one.
    pub refreshes_previous: bool,
    /// The question takes a typed number as its answer (days), so a front end that lets
    /// users press buttons by number must not do so here.
    pub numbers_are_answers: bool,
}

impl Reply {
    pub fn text(msg: Msg) -> Reply {
        Reply {
            msg,
            buttons: Vec::new(),
            refreshes_previous: false,
            numbers_are_answers: false,
        }
    }

    pub fn with_buttons(msg: Msg, buttons: Vec<Vec<Button>>) -> Reply {
        Reply {
            msg,
            buttons,
            refreshes_previous: false,
            numbers_are_answers: false,
        }
    }
}

/// A button: a label to render and the action it sends back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Button {
    pub label: Msg,
    pub action: Action,
}

impl Button {
    pub fn new(label: Msg, action: Action) -> Button {
        Button { label, action }
    }
}

/// Work that only a front end can do, after it has saved the new state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Erase everything stored about this user. The front end must not save the new
    /// conversation afterwards.
    DeleteUser,
    /// Send the user everything stored about them, as JSON.
    ExportData,
    /// The answers changed in a way that can change the plan and its deadlines.
    ProfileChanged,
    /// The user changed their reminders (stopped or snoozed some): re-plan them.
    RemindersChanged,
    /// Append the list of the user's upcoming reminders (the store has them).
    ListReminders,
    /// Send the user their deadlines as a calendar file.
    Calendar,
    /// Open a case for the caseworkers: what the user agreed to share (`summary`, to be
    /// rendered in the caseworkers' language) and their question. Stored, with the
    /// conversation, before the user is told it was sent.
    OpenCase { summary: Msg, question: String },
    /// Pass the user's text on to their open case.
    RelayToCase { text: String },
    /// The user closed their open case.
    CloseCase,
}
