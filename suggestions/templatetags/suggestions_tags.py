from urllib.parse import urlencode

from django import template
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts import roles
from phrases.models import Topic
from suggestions import selectors

register = template.Library()


def draft_link(group) -> str:
    """The editor for a new phrase, with the language, the guessed topic and the examples in the note."""
    examples = "\n".join(f"— {example}" for example in group["examples"])
    count, searches = group["count"], group.get("searches", 0)
    values = {"count": count, "messages": count - searches, "searches": searches, "examples": examples}
    if not searches:
        note = ngettext("Clients asked this %(count)d time and no phrase answered it. For example:\n%(examples)s",
                        "Clients asked this %(count)d times and no phrase answered it. For example:\n%(examples)s",
                        count) % values
    elif searches == count:
        note = ngettext("Operators searched for this %(count)d time and used no phrase. For example:\n%(examples)s",
                        "Operators searched for this %(count)d times and used no phrase. For example:\n%(examples)s",
                        count) % values
    else:
        note = _("Asked with no phrase used (client messages: %(messages)d, operators' searches: %(searches)d). "
                 "For example:\n%(examples)s") % values
    params = {"language": group["language"], "note": note[:1000]}
    if group["topic"]:
        params["topic"] = group["topic"]
    return f"{reverse('studio:phrase_new')}?{urlencode(params)}"


@register.inclusion_tag("suggestions/missing_replies.html", takes_context=True)
def missing_replies_section(context):
    """The /health/ section: what clients ask that the library does not answer, and the model's state."""
    groups = selectors.missing_replies()
    topics = {topic.slug: topic for topic in Topic.objects.filter(slug__in={g["topic"] for g in groups if g["topic"]})}
    for group in groups:
        group["draft_url"] = draft_link(group)
        topic = topics.get(group["topic"])
        group["topic_name"] = topic.display_name() if topic else group["topic"]  # in the reader's language
    request = context.get("request")
    return {"groups": groups, "status": selectors.suggestions_status(),
            "learned": selectors.most_learned(), "is_reviewer": bool(request and roles.is_reviewer(request.user))}
