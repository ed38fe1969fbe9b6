"""The phrase library: topics, phrases (the working copy, versioned), their live text and usage.

Draft and live are two things. `Phrase` is the working copy writers edit; every save of it is a
version in `Phrase.history`. `LivePhrase` holds the last approved text of a phrase, and it is all
that operators, search, sync and exports ever read. Each change to the live library appends a
`LiveChange`, whose id is the library revision: sync cursors and the search index build on it.
"""
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from phrases.text_cleaning import clean_line
from phrases.validation import (
    HOTKEY_MAX_LENGTH,
    LINE_FIELDS,
    SHORTCUT_MAX_LENGTH,
    TEXT_FIELDS,
    clean_phrase_text,
    nul_errors,
    validate_family,
    validate_hotkey,
    validate_key,
    validate_keywords,
    validate_language,
    validate_placeholders,
    validate_shortcut,
)

BODY_MAX_LENGTH = 2000
TITLE_MAX_LENGTH = 120
# Topics nest at most this many levels (a root topic is level 1). Every door that creates or moves
# topics enforces it (import, admin); code reading the tree walks it without recursion anyway.
MAX_TOPIC_DEPTH = 8


TOPIC_NAME_MAX_LENGTH = 120


def validate_topic_names(value):
    """`names` is {language: name} for the interface languages (ru, en, pl), each a short string."""
    languages = [code for code, _name in settings.LANGUAGES]
    if not isinstance(value, dict):
        raise ValidationError(gettext("Topic names must be an object such as {\"ru\": …, \"en\": …, \"pl\": …}."),
                              code="invalid_names")
    for language, name in value.items():
        if language not in languages:
            raise ValidationError(gettext("Unknown language “%(language)s” in topic names; use %(languages)s.") % {
                "language": language, "languages": ", ".join(languages)}, code="invalid_names")
        if not isinstance(name, str):
            raise ValidationError(gettext("The topic name in “%(language)s” must be a string.") % {
                "language": language}, code="invalid_names")
        if len(name) > TOPIC_NAME_MAX_LENGTH:
            raise ValidationError(gettext(
                "The topic name in “%(language)s” may have at most %(max)d characters.") % {
                "language": language, "max": TOPIC_NAME_MAX_LENGTH}, code="invalid_names")


class Topic(models.Model):
    slug = models.SlugField(max_length=64, unique=True, verbose_name=_("slug"))
    name = models.CharField(max_length=TOPIC_NAME_MAX_LENGTH, verbose_name=_("name"))
    # The name in each interface language ({"ru": …, "en": …, "pl": …}); `name` is the fallback.
    names = models.JSONField(default=dict, blank=True, validators=[validate_topic_names],
                             verbose_name=_("names by language"))
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children", verbose_name=_("parent topic")
    )
    order = models.PositiveIntegerField(default=0, verbose_name=_("order"))
    # Overrides QUICKPHRASES_REVIEW_INTERVAL_DAYS for the phrases of this topic.
    review_interval_days = models.PositiveIntegerField(
        null=True, blank=True, verbose_name=_("review interval, days"),
        help_text=_("Days from approval to the next review; blank: the global interval"))
    # Who is reminded about this topic's phrases that have no owner.
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("reviewer"))

    class Meta:
        ordering = ["order", "slug"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self):
        return self.display_name()

    def display_name(self, language: str | None = None) -> str:
        """The name in `language` (the active interface language by default), else `name`."""
        from django.utils.translation import get_language

        names = self.names if isinstance(self.names, dict) else {}
        language = (language or get_language() or "").split("-")[0]
        return names.get(language) or self.name or next((n for n in names.values() if n), "")

    def clean_fields(self, exclude=None):
        if isinstance(self.name, str):
            self.name = clean_line(self.name)
        if isinstance(self.names, dict):
            self.names = {language: clean_line(name) if isinstance(name, str) else name
                          for language, name in self.names.items()}
        super().clean_fields(exclude=exclude)
        nul = nul_errors({"name": self.name})
        if nul:
            raise ValidationError(nul)

    def clean(self):
        level, ancestor = 1, self.parent
        while ancestor is not None:
            if ancestor.pk == self.pk or ancestor.slug == self.slug:
                raise ValidationError({"parent": f"Topic '{self.slug}': a topic cannot be its own ancestor."})
            level += 1
            if level > MAX_TOPIC_DEPTH:
                break  # deep enough to refuse: no need to walk further up
            ancestor = ancestor.parent
        below = self._levels_below() if self.pk else 0
        if level + below > MAX_TOPIC_DEPTH:
            raise ValidationError({"parent": gettext(
                "Topics nest at most %(max)d levels deep; here topic “%(slug)s” (with the topics under it) would "
                "reach level %(level)d or deeper.") % {"max": MAX_TOPIC_DEPTH, "slug": self.slug,
                                                       "level": level + below}})

    def _levels_below(self) -> int:
        """How many levels of topics hang under this one (a query per level, at most the depth limit)."""
        levels, frontier, seen = 0, {self.pk}, {self.pk}
        while frontier and levels <= MAX_TOPIC_DEPTH:
            frontier = set(Topic.objects.filter(parent_id__in=frontier).values_list("pk", flat=True)) - seen
            seen |= frontier
            levels += bool(frontier)
        return levels


class PhraseStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    IN_REVIEW = "in_review", _("In review")
    APPROVED = "approved", _("Approved")
    ARCHIVED = "archived", _("Archived")


# The phrase's content: what a writer edits, a version diffs, the live copy holds (with the key),
# the library file, the API and the CSV export carry. Everything listing content fields derives from it.
CONTENT_FIELDS = ("title", "body", "topic", "language", "shortcut", "hotkey", "keywords", "family")
LIVE_FIELDS = ("key", *CONTENT_FIELDS)
VERSION_FIELDS = (*CONTENT_FIELDS, "status")


class Phrase(models.Model):
    """The working copy of a quick phrase. Workflow lives in `phrases.services`, not here."""

    key = models.SlugField(max_length=100, unique=True, validators=[validate_key], verbose_name=_("key"))
    title = models.CharField(max_length=TITLE_MAX_LENGTH, verbose_name=_("title"))
    body = models.TextField(validators=[MaxLengthValidator(BODY_MAX_LENGTH), validate_placeholders],
                            verbose_name=_("text"))
    topic = models.ForeignKey(Topic, on_delete=models.PROTECT, related_name="phrases", verbose_name=_("topic"))
    language = models.CharField(max_length=8, validators=[validate_language], verbose_name=_("language"))
    shortcut = models.CharField(max_length=SHORTCUT_MAX_LENGTH, blank=True, validators=[validate_shortcut],
                                verbose_name=_("shortcut"))
    hotkey = models.CharField(max_length=HOTKEY_MAX_LENGTH, blank=True, validators=[validate_hotkey],
                              verbose_name=_("hotkey"))
    keywords = models.JSONField(default=list, blank=True, validators=[validate_keywords], verbose_name=_("keywords"))
    # The language family: the same reply in other languages shares this name ("hold-minute").
    family = models.SlugField(max_length=100, blank=True, db_index=True, validators=[validate_family],
                              verbose_name=_("family"))
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("owner")
    )
    status = models.CharField(max_length=16, choices=PhraseStatus.choices, default=PhraseStatus.DRAFT,
                              verbose_name=_("status"))
    # Review outcome: stamped by phrase_approve / phrase_reject.
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("reviewed by")
    )
    reviewed_at = models.DateTimeField(null=True, blank=True, verbose_name=_("reviewed at"))
    review_due_at = models.DateField(null=True, blank=True, db_index=True, verbose_name=_("next review"))
    review_comment = models.TextField(blank=True, verbose_name=_("reviewer's comment"))
    # A reviewer sent the phrase back: it stays "changes requested" (with review_comment) until resubmitted.
    changes_requested = models.BooleanField(default=False, verbose_name=_("changes requested"))
    # The writer's note to the reviewer, and when the phrase entered the review queue.
    submit_note = models.TextField(blank=True, verbose_name=_("note to the reviewer"))
    submitted_at = models.DateTimeField(null=True, blank=True, verbose_name=_("submitted at"))
    # Brand-voice findings stored at submit time, and whether a reviewer approved over warnings.
    lint_findings = models.JSONField(default=list, blank=True, verbose_name=_("brand-voice findings"))
    warnings_acknowledged = models.BooleanField(default=False, verbose_name=_("warnings acknowledged"))
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))
    updated_at = models.DateTimeField(auto_now=True, verbose_name=_("updated at"))
    # Incremented by every service write; the ETag and the optimistic-concurrency check.
    revision = models.PositiveIntegerField(default=1, verbose_name=_("revision"))
    # The action that made this version and its parameters ({"action": "approve", "warnings": [...]}),
    # written by `phrases.services.actions`; history shows it translated.
    version_action = models.JSONField(default=dict, blank=True, editable=False, verbose_name=_("action"))

    history = HistoricalRecords(
        excluded_fields=["updated_at"], history_change_reason_field=models.TextField(null=True)
    )

    class Meta:
        ordering = ["key"]
        verbose_name = _("phrase")
        verbose_name_plural = _("phrases")
        constraints = [
            models.UniqueConstraint(
                fields=["language", "shortcut"],
                condition=~models.Q(shortcut=""),
                name="phrase_shortcut_unique_per_language",
                violation_error_message="This shortcut is already used by another phrase in this language.",
            ),
            # A hotkey is shared only by the language variants of one family; the trigger check
            # (phrases.services.triggers) refuses it across families, which no index can express.
            models.UniqueConstraint(
                fields=["language", "hotkey"],
                condition=~models.Q(hotkey=""),
                name="phrase_hotkey_unique_per_language",
                violation_error_message="This hotkey is already used by another phrase.",
            ),
            # A family holds one phrase per language (the actions check it first, naming the phrase).
            models.UniqueConstraint(
                fields=["family", "language"],
                condition=~models.Q(family=""),
                name="phrase_family_one_per_language",
                violation_error_message="This family already has a phrase in this language.",
            ),
        ]

    def __str__(self):
        return self.key

    def clean_fields(self, exclude=None):
        # The boundary normalisation, for any door that reaches the model (phrases.text_cleaning).
        for name, value in clean_phrase_text(
                {name: getattr(self, name) for name in (*LINE_FIELDS, *TEXT_FIELDS, "keywords", "shortcut")}).items():
            setattr(self, name, value)
        nul = nul_errors({name: getattr(self, name) for name in (*LINE_FIELDS, *TEXT_FIELDS, "keywords", "shortcut",
                                                                   "hotkey", "language")})
        # A key never changes once stored, so only a new phrase's key is checked: one stored before
        # keys had to be lower-case stays editable (and archivable) under the key tools sync by.
        if not self._state.adding:
            exclude = {*(exclude or ()), "key"}
        try:
            super().clean_fields(exclude={*(exclude or ()), *nul})
        except ValidationError as error:
            raise ValidationError({**error.error_dict, **nul}) from None
        if nul:
            raise ValidationError(nul)

    @property
    def is_live(self):
        return hasattr(self, "live")

    def validate_constraints(self, exclude=None):
        # The shortcut and hotkey constraints are checked by the actions with the one trigger check
        # (`phrases.services.triggers`), whose message names the phrase holding the trigger.
        super().validate_constraints(exclude={*(exclude or ()), "shortcut", "hotkey"})


