"""Forms of the writers' pages: the library filters and the phrase editor. Labels and errors translated."""
from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.forms.models import ModelChoiceIterator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from phrases.form_fields import CleanLineField, CleanTextField
from phrases.models import (
    BODY_MAX_LENGTH,
    CONTENT_FIELDS,
    TITLE_MAX_LENGTH,
    Phrase,
    PhraseStatus,
    Topic,
)
from phrases.placeholders import TOKEN_RE, split_inside
from phrases.validation import (
    DB_INTEGER_MAX,
    HOTKEY_MAX_LENGTH,
    KEYWORD_MAX_LENGTH,
    KEYWORDS_MAX_COUNT,
    SHORTCUT_MAX_LENGTH,
    allowed_placeholders,
    clean_keywords,
    clean_shortcut,
    fallback_problems,
    placeholder_problems,
    validate_hotkey,
    validate_shortcut,
)
from studio.selectors import topic_tree

# The model's statuses (translated labels) with "changes requested", a draft sent back, after drafts.
STATUS_CHOICES = [("", _("Any status")), PhraseStatus.choices[0], ("changes_requested", _("Changes requested")),
                  *PhraseStatus.choices[1:]]
STATUS_LABELS = dict(STATUS_CHOICES)
DUE_CHOICES = [("", _("Any review date")), ("1", _("Due today or overdue")), ("week", _("Due within a week"))]


class TopicTreeIterator(ModelChoiceIterator):
    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for topic, depth in topic_tree():
            value, label = self.choice(topic)
            yield value, "\u00a0\u00a0\u00a0" * depth + ("– " if depth else "") + label


class TopicChoiceField(forms.ModelChoiceField):
    """Topics as a tree: children indented under their parent."""

    iterator = TopicTreeIterator

    def __init__(self, **kwargs):
        super().__init__(queryset=Topic.objects.all(), **kwargs)


def language_choices(extra=()):
    codes = list(settings.QUICKPHRASES_LANGUAGES)
    codes += [code for code in extra if code and code not in codes]
    names = {"ru": _("Russian"), "en": _("English"), "pl": _("Polish")}
    return [(code, f"{names[code]} ({code})" if code in names else code) for code in codes]


class YesField(forms.BooleanField):
    """A `?name=1` flag; anything else but empty is an error naming the field."""

    widget = forms.TextInput

    def __init__(self, **kwargs):
        super().__init__(required=False, **kwargs)

    def to_python(self, value):
        if value in (None, "", "0", "false", False):
            return False
        if value in ("1", "true", "on", True):
            return True
        raise ValidationError(_("Use 1 to turn this filter on."), code="invalid")


class PhraseFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    topic = TopicChoiceField(label=_("Topic"), required=False, empty_label=_("All topics"), to_field_name="slug")
    language = forms.ChoiceField(label=_("Language"), required=False)
    status = forms.ChoiceField(label=_("Status"), required=False, choices=STATUS_CHOICES)
    due = forms.ChoiceField(label=_("Review"), required=False, choices=DUE_CHOICES)
    owner = forms.CharField(label=_("Owner"), required=False, max_length=150)
    overdue = YesField(label=_("Overdue for review"))
    unapproved = YesField(label=_("Unapproved changes"))
    unused = YesField(label=_("Not used in 30 days"))
    flagged = YesField(label=_("Has findings"))
    outdated = YesField(label=_("May be outdated"))
    family = forms.SlugField(label=_("Family"), required=False, max_length=100)
    # Offered by the reminders app's health page; accepted here and ignored until it means something.
    reminded = YesField(label=_("Reminded"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [("", _("All languages"))] + language_choices()

    def clean_owner(self):
        owner = self.cleaned_data["owner"].strip()
        if owner and owner != "me" and not get_user_model().objects.filter(username=owner).exists():
            raise ValidationError(_("No user is called “%(name)s”."), params={"name": owner}, code="unknown")
        return owner


class KeywordsField(forms.Field):
    """Keywords posted as a list (one value per chip), cleaned as at every door: one value is one
    keyword, commas included (the chips' script makes a chip at each comma as the writer types)."""

    def to_python(self, value):
        values = value if isinstance(value, list | tuple) else ([value] if value else [])
        return clean_keywords([str(item) for item in values])

    def validate(self, value):
        super().validate(value)
        if any("\x00" in word for word in value):
            raise ValidationError(_("Null characters are not allowed."), code="null_characters_not_allowed")
        if len(value) > KEYWORDS_MAX_COUNT:
            raise ValidationError(_("At most %(count)d keywords."), params={"count": KEYWORDS_MAX_COUNT})
        too_long = [word for word in value if len(word) > KEYWORD_MAX_LENGTH]
        if too_long:
            raise ValidationError(_("Each keyword may have at most %(max)d characters: “%(word)s” is longer."),
                                  params={"max": KEYWORD_MAX_LENGTH, "word": too_long[0]})


class KeywordsWidget(forms.Widget):
    def value_from_datadict(self, data, files, name):
        return data.getlist(name) if hasattr(data, "getlist") else data.get(name)


class PhraseForm(forms.Form):
    """The editor. `key` is asked only when creating; blank, it is made from the title."""

    title = CleanLineField(label=_("Title"), max_length=TITLE_MAX_LENGTH)
    key = forms.SlugField(label=_("Key"), required=False, max_length=100, allow_unicode=False,
                          help_text=_("The phrase's permanent identity for chat tools. Leave blank to make it "
                                      "from the title."))
    body = CleanTextField(label=_("Text"), max_length=BODY_MAX_LENGTH, strip=False,
                           widget=forms.Textarea(attrs={"rows": 6}))
    topic = TopicChoiceField(label=_("Topic"), empty_label=_("Choose a topic"))
    language = forms.ChoiceField(label=_("Language"))
    # Triggers are not trimmed: whitespace or anything invisible in them is refused, as on every door.
    shortcut = forms.CharField(label=_("Shortcut"), required=False, max_length=SHORTCUT_MAX_LENGTH, strip=False,
                               help_text=_("“/” and 2–12 letters a–z, digits or “-”, e.g. /eta"))
    hotkey = forms.CharField(label=_("Hotkey"), required=False, max_length=HOTKEY_MAX_LENGTH, strip=False,
                             help_text=_("Press the keys in this field, or type e.g. Ctrl+Alt+1"))
    keywords = KeywordsField(label=_("Keywords"), required=False, widget=KeywordsWidget,
                             help_text=_("Words operators might search for. Press Enter or a comma after each."))
    family = forms.SlugField(label=_("Family"), required=False, max_length=100, allow_unicode=False,
                             help_text=_("The same reply in other languages shares one family name, "
                                         "e.g. hold-minute."))
    note = CleanTextField(label=_("Note to the reviewer"), required=False, max_length=1000,
                           widget=forms.Textarea(attrs={"rows": 2}))
    revision = forms.IntegerField(required=False, widget=forms.HiddenInput, min_value=1, max_value=DB_INTEGER_MAX)

    def __init__(self, *args, phrase: Phrase | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.phrase = phrase
        self.fields["language"].choices = [("", _("Choose a language"))] + language_choices(
            [phrase.language] if phrase else [])
        if phrase is not None:
            del self.fields["key"]  # the key never changes after creation
            self.fields["revision"].required = True

    def clean_body(self):
        body = self.cleaned_data["body"].strip()
        if not body:
            raise ValidationError(_("This field is required."), code="required")
        if placeholder_problems(body):
            allowed = ", ".join(f"{{{name}}}" for name in allowed_placeholders())
            unknown = sorted({split_inside(inside)[0] for inside in TOKEN_RE.findall(body)}
                             - set(allowed_placeholders()))
            if unknown:
                raise ValidationError(ngettext(
                    "Unknown placeholder %(names)s. Allowed: %(allowed)s.",
                    "Unknown placeholders %(names)s. Allowed: %(allowed)s.", len(unknown)),
                    params={"names": ", ".join(f"{{{name}}}" for name in unknown), "allowed": allowed})
            if fallback_problems(body):
                raise ValidationError(fallback_problems(body))
            raise ValidationError(_("Braces are unbalanced: every “{” needs a matching “}”, and they cannot nest."))
        return body

    def clean_shortcut(self):
        shortcut = clean_shortcut(self.cleaned_data["shortcut"])  # as at every door
        try:
            validate_shortcut(shortcut)
        except ValidationError:
            raise ValidationError(_("A shortcut is “/” followed by 2–12 letters a–z, digits or “-”, e.g. /eta."),
                                  code="invalid") from None
        return shortcut

    def clean_hotkey(self):
        hotkey = self.cleaned_data["hotkey"]
        try:
            validate_hotkey(hotkey)
        except ValidationError:
            raise ValidationError(_("A hotkey is Ctrl, Alt, Shift or Win (in that order, at least Ctrl, Alt or Win) "
                                    "plus one key A–Z, 0–9 or F1–F12, e.g. Ctrl+Alt+1."), code="invalid") from None
        return hotkey

    def content(self) -> dict:
        return {name: self.cleaned_data[name]
                for name in CONTENT_FIELDS}
