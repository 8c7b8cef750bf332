//! From the engine's replies to what Telegram shows: inline keyboards whose callback data
//! is the engine's compact action encoding, messages split to Telegram's length limit at
//! paragraph boundaries, and the record a question keeps once its button was pressed.
//!
//! Messages go out as plain text (no parse mode). Nothing the bot sends is ever read as
//! markup, so text a user typed and the bot repeats cannot inject formatting or links:
//! escaping for this "parse mode" is the identity, see [`escape`].

use teloxide::types::{InlineKeyboardButton, InlineKeyboardButtonKind, InlineKeyboardMarkup};

use crate::app::App;
use crate::domain::Lang;
use crate::engine::input::MAX_WIRE_LEN;
use crate::engine::Button;

/// Telegram's limit for one message's text.
pub const TELEGRAM_TEXT_LIMIT: usize = 4096;

/// Escapes text the user typed for the parse mode in use. Messages are sent without a
/// parse mode, where every character stands for itself.
pub fn escape(user_text: &str) -> String {
    user_text.to_string()
}

/// Renders a message with user-typed arguments escaped for the parse mode.
pub fn render(app: &App, lang: Lang, msg: &crate::text::Msg) -> String {
    app.data.localizer.render_escaped(lang, msg, &escape)
}

/// Renders a reply (what it says first, then its message) with user-typed arguments
/// escaped for the parse mode.
pub fn render_reply(app: &App, lang: Lang, reply: &crate::engine::Reply) -> String {
    app.render_reply(lang, reply, &escape)
}

/// The inline keyboard for the engine's rows of buttons; `None` when there are none. A
/// button whose action would not fit in Telegram's callback data is left out (and
/// logged): a keyboard Telegram refuses would lose the whole message.
pub fn inline_keyboard(
    app: &App,
    lang: Lang,
    rows: &[Vec<Button>],
) -> Option<InlineKeyboardMarkup> {
    let rows: Vec<Vec<InlineKeyboardButton>> = rows
        .iter()
        .map(|row| {
            row.iter()
                .filter_map(|button| {
                    let data = button.action.encode();
                    if data.is_empty() || data.len() > MAX_WIRE_LEN {
                        tracing::error!(len = data.len(), "button action too long for Telegram");
                        return None;
                    }
                    Some(InlineKeyboardButton::callback(
                        render(app, lang, &button.label),
                        data,
                    ))
                })
                .collect::<Vec<_>>()
        })
        .filter(|row| !row.is_empty())
        .collect();
    if rows.is_empty() {
        None
    } else {
        Some(InlineKeyboardMarkup::new(rows))
    }
}

/// The label of the button in `markup` that sends `data`.
pub fn pressed_label(markup: &InlineKeyboardMarkup, data: &str) -> Option<String> {
    markup
        .inline_keyboard
        .iter()
        .flatten()
        .find(|b| matches!(&b.kind, InlineKeyboardButtonKind::CallbackData(d) if d == data))
        .map(|b| b.text.clone())
}

/// The keyboard without the row of the pressed button, or `None` when nothing is left.
/// A reminder digest carries a row per deadline: acting on one deadline must leave the
/// others' buttons in place until the next day's message.
pub fn other_rows(markup: &InlineKeyboardMarkup, data: &str) -> Option<InlineKeyboardMarkup> {
    let pressed = |b: &InlineKeyboardButton| matches!(&b.kind, InlineKeyboardButtonKind::CallbackData(d) if d == data);
    let rows: Vec<Vec<InlineKeyboardButton>> = markup
        .inline_keyboard
        .iter()
        .filter(|row| !row.iter().any(pressed))
        .cloned()
        .collect();
    (!rows.is_empty()).then(|| InlineKeyboardMarkup::new(rows))
}

/// The question's text with the chosen answer under it, if that still fits in a message.
pub fn answered_text(question: &str, answered: &str, limit: usize) -> Option<String> {
    let text = format!("{question}\n\n{answered}");
    (text_len(&text) <= limit).then_some(text)
}

/// Length as Telegram counts it: UTF-16 code units. Counting them (rather than
/// characters) keeps emoji-heavy text within the limit too.
pub fn text_len(text: &str) -> usize {
    text.encode_utf16().count()
}

/// Splits `text` into messages of at most `limit` units: whole paragraphs where they fit,
/// then whole lines, then words, and only as a last resort inside a word. Joining the
/// parts with the separators they were cut at gives the text back.
pub fn split_text(text: &str, limit: usize) -> Vec<String> {
    let limit = limit.max(1);
    if text_len(text) <= limit {
        return vec![text.to_string()];
    }
    let mut parts = Vec::new();
    pack(text, "\n\n", limit, &mut parts, |piece, limit, parts| {
        pack(piece, "\n", limit, parts, |line, limit, parts| {
            pack(line, " ", limit, parts, |word, limit, parts| {
                hard_split(word, limit, parts)
            })
        })
    });
    parts.retain(|p| !p.trim().is_empty());
    parts
}

