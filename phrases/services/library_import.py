"""Importing a `quickphrases/v1` library file: all or nothing on validity, idempotent, by key.

The whole file is validated against the library as it would be after the import (so two phrases
may swap shortcuts, and a duplicate inside the file is caught) before anything is written. Any
problem of format, keys, fields, uniqueness or placeholders rejects the file, with every problem
listed by phrase key and field.

Brand-voice findings never make a valid file fail. A phrase marked `approved` whose text has an
error-level finding (not dismissed by a reviewer) is imported but held in review: its live text,
if any, stays. `publish_over_findings` (reviewers, with a reason) publishes such phrases anyway,
recording the overrule as dismissals and in history.

The import approves, archives and publishes through the same transitions as every other door, in
their batch form (`phrases.services.actions.ImportBatch`), checking in bulk (one query per kind of
check, lint once per phrase) and writing in bulk.
"""
import contextlib
import functools
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator, RegexValidator
from django.db import IntegrityError, transaction
from django.db.models import CharField, Model
from django.utils import timezone

from accounts import roles
from phrases.errors import ImportRejected
from phrases.gc_pause import full_collections_paused
from phrases.models import (
    CONTENT_FIELDS,
    MAX_TOPIC_DEPTH,
    FindingDismissal,
    LivePhrase,
    Phrase,
    PhraseStatus,
    Topic,
    validate_topic_names,
)
from phrases.services import live as live_library
from phrases.services.actions import ImportBatch, reserved_key_message
from phrases.services.findings import ERROR, mark_dismissed, standing
from phrases.services.import_lint import lint_texts, spell_ahead
from phrases.services.live import chunks
from phrases.services.triggers import Triggers, trigger_clashes
from phrases.text_cleaning import clean_line, is_clean_line, is_clean_text
from phrases.validation import (
    LINE_FIELDS,
    TEXT_FIELDS,
    clean_phrase_text,
    clean_shortcut,
    nul_errors,
    validate_language,
    validate_placeholders,
)

logger = logging.getLogger(__name__)

FORMAT = "quickphrases/v1"
PHRASE_FIELDS = {"key", *CONTENT_FIELDS, "status"}
REQUIRED_PHRASE_FIELDS = ("key", "title", "body", "topic", "language")
TOPIC_FIELDS = {"slug", "name", "parent", "names"}

# progress(stage, done, total): stages "validating", "linting", "writing".
Progress = Callable[[str, int, int], None]


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
        text = (f"{verb}: {len(self.created)} created, {len(self.updated)} updated, {len(self.unchanged)} unchanged "
                f"phrases; {len(self.topics_created)} topics created, {len(self.topics_updated)} updated.")
        if self.held:
            text += f" {len(self.held)} approved phrases held in review over brand-voice errors."
        if self.overruled:
            text += f" {len(self.overruled)} published over brand-voice errors."
        return text


class _Problems(list):
    def add(self, key, field_name, message):
        self.append({"key": key, "field": field_name, "message": message})


def _no_progress(stage, done, total):
    pass


# -- validation: nothing here writes --------------------------------------------------------------


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


@functools.cache
def _quick_rules(model, name):
    """A field's rules when they are all a length limit and plain regex matches (a slug's, a name's): then
    a valid value is told apart in a microsecond, and only a value that fails asks Field.clean for its
    messages. None for a field with other rules. Read from the field itself, so the two cannot drift."""
    field = model._meta.get_field(name)
    if field.choices or not isinstance(field, CharField):
        return None
    patterns = []
    for validator in field.validators:
        if isinstance(validator, MaxLengthValidator) and validator.limit_value == field.max_length:
            continue
        if type(validator) is not RegexValidator or validator.inverse_match:
            return None
        patterns.append(re.compile(validator.regex.pattern, validator.regex.flags))
    return field.max_length, field.blank, tuple(patterns)


def _field_errors(model, name, value) -> list[str]:
    rules = _quick_rules(model, name)
    if rules is not None:
        max_length, blank, patterns = rules
        if (value or blank) and (max_length is None or len(value) <= max_length) and all(
                pattern.search(value) for pattern in patterns):
            return []
    try:
        model._meta.get_field(name).clean(value, None)
    except ValidationError as error:
        return error.messages
    return []


