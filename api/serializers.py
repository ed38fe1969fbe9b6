"""Input and output shapes of the API. Inputs only check types; the services own the rules."""
from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from phrases.models import CONTENT_FIELDS, Phrase, PhraseStatus, Topic
from phrases.text_cleaning import clean_line, clean_text
from phrases.validation import (
    DB_INTEGER_MAX,
    KEYWORD_MAX_LENGTH,
    LINE_FIELDS,
    TEXT_FIELDS,
    validate_key,
    validate_language,
)

# -- the phrase's content fields, from the model ------------------------------------------------


def _max_length(model_field) -> int | None:
    if model_field.max_length:
        return model_field.max_length
    return next((v.limit_value for v in model_field.validators if isinstance(v, MaxLengthValidator)), None)


def content_field(name: str, *, output: bool) -> serializers.Field:
    """The API field for one of the phrase's content fields (`phrases.models.CONTENT_FIELDS`), made
    from the model field: a relation by its slug, a JSON list as a list of lines, text with the
    model's length limit. Inputs check shapes and lengths only (after the boundary cleaning, for
    titles and texts); the actions own the rules."""
    model_field = Phrase._meta.get_field(name)
    optional = {"required": False, "allow_null": True} if model_field.blank else {}
    if model_field.is_relation:
        return serializers.SlugField(source=f"{name}.slug") if output else serializers.SlugField(
            help_text=f"{model_field.related_model._meta.verbose_name.title()} slug", **optional)
    if isinstance(model_field, models.JSONField):
        if output:
            return serializers.ListField(child=serializers.CharField())
        # Blank and repeated entries are dropped and the count checked after cleaning, as on every door.
        return serializers.ListField(child=CleanLineField(max_length=KEYWORD_MAX_LENGTH, allow_blank=True),
                                     required=False, allow_null=True)
    if output:
        return serializers.CharField(allow_null=model_field.blank)
    length = {"max_length": _max_length(model_field), "allow_blank": model_field.blank, **optional}
    if name in LINE_FIELDS:
        return CleanLineField(**length)
    if name in TEXT_FIELDS:
        return CleanTextField(**length)
    # Triggers and slugs are taken exactly as sent (the actions lower-case a shortcut, as every door
    # does): whitespace or anything invisible in them is refused, not trimmed.
    return serializers.CharField(trim_whitespace=False, **length)


class WithContentFields:
    """A serializer with one field per content field (in CONTENT_FIELDS order, after `key` when it
    has one), so a field added to CONTENT_FIELDS reaches every API shape without another list.
    Outputs give an optional text left empty as null (`blank_as_null`)."""

    content_output = True
    blank_as_null = True

    def get_fields(self):
        declared = super().get_fields()
        fields = {"key": declared.pop("key")} if "key" in declared else {}
        fields.update({name: content_field(name, output=self.content_output) for name in CONTENT_FIELDS})
        fields.update(declared)
        return fields

    def to_representation(self, instance):
        data = super().to_representation(instance)
        if self.blank_as_null:
            for name in CONTENT_FIELDS:
                if data.get(name) == "":
                    data[name] = None
        return data


# -- output -----------------------------------------------------------------------------------


class LivePhraseSerializer(WithContentFields, serializers.Serializer):
    """A phrase as operators and chat tools see it: its last approved text."""

    key = serializers.CharField()
    status = serializers.SerializerMethodField()
    approved_at = serializers.DateTimeField()
    uses_7d = serializers.IntegerField(required=False)
    uses_30d = serializers.IntegerField(required=False)

    def get_status(self, obj) -> str:
        return PhraseStatus.APPROVED

    def to_representation(self, instance):
        data = super().to_representation(instance)
        if not hasattr(instance, "uses_7d"):
            data.pop("uses_7d", None)
            data.pop("uses_30d", None)
        return data


