//! Turns messages into text in one language. Owns the Fluent bundles (embedded from
//! `locales/{uz,tg,ky,kk,ru,en}/*.ftl` at build time, so the binary is the whole
//! program), the rendering of each argument kind (dates, country names, tenge), the
//! `DATE` function that writes a date in a grammatical case, and the check that the
//! locales carry the same messages.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::NaiveDate;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::types::FluentType;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

use crate::countries::Countries;
use crate::dates::{self, DateCase};
use crate::domain::Lang;
use crate::text::{Arg, Msg};

/// The seven Fluent files of one locale directory, in the order they are added.
macro_rules! locale_files {
    ($dir:literal) => {
        [
            (
                concat!($dir, "/dialogue.ftl"),
                include_str!(concat!("../locales/", $dir, "/dialogue.ftl")),
            ),
            (
                concat!($dir, "/rules.ftl"),
                include_str!(concat!("../locales/", $dir, "/rules.ftl")),
            ),
            (
                concat!($dir, "/telegram.ftl"),
                include_str!(concat!("../locales/", $dir, "/telegram.ftl")),
            ),
            (
                concat!($dir, "/reminders.ftl"),
                include_str!(concat!("../locales/", $dir, "/reminders.ftl")),
            ),
            (
                concat!($dir, "/trips.ftl"),
                include_str!(concat!("../locales/", $dir, "/trips.ftl")),
            ),
            (
                concat!($dir, "/changes.ftl"),
                include_str!(concat!("../locales/", $dir, "/changes.ftl")),
            ),
            (
                concat!($dir, "/handover.ftl"),
                include_str!(concat!("../locales/", $dir, "/handover.ftl")),
            ),
        ]
    };
}

/// The Fluent files of one language, in the order they are added to its bundle.
fn sources(lang: Lang) -> [(&'static str, &'static str); 7] {
    match lang {
        Lang::En => locale_files!("en"),
        Lang::Ru => locale_files!("ru"),
        Lang::Kk => locale_files!("kk"),
        Lang::Uz => locale_files!("uz"),
        Lang::Tg => locale_files!("tg"),
        Lang::Ky => locale_files!("ky"),
    }
}

/// The memoizer type of a bundle. fluent-bundle names its memoizers in `FluentType`'s
/// methods without re-exporting their crate; reading them off the bundle types avoids a
/// direct dependency that would have to follow fluent-bundle's version by hand.
trait BundleMemoizer {
    type Memoizer;
}

impl<R, M> BundleMemoizer for fluent_bundle::bundle::FluentBundle<R, M> {
    type Memoizer = M;
}

type PlainMemoizer = <fluent_bundle::FluentBundle<FluentResource> as BundleMemoizer>::Memoizer;
type SharedMemoizer = <FluentBundle<FluentResource> as BundleMemoizer>::Memoizer;

/// A date handed to Fluent as itself, not as text, so that `DATE($date, case: …)` can
/// write it in a grammatical case. Shown plainly (`{ $date }`) it is the nominative.
#[derive(Debug, Clone, Copy, PartialEq)]
struct FluentDate {
    date: NaiveDate,
    lang: Lang,
}

impl FluentType for FluentDate {
    fn duplicate(&self) -> Box<dyn FluentType + Send> {
        Box::new(*self)
    }

    fn as_string(&self, _: &PlainMemoizer) -> Cow<'static, str> {
        dates::format_date(self.date, self.lang).into()
    }

    fn as_string_threadsafe(&self, _: &SharedMemoizer) -> Cow<'static, str> {
        dates::format_date(self.date, self.lang).into()
    }
}

/// The name of the date function in the Fluent files.
const DATE_FUNCTION: &str = "DATE";