def _topic_field_errors(entry) -> dict:
    """The field rules of a topic's slug and name (as Topic.clean_fields checks them, `name` already
    cleaned), field by field: no model instance per entry, since a file may hold thousands."""
    errors = {}
    for name in ("slug", "name"):
        messages = _field_errors(Topic, name, entry[name])
        if messages:
            errors[name] = messages
    errors.update({name: messages for name, messages in nul_errors({"name": entry["name"]}).items()
                   if name not in errors})
    if entry.get("names") is not None:
        try:
            validate_topic_names(entry["names"])
        except ValidationError as error:
            errors["names"] = error.messages
        else:
            nul = nul_errors({f"names.{language}": name for language, name in entry["names"].items()})
            if nul:
                errors["names"] = [message for messages in nul.values() for message in messages]
    return errors


def _check_topics(entries, problems):
    """Validate topic entries; returns {slug: entry} for the valid ones."""
    by_slug = {}
    for index, entry in enumerate(entries):
        label = entry.get("slug") if isinstance(entry, dict) and isinstance(entry.get("slug"), str) else f"topics[{index}]"
        if not isinstance(entry, dict):
            problems.add(label, "topic", "Each topic must be an object.")
            continue
        unknown = entry.keys() - TOPIC_FIELDS
        for name in sorted(unknown) if unknown else ():
            problems.add(label, name, "Unknown topic field.")
        if not (isinstance(entry.get("slug"), str) and isinstance(entry.get("name"), str)
                and (entry.get("parent") is None or isinstance(entry["parent"], str))):
            for name in ("slug", "name", "parent"):
                if not isinstance(entry.get(name), str) and (name != "parent" or entry.get(name) is not None):
                    problems.add(label, name, "Must be a topic slug or null." if name == "parent" else
                                 "This field is required." if entry.get(name) is None else "Must be a string.")
            continue
        entry = {**entry, "name": clean_line(entry["name"])}  # as cleaned at the boundary
        errors = _topic_field_errors(entry)
        for name, messages in errors.items():
            for message in messages:
                problems.add(label, name, message)
        if errors:
            continue
        if entry.get("names") is not None:
            entry["names"] = {language: clean_line(name) for language, name in entry["names"].items()
                              if clean_line(name)}
        if label in by_slug:
            problems.add(label, "slug", "This topic slug appears more than once in the file.")
        by_slug[label] = entry
    existing = dict(Topic.objects.values_list("slug", "parent__slug"))
    parents = {**existing, **{slug: entry.get("parent") for slug, entry in by_slug.items()}}
    levels = _levels(parents)  # one walk of the whole tree, however deep
    for slug, entry in by_slug.items():
        parent = entry.get("parent")
        if parent is None:
            continue
        if parent not in parents:
            problems.add(slug, "parent", f"Unknown parent topic '{parent}'.")
        elif slug not in levels:
            problems.add(slug, "parent", "Topics cannot form a cycle.")
    _check_topic_depth(by_slug, _levels(existing), levels, parents, problems)
    return by_slug, set(parents)


def _levels(parents) -> dict:
    """{slug: level} in the tree `parents` ({slug: parent slug}; a root is level 1), walked without
    recursion; topics in a cycle are left out (the cycle is reported on its own)."""
    levels = {}
    for slug in parents:
        chain, on_chain, node = [], set(), slug
        while node is not None and node not in levels and node not in on_chain:
            chain.append(node)
            on_chain.add(node)
            node = parents.get(node)
        if node is not None and node not in levels:
            continue  # a cycle
        level = levels.get(node, 0)
        for member in reversed(chain):
            level += 1
            levels[member] = level
    return levels


def _check_topic_depth(by_slug, before, after, parents, problems):
    """Topics nest at most MAX_TOPIC_DEPTH levels: a file may not create or move a topic, or the
    topics below one, past it (deeper data already stored is not the file's fault). Reported once
    per branch, at its first topic past the limit (its parent is not): the topics below it go with
    it. One look at each topic and its parent, in the order of `after`: linear, however deep."""
    def past_limit(slug):
        level = after.get(slug, 0)
        return level > MAX_TOPIC_DEPTH and (slug in by_slug or level > before.get(slug, 0))

    for slug, level in after.items():
        if past_limit(slug) and not past_limit(parents.get(slug)):
            problems.add(slug, "parent", f"Topics nest at most {MAX_TOPIC_DEPTH} levels deep; this topic (with "
                                         f"any topics under it) would be at level {level}.")