class LiveTextSerializer(WithContentFields, serializers.Serializer):
    """The live text beside a working copy (empty triggers as "", as this shape always gave them)."""

    blank_as_null = False
    version = serializers.IntegerField()
    approved_at = serializers.DateTimeField()
    approved_by = serializers.CharField(source="approved_by.username", allow_null=True, default=None)


class FindingSerializer(serializers.Serializer):
    rule = serializers.CharField()
    severity = serializers.ChoiceField(choices=["error", "warning"])
    message = serializers.CharField()
    start = serializers.IntegerField()
    end = serializers.IntegerField()
    suggestion = serializers.CharField(allow_null=True)


class DismissedSerializer(serializers.Serializer):
    by = serializers.CharField(allow_null=True, help_text="The reviewer who dismissed the finding")
    reason = serializers.CharField()
    at = serializers.DateTimeField()


class PhraseFindingSerializer(FindingSerializer):
    """A finding stored on a phrase: the lint shape, plus whether a reviewer dismissed it."""

    dismissed = DismissedSerializer(allow_null=True, default=None,
                                    help_text="Set when a reviewer overruled this finding (it no longer blocks approval)")


class DismissalSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    rule = serializers.CharField()
    text = serializers.CharField(help_text="The flagged words")
    reason = serializers.CharField()
    by = serializers.CharField(source="dismissed_by.username", allow_null=True, default=None)
    at = serializers.DateTimeField(source="created_at")
    in_force = serializers.BooleanField(help_text="The linter still flags these words under this rule")


class DriftMarkSerializer(serializers.Serializer):
    source = serializers.CharField(source="source.key", help_text="The variant whose approved text changed")
    changes = serializers.DictField(child=serializers.ListField(child=serializers.CharField()),
                                    help_text="{field: [before, after]} for title and body")
    marked_at = serializers.DateTimeField(source="created_at")


class PhraseSerializer(WithContentFields, serializers.Serializer):
    """The working copy, for writers and reviewers, with its live text beside it."""

    key = serializers.CharField()
    outdated = serializers.SerializerMethodField(help_text="“May be outdated”: other variants of the family changed "
                                                           "their approved text since (empty when up to date)")
    status = serializers.ChoiceField(choices=PhraseStatus.choices)
    revision = serializers.IntegerField()
    owner = serializers.CharField(source="owner.username", allow_null=True, default=None)
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()
    reviewed_by = serializers.CharField(source="reviewed_by.username", allow_null=True, default=None)
    reviewed_at = serializers.DateTimeField(allow_null=True)
    review_due_at = serializers.DateField(allow_null=True)
    review_comment = serializers.CharField(allow_blank=True)
    changes_requested = serializers.BooleanField(help_text="A reviewer sent it back; stays until resubmitted")
    submit_note = serializers.CharField(allow_blank=True, help_text="The writer's note to the reviewer")
    submitted_at = serializers.DateTimeField(allow_null=True, help_text="When it entered the review queue")
    lint_findings = PhraseFindingSerializer(many=True)
    warnings_acknowledged = serializers.BooleanField()
    live = serializers.SerializerMethodField()
    uses_7d = serializers.IntegerField(required=False)
    uses_30d = serializers.IntegerField(required=False)

    def get_outdated(self, obj) -> DriftMarkSerializer(many=True):
        return DriftMarkSerializer(obj.drift_marks.all(), many=True).data

    def get_live(self, obj) -> LiveTextSerializer(allow_null=True):
        live = getattr(obj, "live", None)
        return LiveTextSerializer(live).data if live is not None else None

    def to_representation(self, instance):
        data = super().to_representation(instance)
        if not hasattr(instance, "uses_7d"):
            data.pop("uses_7d", None)
            data.pop("uses_30d", None)
        return data


class VersionChangeSerializer(serializers.Serializer):
    field = serializers.CharField()
    old = serializers.JSONField(allow_null=True)
    new = serializers.JSONField(allow_null=True)


