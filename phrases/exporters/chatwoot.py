"""Chatwoot canned responses: a JSON list of {"short_code", "content"}.

Chatwoot has no file import for canned responses; each entry is the body of one
`POST /api/v1/accounts/{account_id}/canned_responses` (the README shows a loop). Agents insert
a response by typing "/" and its short code. The shortcut without its "/" is the short code
("eta", "eta-ru" when a shortcut exists in several languages); a phrase without a shortcut uses
its key, so every short code is unique in the account.

Placeholders Chatwoot fills itself become its variables: {client_name} → {{contact.name}},
{operator_name} → {{agent.name}}. The rest ({order_id}, {date}, …) stay for the agent to fill.
"""
import json

from phrases.exporters.triggers import unique_triggers
from phrases.placeholders import body_parts

description = "Chatwoot canned responses (JSON list of short_code, content); client and agent names as Chatwoot variables"
content_type = "application/json; charset=utf-8"
extension = ".json"

VARIABLES = {"client_name": "{{contact.name}}", "operator_name": "{{agent.name}}"}


def content(body: str) -> str:
    return "".join(value if kind == "text" else VARIABLES.get(value, "{" + value + "}")
                   for kind, value in body_parts(body))


def export(phrases) -> bytes:
    phrases = list(phrases)
    triggers = unique_triggers(phrases)
    responses = [{"short_code": triggers.get(phrase.key, phrase.key), "content": content(phrase.body)}
                 for phrase in phrases]
    return (json.dumps(responses, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