def _phrase_values(entry):
    """The entry's content as model values (topic still a slug), cleaned at the boundary."""
    return clean_phrase_text({
        "title": entry.get("title"),
        "body": entry.get("body"),
        "topic": entry.get("topic"),
        "language": entry.get("language"),
        "shortcut": entry.get("shortcut") or "",
        "hotkey": entry.get("hotkey") or "",
        "keywords": entry.get("keywords") if entry.get("keywords") is not None else [],
        "family": entry.get("family") or "",
    })


# The fields a file gives a phrase, checked by `_plainly_valid`; `Phrase.clean_fields` cleans these
# (as `clean_phrase_text` does) before its field rules, and refuses NUL in any of them.
_FILE_FIELDS = ("key", "title", "body", "language", "shortcut", "hotkey", "keywords", "family")
_FULL_CLEAN = {"exclude": ["topic", "owner", "reviewed_by"], "validate_unique": False, "validate_constraints": False}


# A validator's verdict told at once for most values: a body without braces holds no placeholder
# and no unbalanced brace (the validator's only concerns), so it passes.
_QUICK_PASS = {validate_placeholders: lambda body: "{" not in body and "}" not in body}


@functools.cache
def _phrase_field_rules():
    """Each file field's rules as `Phrase.full_clean` runs them, read from the model's fields (so the
    quick check cannot drift from them): (name, blank, max length, the other validators). None when
    a field has rules the quick check does not know (choices, another kind of field) or when a
    phrase's other fields (their defaults, the same for every entry) would not pass: then every
    entry goes through `full_clean`."""
    if Phrase.clean is not Model.clean or Phrase.full_clean is not Model.full_clean:
        return None
    rules = []
    for name in _FILE_FIELDS:
        field = Phrase._meta.get_field(name)
        if field.choices or field.get_internal_type() not in ("CharField", "TextField", "SlugField", "JSONField"):
            return None
        limit, patterns, validators = None, [], []
        for validator in field.validators:
            if type(validator) is MaxLengthValidator and type(validator.limit_value) is int:
                limit = validator.limit_value if limit is None else min(limit, validator.limit_value)
            elif type(validator) is RegexValidator and not validator.inverse_match:
                # Its own regex is a lazy object, dear to reach: the same pattern, compiled here.
                patterns.append(re.compile(validator.regex.pattern, validator.regex.flags))
            else:
                validators.append((validator, _QUICK_PASS.get(validator)))
        rules.append((name, field.blank, limit, tuple(patterns), tuple(validators)))
    try:
        Phrase(key="sample", title="Sample", body="Sample.", language="en").full_clean(**_FULL_CLEAN)
    except ValidationError:
        return None
    return tuple(rules)


def _plainly_valid(key, values) -> bool:
    """True only when `Phrase.full_clean` would find nothing wrong with the entry (its values already
    cleaned by `_phrase_values`): each value is what `Phrase.clean_fields` would clean it to (so
    its second cleaning changes nothing), holds no NUL, and passes its field's blank rule, length
    and validators, called directly. The model's machinery (an instance, every field's `clean`,
    the error dict) is then left out: ~10 µs instead of ~150 µs an entry. False whenever in doubt;
    `full_clean` then gives the verdict and its messages, as before."""
    rules = _phrase_field_rules()
    if rules is None:
        return False
    for name, blank, limit, patterns, validators in rules:
        value = key if name == "key" else values[name]
        if name == "keywords":
            if type(value) is not list:
                return False
            folded = set()
            for keyword in value:  # clean_keywords would keep each as it is, and all of them
                if type(keyword) is not str or not keyword or not is_clean_line(keyword) or keyword.casefold() in folded:
                    return False
                folded.add(keyword.casefold())
        elif type(value) is not str:
            return False
        elif name in LINE_FIELDS:
            if not is_clean_line(value):  # not clean: NUL, or a second cleaning would change it
                return False
        elif name in TEXT_FIELDS:
            if not is_clean_text(value):
                return False
        elif "\x00" in value or name == "shortcut" and clean_shortcut(value) != value:
            return False
        if not value:
            if blank:
                continue  # clean_fields skips a blank value of a field that may be blank
            return False
        if limit is not None and len(value) > limit:
            return False
        for pattern in patterns:
            if not pattern.search(value):
                return False
        for validator, passes in validators:
            if passes is not None and passes(value):
                continue
            try:
                validator(value)
            except ValidationError:
                return False
    return True