/// Greedily joins the pieces of `text` cut at `separator` into parts of at most `limit`;
/// a piece that alone is too long goes to `finer`.
fn pack(
    text: &str,
    separator: &str,
    limit: usize,
    parts: &mut Vec<String>,
    finer: impl Fn(&str, usize, &mut Vec<String>),
) {
    let mut current = String::new();
    for piece in text.split(separator) {
        let candidate_len = if current.is_empty() {
            text_len(piece)
        } else {
            text_len(&current) + text_len(separator) + text_len(piece)
        };
        if candidate_len <= limit {
            if !current.is_empty() {
                current.push_str(separator);
            }
            current.push_str(piece);
            continue;
        }
        if !current.is_empty() {
            parts.push(std::mem::take(&mut current));
        }
        if text_len(piece) <= limit {
            current.push_str(piece);
        } else {
            finer(piece, limit, parts);
        }
    }
    if !current.is_empty() {
        parts.push(current);
    }
}

/// Cuts a single overlong word at character boundaries.
fn hard_split(word: &str, limit: usize, parts: &mut Vec<String>) {
    let mut current = String::new();
    let mut len = 0;
    for ch in word.chars() {
        let w = ch.len_utf16();
        if len + w > limit && !current.is_empty() {
            parts.push(std::mem::take(&mut current));
            len = 0;
        }
        current.push(ch);
        len += w;
    }
    if !current.is_empty() {
        parts.push(current);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pressed_row_goes_and_the_other_rows_stay() {
        let row = |n: u8| {
            vec![
                InlineKeyboardButton::callback(format!("{n} tomorrow"), format!("1:rs:{n}")),
                InlineKeyboardButton::callback(format!("{n} stop"), format!("1:rx:{n}")),
            ]
        };
        let markup = InlineKeyboardMarkup::new(vec![row(1), row(2), row(3)]);
        let left = other_rows(&markup, "1:rx:2").expect("two rows stay");
        assert_eq!(left.inline_keyboard, vec![row(1), row(3)]);
        let single = InlineKeyboardMarkup::new(vec![row(1)]);
        assert_eq!(other_rows(&single, "1:rs:1"), None);
        // Data that is on no button leaves every row.
        assert_eq!(
            other_rows(&markup, "1:zz").unwrap().inline_keyboard.len(),
            3
        );
    }

    #[test]
    fn short_text_is_one_message() {
        assert_eq!(split_text("hello", 4096), vec!["hello"]);
    }

    #[test]
    fn paragraphs_stay_whole() {
        let para = |c: char| std::iter::repeat_n(c, 1500).collect::<String>();
        let text = format!("{}\n\n{}\n\n{}", para('a'), para('b'), para('c'));
        let parts = split_text(&text, 4096);
        assert_eq!(parts.len(), 2);
        assert_eq!(parts[0], format!("{}\n\n{}", para('a'), para('b')));
        assert_eq!(parts[1], para('c'));
    }

    #[test]
    fn overlong_paragraphs_split_at_lines_then_words_then_chars() {
        let line = "word ".repeat(50);
        let text = std::iter::repeat_n(line.trim(), 40)
            .collect::<Vec<_>>()
            .join("\n");
        for part in split_text(&text, 1000) {
            assert!(text_len(&part) <= 1000);
            assert!(!part.starts_with('\n'));
        }
        let blob = "x".repeat(9000);
        let parts = split_text(&blob, 4096);
        assert_eq!(parts.len(), 3);
        assert_eq!(parts.concat(), blob);
    }

    #[test]
    fn emoji_count_as_two_units() {
        let text = "😀".repeat(3000);
        let parts = split_text(&text, 4096);
        assert_eq!(parts.len(), 2);
        assert!(parts.iter().all(|p| text_len(p) <= 4096));
    }

    #[test]
    fn answered_text_respects_the_limit() {
        assert_eq!(
            answered_text("Q?", "Your answer: A", 4096).as_deref(),
            Some("Q?\n\nYour answer: A")
        );
        assert_eq!(
            answered_text(&"q".repeat(4090), "Your answer: A", 4096),
            None
        );
    }

    proptest::proptest! {
        #[test]
        fn parts_fit_and_keep_every_character(
            text in "[a-z \\n😀]{0,600}",
            limit in 1usize..120,
        ) {
            let parts = split_text(&text, limit);
            for p in &parts {
                proptest::prop_assert!(text_len(p) <= limit.max(2));
            }
            let kept: String = parts.concat().chars().filter(|c| !c.is_whitespace()).collect();
            let all: String = text.chars().filter(|c| !c.is_whitespace()).collect();
            proptest::prop_assert_eq!(kept, all);
        }
    }
}
