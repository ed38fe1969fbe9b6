"""The `quickphrases/v1` library file (contract section 2)."""
import json

from phrases.models import CONTENT_FIELDS, Topic

FORMAT = "quickphrases/v1"


# How a content field is written in the file, where it differs from the attribute's value.
_FILE_VALUES = {"topic": lambda p: p.topic.slug, "shortcut": lambda p: p.shortcut or None,
                "hotkey": lambda p: p.hotkey or None, "keywords": lambda p: list(p.keywords)}


# Optional fields, written only when set: a library without families exports as before.
_OPTIONAL = ("family",)


def phrase_entry(phrase, *, status=None) -> dict:
    """One phrase (a working copy or a live phrase) as a library-file entry."""
    entry = {
        "key": phrase.key,
        **{name: _FILE_VALUES[name](phrase) if name in _FILE_VALUES else getattr(phrase, name)
           for name in CONTENT_FIELDS},
        "status": status or phrase.status,
    }
    for name in _OPTIONAL:
        if not entry[name]:
            del entry[name]
    return entry


def topic_entries(topics) -> list[dict]:
    """Topics in tree order (parents before children), as library-file entries."""
    topics = list(topics)
    by_parent = {}
    for topic in topics:
        by_parent.setdefault(topic.parent_id, []).append(topic)
    ordered = []

    def children(parent_id):
        return sorted(by_parent.get(parent_id, []), key=lambda t: (t.order, t.slug), reverse=True)

    # Depth first without recursion, so a tree of any depth exports.
    stack = [(topic, None) for topic in children(None)]
    while stack:
        topic, parent_slug = stack.pop()
        ordered.append({"slug": topic.slug, "name": topic.name, "parent": parent_slug,
                        **({"names": dict(topic.names)} if topic.names else {})})
        stack.extend((child, topic.slug) for child in children(topic.pk))
    return ordered


def library_document(phrases, *, live=False, topics=None) -> dict:
    """The whole file as a dict. `live=True` marks live phrases as approved."""
    phrases = list(phrases)
    topics = Topic.objects.select_related("parent") if topics is None else topics
    return {
        "format": FORMAT,
        "topics": topic_entries(topics),
        "phrases": [phrase_entry(p, status="approved" if live else None) for p in phrases],
    }


def export_quickphrases(phrases, *, live=True, topics=None, language_order=()) -> bytes:
    """Serialise phrases as a UTF-8 `quickphrases/v1` file (every variant: the file is a library,
    not a set of triggers, so `language_order` changes nothing)."""
    document = library_document(phrases, live=live, topics=topics)
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
