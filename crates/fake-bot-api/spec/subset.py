#!/usr/bin/env python3
"""Cut the Bot API spec down to what the test double checks.

The double (`crates/fake-bot-api`) holds every call the bot makes to Telegram's own
rules, read from a machine-readable spec of the Bot API (`api.json` of
PaulSonOfLars/telegram-bot-api-spec, MIT, see LICENSE here). The whole file is
900 KB; the double needs only the methods below and the types their parameters
name, directly or through other types (an inline keyboard's buttons, a command
scope's concrete kinds). This script copies those entries, unchanged, into
`api.json` beside it.

Usage (Python 3, standard library only):

    python3 subset.py FULL_API_JSON [OUT]

OUT defaults to `api.json` next to this script. The output is deterministic: the
same input gives the same bytes, so a regeneration shows up in a diff only when
the spec or the method list changed.

A method missing here is answered 404 "Not Found" by the double, as Telegram
answers an unknown method, so add one here (and regenerate) before the bot calls it.
"""

import json
import sys
from pathlib import Path

# Every method the bot calls, directly or through teloxide, and the double answers.
METHODS = [
    # Long polling (teloxide's polling listener asks for the webhook first and
    # deletes it; our own inbox listener polls).
    "getUpdates",
    "getWebhookInfo",
    "deleteWebhook",
    # Webhook mode.
    "setWebhook",
    # The dispatcher and the CacheMe adaptor.
    "getMe",
    # Replies, edits, files, button presses (telegram::handlers, the reminder sink).
    "sendMessage",
    "sendDocument",
    "editMessageText",
    "editMessageReplyMarkup",
    "answerCallbackQuery",
    # The caseworkers' chat (handover): whether the bot can post there and whether it
    # is a forum, a topic per case, the reaction that acknowledges an answer.
    "getChat",
    "createForumTopic",
    "setMessageReaction",
    "copyMessage",
    # The bot's profile at start-up, in each language.
    "setMyCommands",
    "getMyCommands",
    "setMyDescription",
    "setMyShortDescription",
]


def item_type(name):
    """`Array of Array of X` -> `X`."""
    while name.startswith("Array of "):
        name = name[len("Array of "):]
    return name


def subset(spec, methods):
    missing = [m for m in methods if m not in spec["methods"]]
    if missing:
        raise SystemExit(f"not in the spec: {', '.join(missing)}")
    types = spec["types"]
    wanted = set()
    todo = []

    def want(name):
        name = item_type(name)
        if name in types and name not in wanted:
            wanted.add(name)
            todo.append(name)

    for method in methods:
        for field in spec["methods"][method].get("fields", []):
            for name in field["types"]:
                want(name)
    while todo:
        entry = types[todo.pop()]
        for field in entry.get("fields", []):
            for name in field["types"]:
                want(name)
        # An abstract type stands for its concrete ones.
        for name in entry.get("subtypes", []):
            want(name)

    out = {
        key: spec[key]
        for key in ("version", "release_date", "changelog")
        if key in spec
    }
    out["subset"] = (
        "Only the methods the bot calls and the types they reference; made by "
        "subset.py from the full api.json of PaulSonOfLars/telegram-bot-api-spec."
    )
    # In the order of the full spec (which is the order of Telegram's page).
    out["methods"] = {m: e for m, e in spec["methods"].items() if m in methods}
    out["types"] = {t: e for t, e in types.items() if t in wanted}
    return out


def main(argv):
    if len(argv) not in (2, 3):
        raise SystemExit(__doc__)
    source = Path(argv[1])
    target = Path(argv[2]) if len(argv) == 3 else Path(__file__).with_name("api.json")
    spec = json.loads(source.read_text(encoding="utf-8"))
    out = subset(spec, METHODS)
    text = json.dumps(out, indent=2, ensure_ascii=False) + "\n"
    target.write_text(text, encoding="utf-8")
    print(
        f"{target}: {len(out['methods'])} methods, {len(out['types'])} types "
        f"({out.get('version', '?')})"
    )


if __name__ == "__main__":
    main(sys.argv)