def _check_phrases(entries, topic_slugs, problems, progress):
    """Validate phrase entries field by field, without queries; returns {key: (values, status)}."""
    valid = {}
    seen_keys = set()
    statuses = frozenset(PhraseStatus.values)  # built by the enum at each use
    for index, entry in enumerate(entries):
        if index % 1000 == 0:
            progress("validating", index, len(entries))
        key = entry.get("key") if isinstance(entry, dict) and isinstance(entry.get("key"), str) else f"phrases[{index}]"
        if not isinstance(entry, dict):
            problems.add(key, "phrase", "Each phrase must be an object.")
            continue
        before = len(problems)
        unknown = entry.keys() - PHRASE_FIELDS
        for name in sorted(unknown) if unknown else ():
            problems.add(key, name, "Unknown phrase field.")
        for name in REQUIRED_PHRASE_FIELDS:
            if entry.get(name) in (None, ""):
                problems.add(key, name, "This field is required.")
        if key in seen_keys:
            problems.add(key, "key", "This key appears more than once in the file.")
        seen_keys.add(key)
        status = entry.get("status") or PhraseStatus.DRAFT
        if not isinstance(status, str) or status not in statuses:
            problems.add(key, "status", f"Unknown status '{status}'; use one of {', '.join(PhraseStatus.values)}.")
        values = _phrase_values(entry)
        if values["topic"] is not None and not isinstance(values["topic"], str):
            problems.add(key, "topic", "Must be a topic slug.")
        elif values["topic"] and values["topic"] not in topic_slugs:
            problems.add(key, "topic", f"Unknown topic '{values['topic']}'.")
        for name in ("title", "body", "language", "shortcut", "hotkey", "family"):
            if values[name] is not None and not isinstance(values[name], str):
                problems.add(key, name, "Must be a string.")
                values[name] = ""
        if len(problems) == before and not _plainly_valid(key, values):
            candidate = Phrase(key=key, **{k: v for k, v in values.items() if k != "topic"})
            try:
                # Field rules only: uniqueness is checked for the whole file at once, below.
                candidate.full_clean(**_FULL_CLEAN)
            except ValidationError as error:
                for name, messages in error.message_dict.items():
                    for message in messages:
                        problems.add(key, name, message)
        if len(problems) == before:
            valid[key] = (values, status)
    progress("validating", len(entries), len(entries))
    return valid


@contextlib.contextmanager
def _spell_ahead(entries):
    """The spelling look-ups of the file's new phrases started ahead of the lint (`spell_ahead`),
    or None; closed on leaving. Texts as in the file, before validation: a text that changes or
    fails has only a look-up too many. Stored keys are left out (a re-import mostly leaves its
    texts as they are, and they are not linted again)."""
    candidates = [entry for entry in entries if isinstance(entry, dict) and isinstance(entry.get("key"), str)
                  and isinstance(entry.get("body"), str) and isinstance(entry.get("language"), str)]
    stored = set()
    for part in chunks(sorted({entry["key"] for entry in candidates})):
        stored.update(Phrase.objects.filter(key__in=part).values_list("key", flat=True))
    languages = {}
    texts = []
    for entry in candidates:
        language = entry["language"]
        if language not in languages:
            try:
                validate_language(language)
            except ValidationError:
                languages[language] = False
            else:
                languages[language] = True
        if languages[language] and entry["key"] not in stored:
            texts.append((entry["body"], language))
    ahead = spell_ahead(texts)
    try:
        yield ahead
    finally:
        if ahead is not None:
            ahead.close()


def _triggers(values) -> Triggers:
    return Triggers(values["language"], values["shortcut"], values["hotkey"], values["family"])


def _dismissals_by_key(existing) -> dict:
    keys = {phrase.pk: key for key, phrase in existing.items()}
    by_key = {}
    for part in chunks(sorted(keys)):
        for dismissal in FindingDismissal.objects.filter(phrase_id__in=part).select_related("dismissed_by"):
            by_key.setdefault(keys[dismissal.phrase_id], []).append(dismissal)
    return by_key