class LivePhrase(models.Model):
    """The last approved text of a phrase: what operators, search, sync and exports see."""

    phrase = models.OneToOneField(Phrase, primary_key=True, on_delete=models.CASCADE, related_name="live",
                                  verbose_name=_("phrase"))
    key = models.SlugField(max_length=100, unique=True, verbose_name=_("key"))
    title = models.CharField(max_length=TITLE_MAX_LENGTH, verbose_name=_("title"))
    body = models.TextField(verbose_name=_("text"))
    topic = models.ForeignKey(Topic, on_delete=models.PROTECT, related_name="live_phrases", verbose_name=_("topic"))
    language = models.CharField(max_length=8, db_index=True, verbose_name=_("language"))
    shortcut = models.CharField(max_length=SHORTCUT_MAX_LENGTH, blank=True, verbose_name=_("shortcut"))
    hotkey = models.CharField(max_length=HOTKEY_MAX_LENGTH, blank=True, verbose_name=_("hotkey"))
    keywords = models.JSONField(default=list, blank=True, verbose_name=_("keywords"))
    family = models.SlugField(max_length=100, blank=True, db_index=True, verbose_name=_("family"))
    version = models.PositiveIntegerField(help_text="history_id of the approved version", verbose_name=_("version"))
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("approved by")
    )
    approved_at = models.DateTimeField(verbose_name=_("approved at"))

    class Meta:
        ordering = ["key"]
        verbose_name = _("live phrase")
        verbose_name_plural = _("live phrases")
        # The live library holds the same uniqueness as the working copies, enforced by the database.
        constraints = [
            models.UniqueConstraint(fields=["language", "shortcut"], condition=~models.Q(shortcut=""),
                                    name="live_shortcut_unique_per_language"),
            models.UniqueConstraint(fields=["language", "hotkey"], condition=~models.Q(hotkey=""),
                                    name="live_hotkey_unique_per_language"),
        ]

    def __str__(self):
        return self.key


