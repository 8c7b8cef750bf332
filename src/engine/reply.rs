//! What the engine answers: messages to show, each with its buttons, and effects that a
//! front end must carry out (erase the user, export their data, list their reminders,
//! make their calendar file). Nothing here is text yet;
//! `i18n` renders it in the user's language.

use crate::engine::input::Action;
use crate::text::Msg;

/// One message to the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reply {
    /// Short messages said first, in the same chat message ("Good, we will speak
    /// English." before the next question): see [`merge`].
    pub lead: Vec<Msg>,
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
            lead: Vec::new(),
            msg,
            buttons: Vec::new(),
            refreshes_previous: false,
            numbers_are_answers: false,
        }
    }

    pub fn with_buttons(msg: Msg, buttons: Vec<Vec<Button>>) -> Reply {
        Reply {
            lead: Vec::new(),
            msg,
            buttons,
            refreshes_previous: false,
            numbers_are_answers: false,
        }
    }

    /// Whether the message, or one said before it in the same reply, is `id`.
    pub fn says(&self, id: &str) -> bool {
        self.msg.id == id || self.lead.iter().any(|m| m.id == id)
    }

    /// Every message of the reply, in the order they are shown.
    pub fn parts(&self) -> impl Iterator<Item = &Msg> {
        self.lead.iter().chain(std::iter::once(&self.msg))
    }

    /// Mutable access to every message of the reply.
    pub fn parts_mut(&mut self) -> impl Iterator<Item = &mut Msg> {
        self.lead.iter_mut().chain(std::iter::once(&mut self.msg))
    }
}

/// Folds each plain message (no buttons, not an edit) into the reply after it, so an
/// acknowledgement and the next question arrive as one chat message: Telegram lets a
/// bot send about one message a second to a chat, so every message saved is a second
/// the user does not wait. A reply that edits a message in place keeps its own text,
/// and the last reply is never folded (there is nothing after it).
pub fn merge(replies: Vec<Reply>) -> Vec<Reply> {
    let mut out: Vec<Reply> = Vec::with_capacity(replies.len());
    let mut pending: Vec<Msg> = Vec::new();
    for mut reply in replies {
        if !reply.refreshes_previous {
            pending.append(&mut reply.lead);
            reply.lead = std::mem::take(&mut pending);
        } else if !pending.is_empty() {
            // An edit cannot carry what came before it: that goes out on its own.
            out.push(lines(std::mem::take(&mut pending)));
        }
        let plain = reply.buttons.is_empty() && !reply.refreshes_previous;
        if plain {
            pending.append(&mut reply.lead);
            pending.push(reply.msg);
        } else {
            out.push(reply);
        }
    }
    if !pending.is_empty() {
        out.push(lines(pending));
    }
    out
}

/// Several messages as one reply: the last is its message, the others its lead.
fn lines(mut msgs: Vec<Msg>) -> Reply {
    let msg = msgs.pop().unwrap_or_else(|| Msg::new("err-not-understood"));
    Reply {
        lead: msgs,
        ..Reply::text(msg)
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

#[cfg(test)]
mod tests {
    use super::*;

    fn asked(id: &'static str) -> Reply {
        Reply::with_buttons(
            Msg::new(id),
            vec![vec![Button::new(Msg::new("btn-yes"), Action::Yes)]],
        )
    }

    #[test]
    fn acknowledgements_fold_into_the_next_question() {
        let merged = merge(vec![
            Reply::text(Msg::new("language-set")),
            asked("q-citizenship"),
        ]);
        assert_eq!(merged.len(), 1);
        assert_eq!(merged[0].lead, vec![Msg::new("language-set")]);
        assert!(merged[0].says("language-set") && merged[0].says("q-citizenship"));

        // Plain messages at the end stay one message; an edit keeps its own text.
        let mut edit = asked("q-documents");
        edit.refreshes_previous = true;
        let merged = merge(vec![
            Reply::text(Msg::new("welcome")),
            edit.clone(),
            Reply::text(Msg::new("cancelled")),
            Reply::text(Msg::new("help")),
        ]);
        assert_eq!(merged.len(), 3);
        assert_eq!(merged[0].msg, Msg::new("welcome"));
        assert_eq!(merged[1], edit);
        assert_eq!(merged[2].lead, vec![Msg::new("cancelled")]);
        assert_eq!(merged[2].msg, Msg::new("help"));
        assert!(merge(Vec::new()).is_empty());
    }
}
