//! Turns messages into text in one language. Owns the Fluent bundles (embedded from
//! `locales/{en,ru,kk}/*.ftl` at build time, so the binary is the whole program), the
//! rendering of each argument kind (dates, country names, tenge), and the check that the
//! three locales carry the same messages.

use std::collections::BTreeMap;
use std::sync::Arc;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

use crate::countries::Countries;
use crate::dates;
use crate::domain::Lang;
use crate::text::{Arg, Msg};

/// The Fluent files of one language, in the order they are added to its bundle.
fn sources(lang: Lang) -> [(&'static str, &'static str); 4] {
    match lang {
        Lang::En => [
            (
                "en/dialogue.ftl",
                include_str!("../locales/en/dialogue.ftl"),
            ),
            ("en/rules.ftl", include_str!("../locales/en/rules.ftl")),
            (
                "en/telegram.ftl",
                include_str!("../locales/en/telegram.ftl"),
            ),
            (
                "en/reminders.ftl",
                include_str!("../locales/en/reminders.ftl"),
            ),
        ],
        Lang::Ru => [
            (
                "ru/dialogue.ftl",
                include_str!("../locales/ru/dialogue.ftl"),
            ),
            ("ru/rules.ftl", include_str!("../locales/ru/rules.ftl")),
            (
                "ru/telegram.ftl",
                include_str!("../locales/ru/telegram.ftl"),
            ),
            (
                "ru/reminders.ftl",
                include_str!("../locales/ru/reminders.ftl"),
            ),
        ],
        Lang::Kk => [
            (
                "kk/dialogue.ftl",
                include_str!("../locales/kk/dialogue.ftl"),
            ),
            ("kk/rules.ftl", include_str!("../locales/kk/rules.ftl")),
            (
                "kk/telegram.ftl",
                include_str!("../locales/kk/telegram.ftl"),
            ),
            (
                "kk/reminders.ftl",
                include_str!("../locales/kk/reminders.ftl"),
            ),
        ],
    }
}

/// Why the locales could not be loaded or a message could not be rendered.
#[derive(Debug, thiserror::Error)]
pub enum I18nError {
    /// A Fluent file has a syntax error.
    #[error("{file}: Fluent syntax error: {detail}")]
    Syntax { file: &'static str, detail: String },
    /// Two files of one language define the same message.
    #[error("{file}: message `{id}` is defined twice")]
    Duplicate { file: &'static str, id: String },
    /// The three languages do not define the same messages with the same variables.
    #[error("locales differ: {0}")]
    Parity(String),
    /// A message the code asked for does not exist.
    #[error("{lang}: no message `{id}`")]
    Missing { lang: Lang, id: String },
    /// Fluent reported a problem while formatting (a missing variable, say).
    #[error("{lang}: message `{id}` did not format cleanly: {detail}")]
    Format {
        lang: Lang,
        id: String,
        detail: String,
    },
}

/// The bundles of all three languages. Shared across threads behind an `Arc`.
pub struct Localizer {
    bundles: BTreeMap<Lang, FluentBundle<FluentResource>>,
    countries: Arc<Countries>,
}

impl std::fmt::Debug for Localizer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Localizer")
            .field("languages", &self.bundles.keys().collect::<Vec<_>>())
            .finish()
    }
}

impl Localizer {
    /// Loads the embedded locales and checks that they agree with each other.
    pub fn new(countries: Arc<Countries>) -> Result<Localizer, I18nError> {
        let mut bundles = BTreeMap::new();
        for lang in Lang::ALL {
            let langid = lang
                .code()
                .parse()
                .map_err(|_| I18nError::Parity(format!("bad language id {lang}")))?;
            let mut bundle = FluentBundle::new_concurrent(vec![langid]);
            // Isolation marks around placeables confuse phones that show them as boxes.
            bundle.set_use_isolating(false);
            for (file, text) in sources(lang) {
                let resource = FluentResource::try_new(text.to_string()).map_err(|(_, errs)| {
                    I18nError::Syntax {
                        file,
                        detail: format!("{errs:?}"),
                    }
                })?;
                bundle
                    .add_resource(resource)
                    .map_err(|errs| I18nError::Duplicate {
                        file,
                        id: format!("{errs:?}"),
                    })?;
            }
            bundles.insert(lang, bundle);
        }
        check_parity()?;
        Ok(Localizer { bundles, countries })
    }

    /// The country table used for country names.
    pub fn countries(&self) -> &Countries {
        &self.countries
    }

    /// Renders a message. A problem is logged and the message id is shown rather than
    /// nothing, so a user never meets silence; tests use `try_render` to catch it.
    pub fn render(&self, lang: Lang, msg: &Msg) -> String {
        self.render_escaped(lang, msg, &|s| s.to_string())
    }

    /// Renders a message, passing text the user typed through `escape` (for a markup).
    pub fn render_escaped(&self, lang: Lang, msg: &Msg, escape: &dyn Fn(&str) -> String) -> String {
        match self.try_render(lang, msg, escape) {
            Ok(text) => text,
            Err(e) => {
                tracing::error!(error = %e, "message did not render");
                msg.id.to_string()
            }
        }
    }

