"""Importing a `quickphrases/v1` library file: all or nothing, idempotent, updating by key.

The whole file is validated against the library as it would be after the import (so two phrases
may swap shortcuts, and a duplicate inside the file is caught) before anything is written. Any
problem rejects the file with every problem listed by phrase key and field.
"""
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from phrases import roles
from phrases.errors import ImportRejected
from phrases.models import LivePhrase, Phrase, PhraseStatus, Topic
from phrases.services import live as live_library
from phrases.services.findings import run_lint
from phrases.services.transitions import ApproveAction
from phrases.services.versions import CONTENT_FIELDS, save_version
from phrases.validation import validate_language

FORMAT = "quickphrases/v1"
PHRASE_FIELDS = {"key", "title", "body", "topic", "language", "shortcut", "hotkey", "keywords", "status"}
REQUIRED_PHRASE_FIELDS = ("key", "title", "body", "topic", "language")
TOPIC_FIELDS = {"slug", "name", "parent"}
IMPORT_REASON = "Imported from library file"


@dataclass
class ImportReport:
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)
    topics_created: list = field(default_factory=list)
    topics_updated: list = field(default_factory=list)
    findings: dict = field(default_factory=dict)  # phrase key -> brand-voice findings
    held: list = field(default_factory=list)  # [{"key", "rules"}]: approved in the file, held in review
    overruled: list = field(default_factory=list)  # [{"key", "rules"}]: published over findings
    dry_run: bool = False

    def as_dict(self):
        return {name: getattr(self, name) for name in self.__dataclass_fields__}

    def summary(self):
        verb = "Would import" if self.dry_run else "Imported"
        return (f"{verb}: {len(self.created)} created, {len(self.updated)} updated, {len(self.unchanged)} unchanged "
                f"phrases; {len(self.topics_created)} topics created, {len(self.topics_updated)} updated.")


class _Problems(list):
    def add(self, key, field_name, message):
        self.append({"key": key, "field": field_name, "message": message})


def _check_file(data, problems):
    if not isinstance(data, dict):
        problems.add("(file)", "format", "The file must be a JSON object.")
        return [], []
    if data.get("format") != FORMAT:
        problems.add("(file)", "format", f"Expected \"format\": \"{FORMAT}\", got {data.get('format')!r}.")
    topics, phrases = data.get("topics", []), data.get("phrases")
    if not isinstance(topics, list):
        problems.add("(file)", "topics", "'topics' must be a list.")
        topics = []
    if not isinstance(phrases, list):
        problems.add("(file)", "phrases", "'phrases' must be a list.")
        phrases = []
    return topics, phrases


def _check_topics(entries, problems):
    """Validate topic entries; returns {slug: entry} for the valid ones."""
    by_slug = {}
    for index, entry in enumerate(entries):
        label = entry.get("slug") if isinstance(entry, dict) and isinstance(entry.get("slug"), str) else f"topics[{index}]"
        if not isinstance(entry, dict):
            problems.add(label, "topic", "Each topic must be an object.")
            continue
        for name in sorted(set(entry) - TOPIC_FIELDS):
            problems.add(label, name, "Unknown topic field.")
        candidate = Topic(slug=entry.get("slug") or "", name=entry.get("name") or "")
        try:
            candidate.clean_fields(exclude=["parent", "order"])
        except ValidationError as error:
            for name, messages in error.message_dict.items():
                for message in messages:
                    problems.add(label, name, message)
            continue
        if label in by_slug:
            problems.add(label, "slug", "This topic slug appears more than once in the file.")
        by_slug[label] = entry
    existing = dict(Topic.objects.values_list("slug", "parent__slug"))
    parents = {**existing, **{slug: entry.get("parent") for slug, entry in by_slug.items()}}
    for slug, entry in by_slug.items():
        parent = entry.get("parent")
        if parent is None:
            continue
        if parent not in parents:
            problems.add(slug, "parent", f"Unknown parent topic '{parent}'.")
            continue
        seen, node = {slug}, parent
        while node is not None:
            if node in seen:
                problems.add(slug, "parent", "Topics cannot form a cycle.")
                break
            seen.add(node)
            node = parents.get(node)
    return by_slug


def _phrase_values(entry):
    """The entry's content as model values (topic still a slug)."""
    return {
        "title": entry.get("title"),
        "body": entry.get("body"),
        "topic": entry.get("topic"),
        "language": entry.get("language"),
        "shortcut": entry.get("shortcut") or "",
        "hotkey": entry.get("hotkey") or "",
        "keywords": entry.get("keywords") if entry.get("keywords") is not None else [],
    }