class DriftMark(models.Model):
    """"May be outdated": another variant of the phrase's family changed its approved text.

    Written by the publishing action when a variant's live title or body changes, with that
    change (`changes`: {"title"|"body": [before, after]}); removed when this phrase is approved
    again or a reviewer confirms it is still right (`phrases.services.actions`)."""

    phrase = models.ForeignKey(Phrase, on_delete=models.CASCADE, related_name="drift_marks",
                               verbose_name=_("phrase"))
    source = models.ForeignKey(Phrase, on_delete=models.CASCADE, related_name="+", verbose_name=_("changed variant"))
    source_version = models.PositiveIntegerField(help_text="history_id of the approved version that caused it")
    changes = models.JSONField(default=dict, verbose_name=_("changes"))
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("marked at"))

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("may-be-outdated mark")
        verbose_name_plural = _("may-be-outdated marks")
        constraints = [models.UniqueConstraint(fields=["phrase", "source"], name="drift_mark_unique")]

    def __str__(self):
        return f"{self.phrase_id} ← {self.source_id}"


class LiveChange(models.Model):
    """One change to the live library. Its id is the library revision and the sync cursor."""

    class Action(models.TextChoices):
        UPSERT = "upsert", _("Upsert")
        DELETE = "delete", _("Delete")

    key = models.SlugField(max_length=100, db_index=True, verbose_name=_("key"))
    action = models.CharField(max_length=8, choices=Action.choices, verbose_name=_("action"))
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))

    class Meta:
        ordering = ["id"]
        verbose_name = _("live library change")
        verbose_name_plural = _("live library changes")

    def __str__(self):
        return f"#{self.pk} {self.action} {self.key}"


class FindingDismissal(models.Model):
    """A reviewer overruled one brand-voice finding on one phrase, with a reason.

    It holds while the flagged words (`text`) are still in the body, so a re-lint keeps it; an
    overruled error no longer blocks approval."""

    phrase = models.ForeignKey(Phrase, on_delete=models.CASCADE, related_name="dismissals", verbose_name=_("phrase"))
    rule = models.CharField(max_length=40, db_index=True, verbose_name=_("rule"))
    text = models.CharField(max_length=500, help_text=_("The flagged words"), verbose_name=_("text"))
    reason = models.TextField(verbose_name=_("reason"))
    dismissed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("dismissed by")
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("dismissed finding")
        verbose_name_plural = _("dismissed findings")
        constraints = [models.UniqueConstraint(fields=["phrase", "rule", "text"], name="dismissal_unique")]

    def __str__(self):
        return f"{self.phrase_id}: {self.rule} «{self.text}»"


class PhraseUse(models.Model):
    """One insertion of a phrase into a chat, recorded by the operator's tool."""

    phrase = models.ForeignKey(Phrase, on_delete=models.CASCADE, related_name="uses", verbose_name=_("phrase"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("user")
    )
    client = models.CharField(max_length=64, blank=True, help_text=_("The tool that inserted the phrase"),
                              verbose_name=_("tool"))
    used_at = models.DateTimeField(auto_now_add=True, db_index=True, verbose_name=_("used at"))

    class Meta:
        ordering = ["-used_at"]
        verbose_name = _("phrase use")
        verbose_name_plural = _("phrase uses")
        indexes = [models.Index(fields=["phrase", "used_at"]), models.Index(fields=["user", "used_at"])]

    def __str__(self):
        return f"{self.phrase_id} used at {self.used_at:%Y-%m-%d %H:%M}"


class LiveLibraryLock(models.Model):
    """A single row locked by every live-library change until its transaction commits.

    LiveChange ids then become visible in id order, so a reader that has seen change N has seen
    every change before it (sync cursors and the search index rely on it)."""

    class Meta:
        default_permissions = ()

    def __str__(self):
        return "live library lock"