class VersionSerializer(serializers.Serializer):
    version = serializers.IntegerField(source="version.history_id")
    author = serializers.CharField(source="version.history_user.username", allow_null=True, default=None)
    date = serializers.DateTimeField(source="version.history_date")
    reason = serializers.CharField(source="version.history_change_reason", allow_null=True)
    type = serializers.SerializerMethodField()
    status = serializers.CharField(source="version.status")
    changes = VersionChangeSerializer(many=True)

    def get_type(self, obj) -> str:
        return {"+": "created", "~": "changed", "-": "deleted"}[obj["version"].history_type]


class TopicSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    name = serializers.CharField()
    names = serializers.DictField(child=serializers.CharField(), help_text="The name by interface language "
                                                                           "({\"ru\", \"en\", \"pl\"}; may miss some)")
    parent = serializers.SlugField(allow_null=True)
    order = serializers.IntegerField()
    children = serializers.ListField(child=serializers.DictField(), help_text="Nested topics, same shape")


class SearchHighlightsSerializer(serializers.Serializer):
    title = serializers.ListField(child=serializers.ListField(child=serializers.IntegerField(), min_length=2,
                                                              max_length=2),
                                  help_text="[start, end) character spans in the title")
    body = serializers.ListField(child=serializers.ListField(child=serializers.IntegerField(), min_length=2,
                                                             max_length=2),
                                 help_text="[start, end) character spans in the body")


class SearchVariantSerializer(serializers.Serializer):
    key = serializers.CharField()
    language = serializers.CharField()
    title = serializers.CharField()
    body = serializers.CharField()
    shortcut = serializers.CharField(allow_null=True)
    hotkey = serializers.CharField(allow_null=True)


class SearchHitSerializer(serializers.Serializer):
    key = serializers.CharField()
    title = serializers.CharField()
    body = serializers.CharField()
    topic = serializers.SlugField()
    language = serializers.CharField()
    shortcut = serializers.CharField(allow_null=True)
    hotkey = serializers.CharField(allow_null=True)
    score = serializers.FloatField()
    topic_name = serializers.CharField(help_text="The topic's display name")
    highlights = SearchHighlightsSerializer(help_text="Where the query's words matched, to highlight them")
    match = serializers.ChoiceField(choices=["shortcut", "hotkey", "text"],
                                    help_text="What found the phrase: its shortcut, its hotkey or its text")
    family = serializers.CharField(allow_null=True, help_text="The phrase's language family, or null")
    variants = SearchVariantSerializer(many=True, help_text="The family's other live languages, the user's "
                                                            "first (the same reply, to switch before copying)")


class SearchResultsSerializer(serializers.Serializer):
    results = SearchHitSerializer(many=True)


class LintResultSerializer(serializers.Serializer):
    issues = FindingSerializer(many=True)
    unavailable = serializers.ListField(child=serializers.CharField(),
                                        help_text="Rules that could not run here (e.g. spelling without dictionaries)")


class SyncSerializer(serializers.Serializer):
    cursor = serializers.CharField(help_text="Pass as `since` next time")
    upserts = LivePhraseSerializer(many=True)
    deletes = serializers.ListField(child=serializers.CharField())
    has_more = serializers.BooleanField(help_text="More changes wait: call again with the new cursor at once")


class HeldSerializer(serializers.Serializer):
    key = serializers.CharField()
    rules = serializers.ListField(child=serializers.CharField())


class ImportReportSerializer(serializers.Serializer):
    created = serializers.ListField(child=serializers.CharField())
    updated = serializers.ListField(child=serializers.CharField())
    unchanged = serializers.ListField(child=serializers.CharField())
    topics_created = serializers.ListField(child=serializers.CharField())
    topics_updated = serializers.ListField(child=serializers.CharField())
    findings = serializers.DictField(child=FindingSerializer(many=True))
    held = HeldSerializer(many=True, help_text="Approved in the file but held in review over brand-voice errors")
    overruled = HeldSerializer(many=True, help_text="Published over brand-voice errors (publish_over_findings)")
    dry_run = serializers.BooleanField()