def _unchanged_and_live(phrase, live_text, values, status) -> bool:
    """An approved entry that is exactly the phrase's approved, live text: nothing to do, not even
    a lint (it passed the gate when it was approved; an import does not re-review it)."""
    return (phrase is not None and status == PhraseStatus.APPROVED and phrase.status == PhraseStatus.APPROVED
            and all(getattr(phrase, name) == values[name] for name in CONTENT_FIELDS if name != "topic")
            and live_text is not None and live_text.topic.slug == values["topic"] == phrase.topic.slug
            and live_library.live_matches(phrase, live_text))


def _lint(valid, existing, live, report, progress, *, order, ready, ahead=None) -> dict:
    """Lint each distinct text once (none for an unchanged live entry), in the order of the keys
    `order`; returns {key: findings marked with the dismissals that hold}. `ready(findings)` is
    called as each chunk of texts is linted (the findings known so far)."""
    dismissals = _dismissals_by_key(existing)
    findings_by_key, to_lint = {}, {}
    for key in order:
        values, status = valid[key]
        phrase = existing.get(key)
        if _unchanged_and_live(phrase, live.get(getattr(phrase, "pk", None)), values, status):
            findings_by_key[key] = [dict(f) for f in phrase.lint_findings]
        else:
            to_lint.setdefault((values["body"], values["language"]), []).append(key)
    done = len(findings_by_key)
    progress("linting", done, len(valid))
    ready(findings_by_key)

    def linted(texts, results):
        nonlocal done
        for text, findings in zip(texts, results, strict=True):
            keys = to_lint[text]
            last = len(keys) - 1
            for index, key in enumerate(keys):
                # Each key marks its own dicts: copies for all but the last, which takes the linted ones
                # (fresh dicts, used nowhere else).
                own = findings if index == last else [dict(f) for f in findings]
                findings_by_key[key] = mark_dismissed(own, text[0], dismissals.get(key, ()))
            done += len(keys)
        ready(findings_by_key)
        progress("linting", done, len(valid))

    lint_texts(list(to_lint), linted, ahead=ahead)
    for key in valid:
        findings = findings_by_key[key] = findings_by_key.pop(key)  # in the file's order
        if findings:
            report.findings[key] = findings
    progress("linting", len(valid), len(valid))
    return findings_by_key


def _overrule(findings, *, actor, reason, now) -> list[dict]:
    """Mark the standing errors dismissed by the import's overrule (in memory); returns them."""
    info = {"by": actor.get_username() if getattr(actor, "pk", None) else None, "reason": reason,
            "at": now.isoformat()}
    errors = standing(findings, ERROR)
    for finding in errors:
        finding["dismissed"] = dict(info)
    return errors


# -- writing -----------------------------------------------------------------------------------


def _apply_topics(by_slug, report):
    existing = {topic.slug: topic for topic in Topic.objects.all()}
    order = {slug: index for index, slug in enumerate(by_slug)}
    for slug, entry in by_slug.items():
        topic = existing.get(slug)
        # A file without `names` leaves a topic's translated names as they are.
        names = entry["names"] if entry.get("names") is not None else (topic.names if topic else {})
        if topic is None:
            existing[slug] = Topic.objects.create(slug=slug, name=entry["name"], names=names, order=order[slug])
            report.topics_created.append(slug)
        elif topic.name != entry["name"] or topic.order != order[slug] or topic.names != names:
            topic.name, topic.order, topic.names = entry["name"], order[slug], names
            topic.save(update_fields=["name", "order", "names"])
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


def _lock_existing(keys) -> tuple[dict, dict]:
    """Lock the working copies the file touches and read their live texts (after the lock).

    Every phrase the file touches is locked, in key order, before the first publish takes the
    live library lock: an approval holds its phrase's row and then that lock, so taking rows one
    at a time between publishes could deadlock with it. The locking query joins nothing (see
    `actions.locked`); edits made meanwhile are read fresh."""
    existing = {}
    for part in chunks(sorted(keys)):
        existing.update((p.key, p) for p in Phrase.objects.select_for_update().filter(key__in=part).order_by("key"))
    topics = {topic.pk: topic for topic in Topic.objects.all()}
    for phrase in existing.values():
        phrase.topic = topics[phrase.topic_id]
    live = {}
    for part in chunks(sorted(p.pk for p in existing.values())):
        for row in LivePhrase.objects.filter(phrase_id__in=part):
            row.topic = topics[row.topic_id]
            live[row.phrase_id] = row
    return existing, live