def _check_phrases(entries, topic_slugs, problems):
    """Validate phrase entries field by field; returns {key: (values, status)} for valid ones."""
    valid = {}
    seen_keys = set()
    for index, entry in enumerate(entries):
        key = entry.get("key") if isinstance(entry, dict) and isinstance(entry.get("key"), str) else f"phrases[{index}]"
        if not isinstance(entry, dict):
            problems.add(key, "phrase", "Each phrase must be an object.")
            continue
        before = len(problems)
        for name in sorted(set(entry) - PHRASE_FIELDS):
            problems.add(key, name, "Unknown phrase field.")
        for name in REQUIRED_PHRASE_FIELDS:
            if entry.get(name) in (None, ""):
                problems.add(key, name, "This field is required.")
        if key in seen_keys:
            problems.add(key, "key", "This key appears more than once in the file.")
        seen_keys.add(key)
        status = entry.get("status") or PhraseStatus.DRAFT
        if status not in PhraseStatus.values:
            problems.add(key, "status", f"Unknown status '{status}'; use one of {', '.join(PhraseStatus.values)}.")
        values = _phrase_values(entry)
        if values["topic"] and values["topic"] not in topic_slugs:
            problems.add(key, "topic", f"Unknown topic '{values['topic']}'.")
        for name in ("title", "body", "language", "shortcut", "hotkey"):
            if values[name] is not None and not isinstance(values[name], str):
                problems.add(key, name, "Must be a string.")
                values[name] = ""
        if len(problems) == before:
            candidate = Phrase(key=key, **{k: v for k, v in values.items() if k != "topic"})
            try:
                candidate.full_clean(exclude=["topic", "owner", "reviewed_by"], validate_unique=False,
                                     validate_constraints=False)
            except ValidationError as error:
                for name, messages in error.message_dict.items():
                    for message in messages:
                        problems.add(key, name, message)
        if len(problems) == before:
            valid[key] = (values, status)
    return valid


def _check_uniqueness(valid, problems):
    """Shortcuts (per language) and hotkeys must be unique in the library as it will be."""
    final = {
        key: (language, shortcut, hotkey)
        for key, language, shortcut, hotkey in Phrase.objects.values_list("key", "language", "shortcut", "hotkey")
    }
    for key, (values, _) in valid.items():
        final[key] = (values["language"], values["shortcut"], values["hotkey"])
    shortcut_owner, hotkey_owner = {}, {}
    for key in sorted(final):
        language, shortcut, hotkey = final[key]
        if shortcut:
            other = shortcut_owner.setdefault((language, shortcut), key)
            if other != key:
                blame = key if key in valid else other
                problems.add(blame, "shortcut", f"Shortcut '{shortcut}' ({language}) is also used by phrase "
                                                f"'{other if blame == key else key}'.")
        if hotkey:
            other = hotkey_owner.setdefault(hotkey, key)
            if other != key:
                blame = key if key in valid else other
                problems.add(blame, "hotkey", f"Hotkey '{hotkey}' is also used by phrase "
                                              f"'{other if blame == key else key}'.")


def _lint_entries(valid, report, problems):
    for key, (values, status) in valid.items():
        phrase = Phrase(key=key, body=values["body"], language=values["language"])
        findings = run_lint(phrase)
        if findings:
            report.findings[key] = findings
        if status == PhraseStatus.APPROVED:
            for finding in findings:
                if finding["severity"] == "error":
                    problems.add(key, "body", f"Cannot be approved: {finding['rule']}: {finding['message']}")


def _apply_topics(topic_entries, by_slug, report):
    existing = {topic.slug: topic for topic in Topic.objects.all()}
    order = {slug: index for index, slug in enumerate(by_slug)}
    for slug, entry in by_slug.items():
        topic = existing.get(slug)
        if topic is None:
            existing[slug] = Topic.objects.create(slug=slug, name=entry["name"], order=order[slug])
            report.topics_created.append(slug)
        elif topic.name != entry["name"] or topic.order != order[slug]:
            topic.name, topic.order = entry["name"], order[slug]
            topic.save(update_fields=["name", "order"])
            report.topics_updated.append(slug)
    for slug, entry in by_slug.items():
        topic = existing[slug]
        parent = existing[entry["parent"]] if entry.get("parent") else None
        if topic.parent_id != (parent.pk if parent else None):
            topic.parent = parent
            topic.save(update_fields=["parent"])
            if slug not in report.topics_created and slug not in report.topics_updated:
                report.topics_updated.append(slug)
    return existing