@extend_schema_field(ImportReportSerializer(allow_null=True))
class StoredReportField(serializers.JSONField):
    """A finished job's report, stored in the report's own shape (ImportReport.as_dict): passed through as it is,
    since re-serializing the findings of tens of thousands of phrases field by field takes seconds."""


class ImportJobSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    url = serializers.SerializerMethodField()
    status = serializers.CharField(help_text="queued, running, succeeded, failed or cancelled")
    stage = serializers.CharField(allow_blank=True, help_text="validating, linting, writing, then done")
    done = serializers.IntegerField()
    total = serializers.IntegerField()
    phrases = serializers.IntegerField(help_text="Phrases in the file")
    dry_run = serializers.BooleanField()
    publish_over_findings = serializers.BooleanField()
    created_at = serializers.DateTimeField()
    started_at = serializers.DateTimeField(allow_null=True)
    finished_at = serializers.DateTimeField(allow_null=True)
    detail = serializers.CharField(allow_blank=True)
    report = StoredReportField(allow_null=True, help_text="When succeeded")
    problems = serializers.ListField(child=serializers.DictField(), allow_null=True,
                                     help_text="When the file was rejected: {key, field, message} each")

    def get_url(self, obj) -> str:
        return self.context["url"]


class TokenSerializer(serializers.Serializer):
    token = serializers.CharField()


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField()


# -- input ------------------------------------------------------------------------------------


class CleanLineField(serializers.CharField):
    """A single-line text, cleaned at the boundary (phrases.text_cleaning) before its checks."""

    def to_internal_value(self, data):
        return clean_line(super().to_internal_value(data))


class CleanTextField(serializers.CharField):
    """A multi-line text, cleaned at the boundary before its checks."""

    def __init__(self, **kwargs):
        super().__init__(trim_whitespace=False, **kwargs)

    def to_internal_value(self, data):
        return clean_text(super().to_internal_value(data))


class StrictInput(serializers.Serializer):
    """An input that refuses members it does not know, naming them, rather than ignoring them: a
    client sending {"status": "approved"} must learn that it did nothing."""

    read_only_fields = ()  # members of the output a client might try to set: a clearer message

    def to_internal_value(self, data):
        errors = {}
        if isinstance(data, dict):
            for name in sorted(set(data) - set(self.fields), key=str):
                errors[name] = ["This field is read-only: it cannot be set here." if name in self.read_only_fields
                                else "Unknown field: it is not accepted here."]
        try:
            value = super().to_internal_value(data)
        except serializers.ValidationError as error:
            if errors and isinstance(error.detail, dict):
                raise serializers.ValidationError({**errors, **error.detail}) from None
            raise
        if errors:
            raise serializers.ValidationError(errors)
        return value


class PhraseFieldsInput(WithContentFields, StrictInput):
    # The content fields with the model's limits (content_field), so a too-long value is refused here by name.
    content_output = False
    blank_as_null = False
    reason = serializers.CharField(required=False, allow_blank=True, max_length=500,
                                   help_text="Why: kept with the version in history")

    read_only_fields = tuple(sorted(set(PhraseSerializer._declared_fields) - {"key"}))


class PhraseCreateInput(PhraseFieldsInput):
    key = serializers.CharField(max_length=Phrase._meta.get_field("key").max_length, validators=[validate_key],
                                help_text="Lower-case slug, unique: the identity chat tools sync by")


class PhraseUpdateInput(PhraseFieldsInput):
    read_only_fields = tuple(PhraseSerializer._declared_fields)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, partial=True, **kwargs)


class ReasonInput(StrictInput):
    reason = serializers.CharField(required=False, allow_blank=True, max_length=500)


class SubmitInput(ReasonInput):
    note = CleanTextField(required=False, allow_blank=True, max_length=2000,
                                 help_text="A note to the reviewer")