    /// Renders a message or says exactly what went wrong.
    pub fn try_render(
        &self,
        lang: Lang,
        msg: &Msg,
        escape: &dyn Fn(&str) -> String,
    ) -> Result<String, I18nError> {
        let bundle = self.bundles.get(&lang).ok_or_else(|| I18nError::Missing {
            lang,
            id: msg.id.to_string(),
        })?;
        let pattern = bundle
            .get_message(&msg.id)
            .and_then(|m| m.value())
            .ok_or_else(|| I18nError::Missing {
                lang,
                id: msg.id.to_string(),
            })?;
        let mut args = FluentArgs::new();
        for (name, value) in &msg.args {
            let value: FluentValue = match value {
                Arg::Int(n) => FluentValue::from(*n),
                Arg::Date(d) => FluentValue::from(dates::format_date(*d, lang)),
                Arg::Country(code) => FluentValue::from(
                    self.countries
                        .name(code, lang)
                        .map(str::to_string)
                        .unwrap_or_else(|| code.to_string()),
                ),
                Arg::Kzt(amount) => FluentValue::from(format_kzt(*amount, lang)),
                Arg::Msg(inner) => FluentValue::from(self.try_render(lang, inner, escape)?),
                Arg::UserText(t) => FluentValue::from(escape(t)),
                Arg::Verbatim(t) => FluentValue::from(t.clone()),
                Arg::Lines(lines) => {
                    let mut rendered = Vec::with_capacity(lines.len());
                    for line in lines {
                        rendered.push(self.try_render(lang, line, escape)?);
                    }
                    FluentValue::from(rendered.join("\n"))
                }
            };
            args.set(*name, value);
        }
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, Some(&args), &mut errors);
        if errors.is_empty() {
            Ok(text.into_owned())
        } else {
            Err(I18nError::Format {
                lang,
                id: msg.id.to_string(),
                detail: format!("{errors:?}"),
            })
        }
    }
}

/// An amount of tenge grouped by thousands the way each language writes it.
pub fn format_kzt(amount: i64, lang: Lang) -> String {
    let digits = amount.unsigned_abs().to_string();
    let separator = match lang {
        Lang::En => ",",
        // A no-break space keeps "17 300" on one line.
        Lang::Ru | Lang::Kk => "\u{a0}",
    };
    let mut grouped = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push_str(separator);
        }
        grouped.push(ch);
    }
    if amount < 0 {
        grouped.insert(0, '-');
    }
    grouped
}

/// The message ids of one language, each with the variables it uses.
pub fn message_variables(lang: Lang) -> Result<BTreeMap<String, Vec<String>>, I18nError> {
    let mut out = BTreeMap::new();
    for (file, text) in sources(lang) {
        let resource =
            FluentResource::try_new(text.to_string()).map_err(|(_, errs)| I18nError::Syntax {
                file,
                detail: format!("{errs:?}"),
            })?;
        for entry in resource.entries() {
            let (id, body) = match entry {
                fluent_syntax::ast::Entry::Message(m) => (m.id.name.to_string(), format!("{m:?}")),
                fluent_syntax::ast::Entry::Term(t) => (format!("-{}", t.id.name), format!("{t:?}")),
                _ => continue,
            };
            let vars = variables_in(&body);
            if out.insert(id.clone(), vars).is_some() {
                return Err(I18nError::Duplicate { file, id });
            }
        }
    }
    Ok(out)
}

/// Variable names referenced in a debug-printed Fluent AST node. The debug form is
/// stable within a fluent-syntax version and avoids walking every node type by hand.
fn variables_in(debug: &str) -> Vec<String> {
    let mut vars = std::collections::BTreeSet::new();
    let marker = "VariableReference { id: Identifier { name: \"";
    let mut rest = debug;
    while let Some(at) = rest.find(marker) {
        rest = &rest[at + marker.len()..];
        if let Some(end) = rest.find('"') {
            vars.insert(rest[..end].to_string());
            rest = &rest[end..];
        }
    }
    vars.into_iter().collect()
}

/// Checks that every language has the messages English has, no others, and the same
/// variables in each.
pub fn check_parity() -> Result<(), I18nError> {
    let reference = message_variables(Lang::En)?;
    let mut problems = Vec::new();
    for lang in [Lang::Ru, Lang::Kk] {
        let other = message_variables(lang)?;
        for (id, vars) in &reference {
            match other.get(id) {
                None => problems.push(format!("{lang} lacks `{id}`")),
                // Terms are translated freely; only messages must match in variables.
                Some(v) if v != vars && !id.starts_with('-') => {
                    problems.push(format!("{lang} `{id}` uses {v:?}, en uses {vars:?}"))
                }
                Some(_) => {}
            }
        }
        for id in other.keys() {
            if !reference.contains_key(id) && !id.starts_with('-') {
                problems.push(format!("{lang} has `{id}`, en does not"));
            }
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(I18nError::Parity(problems.join("; ")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tenge_is_grouped_per_language() {
        assert_eq!(format_kzt(17300, Lang::En), "17,300");
        assert_eq!(format_kzt(17300, Lang::Ru), "17\u{a0}300");
        assert_eq!(format_kzt(1234567, Lang::Kk), "1\u{a0}234\u{a0}567");
        assert_eq!(format_kzt(999, Lang::En), "999");
        assert_eq!(format_kzt(-4325, Lang::En), "-4,325");
    }

    #[test]
    fn variables_are_found_in_the_ast() {
        let r = FluentResource::try_new(
            "a = { $x } and { $y ->\n [one] o\n *[other] { $z }\n}\n".into(),
        )
        .unwrap();
        let entry = r.entries().next().unwrap();
        assert_eq!(variables_in(&format!("{entry:?}")), vec!["x", "y", "z"]);
    }
}