/// `DATE($date, case: "dative")`: the date in a case (see [`dates::DateCase`]). Anything
/// else (no date, an unknown case) is a Fluent error value, which renders as `DATE()`;
/// [`Localizer::try_render`] reports that, and [`check_functions`] refuses such a call
/// in the files before it can happen.
fn date_function<'a>(positional: &[FluentValue<'a>], named: &FluentArgs) -> FluentValue<'a> {
    let Some(FluentValue::Custom(custom)) = positional.first() else {
        return FluentValue::Error;
    };
    let Some(date) = custom.as_any().downcast_ref::<FluentDate>() else {
        return FluentValue::Error;
    };
    let case = match named.get("case") {
        None => Some(DateCase::Nominative),
        Some(FluentValue::String(name)) => DateCase::from_name(name),
        Some(_) => None,
    };
    match case {
        Some(case) => FluentValue::from(dates::format_date_case(date.date, date.lang, case)),
        None => FluentValue::Error,
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
    /// The languages do not define the same messages with the same variables, or a file
    /// calls a function wrongly.
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

/// The bundles of every language. Shared across threads behind an `Arc`.
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
            bundle
                .add_function(DATE_FUNCTION, date_function)
                .map_err(|e| I18nError::Parity(format!("{lang}: {e:?}")))?;
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
        // `step-get-iin.short` names the attribute `short` of `step-get-iin`: a button's
        // short form lives next to the full text it shortens.
        let (id, attribute) = match msg.id.split_once('.') {
            Some((id, attribute)) => (id, Some(attribute)),
            None => (&*msg.id, None),
        };
        let pattern = bundle
            .get_message(id)
            .and_then(|m| match attribute {
                Some(a) => m.get_attribute(a).map(|a| a.value()),
                None => m.value(),
            })
            .ok_or_else(|| I18nError::Missing {
                lang,
                id: msg.id.to_string(),
            })?;
        let mut args = FluentArgs::new();
        for (name, value) in &msg.args {
            let value: FluentValue = match value {
                Arg::Int(n) => FluentValue::from(*n),
                Arg::Date(d) => FluentValue::Custom(Box::new(FluentDate { date: *d, lang })),
                Arg::Country(code) => FluentValue::from(
                    self.countries
                        .name(code, lang)
                        .map(str::to_string)
                        .unwrap_or_else(|| code.to_string()),
                ),
                Arg::Kzt(amount) | Arg::Grouped(amount) => {
                    FluentValue::from(format_kzt(*amount, lang))
                }
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
        // A function that failed leaves its name and "()" and no error (fluent-bundle's
        // way); `DATE()` in the text is therefore a date the function could not write.
        if text.contains("DATE()") {
            return Err(I18nError::Format {
                lang,
                id: msg.id.to_string(),
                detail: "DATE() could not format its argument".to_string(),
            });
        }
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
        // A no-break space keeps "17 300" on one line; all the region's languages group
        // thousands with a space.
        Lang::Ru | Lang::Kk | Lang::Uz | Lang::Tg | Lang::Ky => "\u{a0}",
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
                fluent_syntax::ast::Entry::Message(m) => {
                    // Each attribute (`.short`) is checked like a message of its own.
                    for a in &m.attributes {
                        let id = format!("{}.{}", m.id.name, a.id.name);
                        if out
                            .insert(id.clone(), variables_in(&format!("{a:?}")))
                            .is_some()
                        {
                            return Err(I18nError::Duplicate { file, id });
                        }
                    }
                    (m.id.name.to_string(), format!("{m:?}"))
                }
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

/// The calls of functions in one language's files that cannot work: any function but
/// `DATE`, `DATE` without a variable to format, or a `case` that is not one of
/// [`DateCase`]'s names. Read from the debug-printed AST, like [`variables_in`].
pub fn check_functions(lang: Lang) -> Result<Vec<String>, I18nError> {
    let mut problems = Vec::new();
    for (file, text) in sources(lang) {
        problems.extend(function_problems(file, text)?);
    }
    Ok(problems)
}

/// [`check_functions`] for one file.
fn function_problems(file: &'static str, text: &str) -> Result<Vec<String>, I18nError> {
    const CALL: &str = "FunctionReference { id: Identifier { name: \"";
    const NAMED: &str = "NamedArgument { name: Identifier { name: \"";
    const STRING: &str = "StringLiteral { value: \"";
    let mut problems = Vec::new();
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
        {
            for call in body.split(CALL).skip(1) {
                let name = call.split('"').next().unwrap_or("");
                if name != DATE_FUNCTION {
                    problems.push(format!("{file} `{id}` calls unknown function {name}"));
                    continue;
                }
                // The call's own arguments end where its `named` list closes; nothing in
                // a call nests deeper than a literal or a variable.
                let args = call.split("] }").next().unwrap_or("");
                let positional = args.split("named: [").next().unwrap_or("");
                if !positional.contains("VariableReference") {
                    problems.push(format!("{file} `{id}`: DATE needs a date variable"));
                }
                for named in args.split(NAMED).skip(1) {
                    let key = named.split('"').next().unwrap_or("");
                    let value = named
                        .split(STRING)
                        .nth(1)
                        .and_then(|v| v.split('"').next())
                        .unwrap_or("");
                    if key != "case" || DateCase::from_name(value).is_none() {
                        problems.push(format!(
                            "{file} `{id}`: DATE has {key}: {value:?}; only case: one of {}",
                            DateCase::ALL.map(DateCase::name).join(", ")
                        ));
                    }
                }
            }
        }
    }
    Ok(problems)
}

/// Checks that every language has the messages English has, no others, and the same
/// variables in each.
pub fn check_parity() -> Result<(), I18nError> {
    let reference = message_variables(Lang::En)?;
    let mut problems = Vec::new();
    for lang in Lang::ALL {
        problems.extend(check_functions(lang)?);
    }
    for lang in Lang::ALL.into_iter().filter(|l| *l != Lang::En) {
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

    /// What fluent-bundle (through intl_pluralrules, CLDR 37) selects for the new
    /// languages: Uzbek and Kyrgyz have `one` (exactly 1) and `other`; CLDR 37 has no
    /// Tajik rules, so fluent-bundle falls back to English ones, which is the same split.
    /// `[one]`/`*[other]` therefore pick sensibly in all three, and 21 is `other`.
    #[test]
    fn plural_categories_of_the_new_languages() {
        for lang in [Lang::Uz, Lang::Tg, Lang::Ky, Lang::Kk] {
            let mut bundle = FluentBundle::new_concurrent(vec![lang.code().parse().unwrap()]);
            bundle.set_use_isolating(false);
            let resource = FluentResource::try_new(
                "m = { $n ->\n [zero] zero\n [one] one\n [few] few\n [many] many\n *[other] other\n}\n"
                    .into(),
            )
            .unwrap();
            bundle.add_resource(resource).unwrap();
            let pick = |n: i64| {
                let mut args = FluentArgs::new();
                args.set("n", FluentValue::from(n));
                let mut errors = Vec::new();
                let pattern = bundle.get_message("m").unwrap().value().unwrap();
                let out = bundle.format_pattern(pattern, Some(&args), &mut errors);
                assert!(errors.is_empty(), "{errors:?}");
                out.into_owned()
            };
            assert_eq!(pick(1), "one", "{lang}");
            for n in [0, 2, 5, 11, 21, 22, 101] {
                assert_eq!(pick(n), "other", "{lang} {n}");
            }
        }
    }

    fn with_date(lang: Lang, ftl: &str) -> Result<String, String> {
        let mut bundle = FluentBundle::new_concurrent(vec![lang.code().parse().unwrap()]);
        bundle.set_use_isolating(false);
        bundle.add_function(DATE_FUNCTION, date_function).unwrap();
        bundle
            .add_resource(FluentResource::try_new(ftl.into()).unwrap())
            .unwrap();
        let mut args = FluentArgs::new();
        let date = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        args.set(
            "date",
            FluentValue::Custom(Box::new(FluentDate { date, lang })),
        );
        args.set("text", FluentValue::from("30.11.2026"));
        let pattern = bundle.get_message("m").unwrap().value().unwrap();
        let mut errors = Vec::new();
        let out = bundle.format_pattern(pattern, Some(&args), &mut errors);
        if errors.is_empty() && !out.contains("DATE()") {
            Ok(out.into_owned())
        } else {
            Err(format!("{out} {errors:?}"))
        }
    }

    #[test]
    fn the_date_function_writes_the_case_asked_for() {
        let m = |case: &str| format!("m = {{ DATE($date, case: \"{case}\") }} дейін\n");
        assert_eq!(
            with_date(Lang::Kk, &m("dative")).unwrap(),
            "2026 жылғы 30 қарашаға дейін"
        );
        assert_eq!(
            with_date(Lang::Kk, "m = { $date }\n").unwrap(),
            "2026 жылғы 30 қараша"
        );
        assert_eq!(
            with_date(Lang::Kk, "m = { DATE($date) }\n").unwrap(),
            "2026 жылғы 30 қараша"
        );
        assert_eq!(
            with_date(Lang::Uz, "m = { DATE($date, case: \"limitative\") }\n").unwrap(),
            "2026-yil 30-noyabrgacha"
        );
        assert_eq!(
            with_date(Lang::Ky, "m = { DATE($date, case: \"ablative\") } тартып\n").unwrap(),
            "2026-жылдын 30-ноябрынан тартып"
        );
        assert_eq!(
            with_date(Lang::Ru, "m = до { DATE($date, case: \"dative\") }\n").unwrap(),
            "до 30 ноября 2026"
        );
        // Wrong uses show up as errors, not as quiet wrong text.
        assert!(with_date(Lang::Kk, &m("dativ")).is_err());
        assert!(with_date(Lang::Kk, "m = { DATE($text, case: \"dative\") }\n").is_err());
        assert!(with_date(Lang::Kk, "m = { DATE() }\n").is_err());
    }

    #[test]
    fn bad_function_calls_are_found_in_the_files() {
        let problems = |ftl: &str| function_problems("test.ftl", ftl).unwrap();
        assert!(problems("m = { DATE($date, case: \"dative\") }\n").is_empty());
        assert!(problems("m = { DATE($date) } { $x }\n").is_empty());
        assert_eq!(problems("m = { DATE($date, case: \"dativ\") }\n").len(), 1);
        assert_eq!(problems("m = { DATE($date, kase: \"dative\") }\n").len(), 1);
        assert_eq!(problems("m = { DATE(\"x\") }\n").len(), 1);
        assert_eq!(problems("m = { NUMBER($n) }\n").len(), 1);
        let two = "m = { DATE($a, case: \"locative\") } { DATE($b, case: \"nope\") }\n";
        assert_eq!(problems(two).len(), 1);
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