class DismissInput(serializers.Serializer):
    rule = serializers.CharField(max_length=40, help_text="The finding's rule id")
    text = serializers.CharField(required=False, max_length=500, trim_whitespace=False,
                                 help_text="The flagged words (or give start and end)")
    start = serializers.IntegerField(required=False, min_value=0, max_value=DB_INTEGER_MAX, help_text="Start of the flagged span in the body")
    end = serializers.IntegerField(required=False, min_value=0, max_value=DB_INTEGER_MAX, help_text="End of the flagged span in the body")
    reason = serializers.CharField(max_length=2000, help_text="Why the finding does not apply; kept in history")


class ApproveInput(ReasonInput):
    acknowledge_warnings = serializers.BooleanField(default=False,
                                                    help_text="Approve over brand-voice warnings (recorded in history)")


class RejectInput(StrictInput):
    comment = CleanTextField(max_length=2000, help_text="Shown to the writer; required")


class RevertInput(ReasonInput):
    version = serializers.IntegerField(min_value=1, max_value=DB_INTEGER_MAX, help_text="A version id from the history")
    publish = serializers.BooleanField(default=False, help_text="Restore and publish in one step (the approval gate "
                                                                "applies)")
    acknowledge_warnings = serializers.BooleanField(default=False, help_text="With publish: accept brand-voice warnings")


class ImportOptionsInput(serializers.Serializer):
    dry_run = serializers.BooleanField(default=False)
    publish_over_findings = serializers.BooleanField(default=False)
    reason = serializers.CharField(required=False, allow_blank=True, default="", max_length=2000)


class UsedInput(StrictInput):
    client = serializers.CharField(required=False, allow_blank=True, max_length=64,
                                   help_text="The tool that inserted the phrase (default: X-Client header or token name)")


class LintInput(StrictInput):
    body = serializers.CharField(max_length=20000, trim_whitespace=False, allow_blank=True)
    language = serializers.CharField(max_length=8, validators=[validate_language],
                                     help_text="BCP 47 primary tag: 'ru', 'en', 'pl', …")


class TokenInput(StrictInput):
    username = serializers.CharField()
    password = serializers.CharField(style={"input_type": "password"}, trim_whitespace=False)


# -- query parameters -------------------------------------------------------------------------


class PhraseListFilters(serializers.Serializer):
    """`GET /phrases/` filters; an empty topic or language means no filter."""

    topic = serializers.SlugField(required=False, allow_blank=True, max_length=64)
    language = serializers.CharField(required=False, allow_blank=True, max_length=8)
    status = serializers.ChoiceField(choices=PhraseStatus.values, required=False, allow_blank=True)
    updated_since = serializers.DateTimeField(required=False)
    due_for_review = serializers.BooleanField(required=False)
    usage = serializers.BooleanField(required=False)
    family = serializers.SlugField(required=False, allow_blank=True, max_length=100,
                                   help_text="Only the variants of this language family")
    outdated = serializers.BooleanField(required=False, help_text="Only variants marked “may be outdated” "
                                                                  "(writers and reviewers)")

    def validate_language(self, value):
        if value:
            validate_language(value)
        return value


class ExportFilters(serializers.Serializer):
    """`GET /export/{format}/`: a configured language and an existing topic, as search accepts."""

    language = serializers.CharField(required=False, allow_blank=True, max_length=8)
    topic = serializers.SlugField(required=False, allow_blank=True, max_length=64)

    def validate_language(self, value):
        if value and value not in settings.QUICKPHRASES_LANGUAGES:
            raise serializers.ValidationError(
                f"Unknown language '{value}'; use one of {', '.join(settings.QUICKPHRASES_LANGUAGES)}.")
        return value

    def validate_topic(self, value):
        if value and not Topic.objects.filter(slug=value).exists():
            raise serializers.ValidationError(f"Unknown topic '{value}'.")
        return value