def library_import(data, *, actor=None, dry_run: bool = False, publish_over_findings: bool = False,
                   reason: str = "", progress: Progress | None = None) -> ImportReport:
    """Import a parsed `quickphrases/v1` file. Raises ImportRejected, changing nothing, on any problem.

    `actor=None` is the trusted command line; otherwise only reviewers may import, because a file
    can approve and archive phrases. Approved entries with brand-voice errors are held in review,
    unless `publish_over_findings` (with a `reason`) publishes them with the overrule recorded.
    `progress(stage, done, total)` is called as the work advances.
    """
    progress = progress or _no_progress
    if actor is not None:
        roles.require_reviewer(actor, "import library files")
    reason = (reason or "").strip()
    if publish_over_findings and not reason:
        raise ImportRejected([{"key": "(request)", "field": "reason",
                               "message": "Publishing over brand-voice findings needs a reason; it is kept in "
                                          "history."}])
    with full_collections_paused(), transaction.atomic():
        problems = _Problems()
        topic_entries, phrase_entries = _check_file(data, problems)
        # The dictionary look-ups of the new phrases' texts start now, in lint processes, while
        # this process validates the file (it is closed, whatever happens, before the transaction).
        with _spell_ahead(phrase_entries) as ahead:
            by_slug, topic_slugs = _check_topics(topic_entries, problems)
            valid = _check_phrases(phrase_entries, topic_slugs, problems, progress)
            for problem in trigger_clashes({key: _triggers(values) for key, (values, _) in valid.items()}):
                problems.add(problem["key"], problem["field"], problem["message"])
            report = ImportReport(dry_run=dry_run)
            existing, live = _lock_existing(valid)
            for key in valid:
                reserved = reserved_key_message(key) if key not in existing else None
                if reserved:
                    problems.add(key, "key", reserved)
            writer = _Writer(valid, existing, live, actor=actor, reason=reason,
                             publish_over_findings=publish_over_findings, report=report, progress=progress)
            try:
                if not problems:
                    # Valid so far: each phrase's version is written as soon as its findings are known,
                    # while the lint processes work on the texts still to come (one transaction: a
                    # problem found after the lint still rolls everything back).
                    writer.start(_apply_topics(by_slug, report), write=not dry_run)
                _lint(valid, existing, live, report, progress, order=writer.order, ready=writer.advance,
                      ahead=ahead)
                going_live, archived = writer.going_live, [key for key in valid if key in writer.archived]
                for key in valid:
                    if key in writer.held:
                        report.held.append({"key": key, "rules": writer.held[key]})
                    elif key in writer.overruled:
                        report.overruled.append({"key": key, "rules": writer.overruled_rules[key]})
                # The live library as it will be: what goes live, minus what is archived, plus every live
                # text that stays (a held phrase keeps its old one).
                for problem in trigger_clashes(going_live, live=True, withdrawn=archived):
                    problems.add(problem["key"], problem["field"], problem["message"])
                # A working copy may not take a trigger another phrase's live text holds (the create and
                # update actions' rule): checked with what goes live, for the entries that do not.
                staying = {key: _triggers(values) for key, (values, status) in valid.items()
                           if key not in going_live and status != PhraseStatus.ARCHIVED}
                for problem in trigger_clashes({**staying, **going_live}, live=True, withdrawn=archived):
                    if problem["key"] in staying:
                        problems.add(problem["key"], problem["field"], problem["message"])
                if problems:
                    raise ImportRejected(list(problems))
                writer.finish()
            except IntegrityError:
                # Every key, shortcut and hotkey was checked under lock, so a unique index refusing a row means
                # another import or edit created the same phrases or topics meanwhile (new keys cannot be locked
                # ahead).
                logger.warning("Library import rolled back on a unique index", exc_info=True)
                raise ImportRejected([{"key": "(file)", "field": "key",
                                       "message": "Another import or edit created some of the same phrases while this "
                                                  "import ran; nothing was imported. Import the file again."}]) from None
            except ValidationError as error:
                raise ImportRejected(getattr(error, "problems", lambda e=error: [
                    {"key": "(file)", "field": "__all__", "message": str(e)}])()) from None
            if dry_run:
                transaction.set_rollback(True)
    return report


