"""Chatwoot canned responses: {"canned_responses": [{"short_code", "content"}, …], "left_out": […]}.

Chatwoot has no file import for canned responses; each entry of `canned_responses` is the body of
one `POST /api/v1/accounts/{account_id}/canned_responses` (the README shows a loop). Agents insert
a response by typing "/" and its short code. The shortcut without its "/" is the short code
("eta", "eta-ru" when a shortcut exists in several languages); a phrase without a shortcut uses
its key, so every short code is unique in the account.

Placeholders become Chatwoot's own message variables (chatwoot/utils `getMessageVariables`):
{client_name} → {{contact.name}}, {operator_name} → {{agent.name}}, and the conversation's facts
as conversation custom attributes ({order_id} → {{conversation.custom_attribute.order_id}}, likewise
{amount} and {link}); Chatwoot warns the agent before sending a reply whose variable it cannot fill.
Chatwoot has no variable for {date}: a phrase using it takes its fallback (`{date|soon}`), or is
left out and listed under `left_out`.
"""
import json

from phrases.exporters.leftovers import resolve, split
from phrases.exporters.triggers import unique_triggers

description = "Chatwoot canned responses (JSON: canned_responses, left_out); placeholders as Chatwoot variables"
content_type = "application/json; charset=utf-8"
extension = ".json"

VARIABLES = {
    "client_name": "{{contact.name}}",
    "operator_name": "{{agent.name}}",
    "order_id": "{{conversation.custom_attribute.order_id}}",
    "amount": "{{conversation.custom_attribute.amount}}",
    "link": "{{conversation.custom_attribute.link}}",
}


def content(body: str) -> str:
    return resolve(body, VARIABLES)


def left_out(phrases) -> list:
    return split(list(phrases), VARIABLES)[1]


def export(phrases, language_order=()) -> bytes:
    phrases = list(phrases)
    kept, missing = split(phrases, VARIABLES)
    triggers = unique_triggers(phrases)
    document = {
        "canned_responses": [{"short_code": triggers.get(phrase.key, phrase.key), "content": content(phrase.body)}
                             for phrase in kept],
        "left_out": [entry.as_dict() for entry in missing],
    }
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
