//! What the bot says, before it is said in a language: a Fluent message id plus typed
//! arguments. The engine and the rules produce these; `i18n` turns them into text for one
//! user's language, and the front ends escape what the user typed for their medium.

use std::borrow::Cow;

use chrono::NaiveDate;
use serde::Serialize;

use crate::domain::CountryCode;

/// A message id from `locales/*/*.ftl` with its arguments.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Msg {
    pub id: Cow<'static, str>,
    pub args: Vec<(&'static str, Arg)>,
}

/// One argument of a message. Each kind is rendered for the reader's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum Arg {
    /// A number; Fluent selects plural forms on it.
    Int(i64),
    /// A calendar date, written the way the language writes dates.
    Date(NaiveDate),
    /// A country, written as its name in the reader's language.
    Country(CountryCode),
    /// An amount in tenge, grouped by thousands.
    Kzt(i64),
    /// Another large number (an amount in dollars, say), grouped by thousands the way
    /// the language groups them; no currency is implied.
    Grouped(i64),
    /// Another message, rendered first and inserted as text.
    Msg(Box<Msg>),
    /// Text the user typed. Front ends escape it for their markup.
    UserText(String),
    /// Text that is the same in every language: a URL, a rule id.
    Verbatim(String),
    /// Several messages, rendered one per line: a checklist, a list of sources.
    Lines(Vec<Msg>),
}

impl Msg {
    /// A message without arguments.
    pub fn new(id: impl Into<Cow<'static, str>>) -> Msg {
        Msg {
            id: id.into(),
            args: Vec::new(),
        }
    }

    /// Adds an argument; chains.
    pub fn arg(mut self, name: &'static str, value: Arg) -> Msg {
        self.args.push((name, value));
        self
    }

    pub fn int(self, name: &'static str, value: i64) -> Msg {
        self.arg(name, Arg::Int(value))
    }

    pub fn date(self, name: &'static str, value: NaiveDate) -> Msg {
        self.arg(name, Arg::Date(value))
    }

    pub fn msg(self, name: &'static str, value: Msg) -> Msg {
        self.arg(name, Arg::Msg(Box::new(value)))
    }

    pub fn verbatim(self, name: &'static str, value: impl Into<String>) -> Msg {
        self.arg(name, Arg::Verbatim(value.into()))
    }
}
