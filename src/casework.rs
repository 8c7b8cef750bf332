//! The caseworkers' side of a case, above the app: what a caseworker's message in
//! their chat does (an answer for the user, `/close`, a reply to an erased case), under
//! the same per-user lock as the user's own messages, stored and flushed before the
//! caseworker is acknowledged; and what the relay loop needs to say a relay in the
//! reader's language. Telegram's side of it (which messages count, the Bot API calls)
//! is `telegram::handover`; the user's side is `engine::handover`.
//!
//! Logs carry case numbers and user ids, never texts.

use crate::app::{App, AppError};
use crate::domain::Lang;
use crate::engine::Handover;
use crate::store::{CaseAt, CaseworkerOutcome, Loaded, RelayBody, UserRecord};

/// What a caseworker sent, as far as a case is concerned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CaseworkerInput {
    /// Text for the user.
    Text(String),
    /// `/close`.
    Close,
}

/// What became of a caseworker's message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaseworkerResult {
    /// Not about a case (not a reply to one, not in a case's topic): ignored.
    NotACase,
    /// Queued for the user of `case`.
    Queued { case: u64, user: u64 },
    /// The case was erased with the user's data: nothing can be sent.
    Erased,
}

impl App {
    /// A caseworker's message in the caseworkers' chat `chat` (message `message`,
    /// replying to `reply_to`, in forum topic `thread`).
    pub fn caseworker_message(
        &self,
        chat: i64,
        message: i32,
        reply_to: Option<i32>,
        thread: Option<i32>,
        input: &CaseworkerInput,
    ) -> Result<CaseworkerResult, AppError> {
        let case = match self.store.case_at(chat, reply_to, thread)? {
            CaseAt::Nothing => return Ok(CaseworkerResult::NotACase),
            CaseAt::Erased => return Ok(CaseworkerResult::Erased),
            CaseAt::Case(case) => case,
        };
        let Some(user) = self.store.case(case)?.map(|c| c.user) else {
            return Ok(CaseworkerResult::Erased);
        };
        let _one_at_a_time = self.lock(user);
        let now = self.clock.now();
        let (body, closes) = match input {
            CaseworkerInput::Text(text) => (
                RelayBody::Answer {
                    text: text.clone(),
                    chat,
                    message,
                },
                false,
            ),
            CaseworkerInput::Close => (RelayBody::ClosedByCaseworker { chat, message }, true),
        };
        let set_state = |record: &mut UserRecord| {
            record.conversation.handover = match record.conversation.handover {
                // The user is starting a new request (consent shown, or writing the
                // question): an answer to an older case is delivered, but their new
                // request stays where it is; opening it closes the older case.
                Some(h @ (Handover::Consent | Handover::Writing)) => Some(h),
                _ if closes => None,
                _ => Some(Handover::Open { told: false }),
            };
        };
        let outcome = self
            .store
            .caseworker_answer(case, body, Some(&set_state), closes, now)?;
        self.relay_wakeup.notify_one();
        Ok(match outcome {
            CaseworkerOutcome::Queued { user, reopened } => {
                tracing::info!(case, user, closes, reopened, "caseworker's message queued");
                CaseworkerResult::Queued { case, user }
            }
            CaseworkerOutcome::Erased => CaseworkerResult::Erased,
        })
    }

    /// A photo or document the user sent (`message` in their chat with the bot): passed
    /// on to their open case, stored before the user is told. `None` when no case is
    /// open (the dialogue answers it as usual); otherwise the case and the user's
    /// language for the note that it was shared.
    pub fn share_with_case(
        &self,
        user: u64,
        message: i32,
    ) -> Result<Option<(u64, Lang)>, AppError> {
        let _one_at_a_time = self.lock(user);
        let Loaded::Found(record) = self.store.load(user, self.clock.now())? else {
            return Ok(None);
        };
        if !matches!(record.conversation.handover, Some(Handover::Open { .. })) {
            return Ok(None);
        }
        let lang = record.conversation.lang;
        let body = RelayBody::UserShared { message };
        let case = self.store.queue_for_case(user, &record, &body)?;
        if let Some(case) = case {
            tracing::info!(case, user, "user's file queued for the case");
            self.relay_wakeup.notify_one();
        }
        Ok(case.map(|c| (c, lang)))
    }

    /// The language a user reads, for a relay to them; `None` when they are gone or
    /// have blocked the bot.
    pub fn relay_reader(&self, user: u64) -> Result<Option<Lang>, AppError> {
        let _one_at_a_time = self.lock(user);
        Ok(match self.store.load(user, self.clock.now())? {
            Loaded::Found(record) if !record.meta.blocked => Some(record.conversation.lang),
            _ => None,
        })
    }
}