class _Writer:
    """Each phrase moved to its file status (an ImportBatch) as soon as its findings are known, and
    its version written a thousand at a time while the lint processes work on the texts still to
    come: the import's writing overlaps its linting. The phrases already stored come first (their
    texts are linted first), then the new ones, each in the file's order, so the versions, ids and
    history rows are the ones of one batch written after the lint. Decides for every phrase
    whether it goes live, is held or is published over its findings, even when nothing is built
    (a file already rejected still has its live triggers checked)."""

    FLUSH = 1000  # new versions written at once

    def __init__(self, valid, existing, live, *, actor, reason, publish_over_findings, report, progress):
        self.valid, self.existing, self.live = valid, existing, live
        self.actor, self.reason, self.publish_over_findings = actor, reason, publish_over_findings
        self.report, self.progress = report, progress  # the writing stage's, at the end
        stored = [key for key in valid if key in existing]
        self.order, self.stored = stored + [key for key in valid if key not in existing], len(stored)
        self.position = 0
        self.going_live, self.overruled, self.overruled_rules, self.held, self.archived = {}, {}, {}, {}, set()
        self.batch, self.topics, self.write, self.now = None, None, False, timezone.now()

    def start(self, topics, *, write: bool):
        """Build the batch from here on (and write it, unless `write` is false: a dry run)."""
        self.batch, self.topics, self.write = ImportBatch(actor=self.actor, reason=self.reason), topics, write

    def advance(self, findings):
        """Take, in order, every phrase whose findings are now known."""
        while self.position < len(self.order) and self.order[self.position] in findings:
            key = self.order[self.position]
            self._decide(key, findings[key])
            if self.batch is not None:
                self._move(key, findings[key])
            self.position += 1
            if self.write and self.position == self.stored:
                self.batch.save_versions()  # the stored phrases' versions come first
        if self.write and self.position > self.stored and self.batch.unsaved() >= self.FLUSH:
            self.batch.save_versions()

    def finish(self):
        """Write what is left (not in a dry run): the last versions, dismissals, withdrawals and the
        one publish."""
        total = len(self.order)
        self.progress("writing", total - self.batch.unsaved() if self.write else 0, total)
        if self.write:
            self.batch.execute()
        self.progress("writing", total, total)

    def _decide(self, key, findings):
        values, status = self.valid[key]
        if status == PhraseStatus.ARCHIVED:
            self.archived.add(key)
        elif status == PhraseStatus.APPROVED:
            errors = standing(findings, ERROR)
            if not errors:
                self.going_live[key] = _triggers(values)
            elif self.publish_over_findings:
                self.overruled_rules[key] = sorted({f["rule"] for f in errors})
                self.overruled[key] = _overrule(findings, actor=self.actor, reason=self.reason, now=self.now)
                self.going_live[key] = _triggers(values)
            else:
                self.held[key] = sorted({f["rule"] for f in errors})

    def _move(self, key, findings):
        """Move the changed phrase to its file status in the batch (in memory)."""
        values, status = self.valid[key]
        values = {**values, "topic": self.topics[values["topic"]]}
        phrase, report = self.existing.get(key), self.report
        held = status == PhraseStatus.APPROVED and key not in self.going_live
        target = PhraseStatus.IN_REVIEW if held else status
        live_text = self.live.get(phrase.pk) if phrase is not None else None
        if phrase is not None:
            same = all(getattr(phrase, name) == values[name] for name in CONTENT_FIELDS if name != "topic") \
                and phrase.topic_id == values["topic"].pk
            live_ok = target != PhraseStatus.APPROVED or live_library.live_matches(phrase, live_text)
            if same and phrase.status == target and live_ok and key not in self.overruled:
                report.unchanged.append(key)
                return
            self.batch.edit(phrase, content=values)
            report.updated.append(key)
        else:
            phrase = self.batch.new(key=key, content=values)
            report.created.append(key)
        self.batch.move(phrase, target, findings, held=held, live=live_text is not None,
                        overruled=self.overruled.get(key))