def _release_moving_triggers(valid, existing):
    """Clear the shortcuts and hotkeys that entries of this file move, before any entry is applied.

    The file was checked for clashes as the library will be after the import, so a file may swap
    two phrases' shortcuts or pass a hotkey on; applied one phrase at a time, the first would
    clash with the second's old value. The cleared values never outlive the transaction: each
    phrase is saved (and, when approved, published) with its new ones right after.
    """
    def moves(copy, key, name):
        old = getattr(copy, name) if copy is not None else ""
        return bool(old) and old != valid[key][0][name]

    for name in ("shortcut", "hotkey"):
        moving = [phrase.pk for key, phrase in existing.items() if moves(phrase, key, name)]
        if moving:
            Phrase.objects.filter(pk__in=moving).update(**{name: ""})
        going_live = [phrase.pk for key, phrase in existing.items()
                      if valid[key][1] == PhraseStatus.APPROVED and moves(getattr(phrase, "live", None), key, name)]
        if going_live:
            LivePhrase.objects.filter(phrase_id__in=going_live).update(**{name: ""})


def _apply_phrase(key, values, status, *, topics, existing, actor, report):
    values = {**values, "topic": topics[values["topic"]]}
    phrase = existing.get(key)
    if phrase is None:
        phrase = Phrase(key=key, owner=actor if getattr(actor, "pk", None) else None, **values)
        report.created.append(key)
    else:
        content_same = all(getattr(phrase, name) == values[name] for name in CONTENT_FIELDS)
        live_ok = status != PhraseStatus.APPROVED or live_library.live_matches(phrase)
        if content_same and phrase.status == status and live_ok:
            report.unchanged.append(key)
            return
        for name in CONTENT_FIELDS:
            setattr(phrase, name, values[name])
        report.updated.append(key)
    phrase.status = status
    approval = None
    if status == PhraseStatus.APPROVED:
        approval = ApproveAction(phrase, actor=actor, trusted=True, acknowledge_warnings=True,
                                 findings=report.findings.get(key, []), reason=IMPORT_REASON)
        approval.check()
        approval.apply()
    elif status == PhraseStatus.IN_REVIEW:
        phrase.lint_findings = report.findings.get(key, [])
    save_version(phrase, actor=actor, reason=IMPORT_REASON)
    if approval is not None:
        approval.publish()
    elif status == PhraseStatus.ARCHIVED:
        live_library.unpublish([phrase])


def library_import(data, *, actor=None, dry_run: bool = False) -> ImportReport:
    """Import a parsed `quickphrases/v1` file. Raises ImportRejected, changing nothing, on any problem.

    `actor=None` is the trusted command line; otherwise only reviewers may import, because a file
    can approve and archive phrases.
    """
    if actor is not None:
        roles.require_reviewer(actor, "import library files")
    with transaction.atomic():
        problems = _Problems()
        topic_entries, phrase_entries = _check_file(data, problems)
        by_slug = _check_topics(topic_entries, problems)
        topic_slugs = set(by_slug) | set(Topic.objects.values_list("slug", flat=True))
        valid = _check_phrases(phrase_entries, topic_slugs, problems)
        _check_uniqueness(valid, problems)
        report = ImportReport(dry_run=dry_run)
        _lint_entries(valid, report, problems)
        if problems:
            raise ImportRejected(list(problems))
        topics = _apply_topics(topic_entries, by_slug, report)
        # Lock every phrase the file touches, in one order, before the first publish takes the live
        # library lock: an approval holds its phrase's row and then that lock, so taking rows one
        # at a time between publishes could deadlock with it. Edits made meanwhile are read fresh.
        existing = {p.key: p for p in Phrase.objects.select_for_update(of=("self",)).select_related("live")
                    .filter(key__in=list(valid)).order_by("pk")}
        try:
            _release_moving_triggers(valid, existing)
            for key, (values, status) in valid.items():
                _apply_phrase(key, values, status, topics=topics, existing=existing, actor=actor, report=report)
        except IntegrityError as error:
            raise ImportRejected([{"key": "(file)", "field": "__all__",
                                   "message": f"The library could not be updated consistently: {error}"}]) from None
        except ValidationError as error:
            raise ImportRejected(getattr(error, "problems", lambda: [
                {"key": "(file)", "field": "__all__", "message": str(error)}])()) from None
        if dry_run:
            transaction.set_rollback(True)
    return report
