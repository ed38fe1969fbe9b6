"""The profile page's form: the phrase languages are ordered, one choice per rank."""
from django import forms
from django.conf import settings
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from accounts.models import INTERFACE_LANGUAGES

RANK_LABELS = [_("First language"), _("Second language"), _("Third language"), _("Fourth language"),
               _("Fifth language")]


def language_name(code: str) -> str:
    """A phrase language's name in the current interface language ("ru" → "Russian", «русский»…)."""
    try:
        return str(get_language_info(code)["name_translated"])
    except KeyError:
        return code


class ProfileForm(forms.Form):
    display_name = forms.CharField(
        label=_("Your name for clients"), max_length=80, required=False,
        help_text=_("Filled in for {operator_name}. Empty: your first name; without one the picker asks for "
                    "a name the first time a phrase needs it."))
    interface_language = forms.ChoiceField(
        label=_("Interface language"), required=False,
        choices=[("", _("As my browser says"))] + [(code, name) for code, name in INTERFACE_LANGUAGES])
    review_emails = forms.BooleanField(
        label=_("E-mail me when my phrases are approved or sent back"), required=False)

    def __init__(self, *args, writes_phrases: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        if not writes_phrases:
            del self.fields["review_emails"]  # only writers and reviewers have phrases to hear about
        languages = list(settings.QUICKPHRASES_LANGUAGES)
        choices = [("", _("—"))] + [(code, language_name(code)) for code in languages]
        for rank in range(len(languages)):
            label = RANK_LABELS[rank] if rank < len(RANK_LABELS) else _("Language %(n)d") % {"n": rank + 1}
            self.fields[f"phrase_language_{rank}"] = forms.ChoiceField(label=label, required=False, choices=choices)

    @property
    def phrase_language_fields(self):
        return [self[name] for name in self.fields if name.startswith("phrase_language_")]

    @classmethod
    def initial_from(cls, profile):
        initial = {"display_name": profile.display_name, "interface_language": profile.interface_language,
                   "review_emails": profile.review_emails}
        for rank, code in enumerate(profile.phrase_languages or []):
            initial[f"phrase_language_{rank}"] = code
        return initial

    def phrase_languages(self) -> list[str]:
        return [self.cleaned_data[name] for name in self.fields
                if name.startswith("phrase_language_") and self.cleaned_data.get(name)]

    def _phrase_languages_target(self) -> str:
        """The language select a phrase-languages error belongs under: the first repeated or wrong choice."""
        seen = set()
        for name in self.fields:
            if not name.startswith("phrase_language_"):
                continue
            code = self.cleaned_data.get(name)
            if code and (code in seen or code not in settings.QUICKPHRASES_LANGUAGES):
                return name
            seen.add(code)
        return "phrase_language_0"

    def add_service_errors(self, error):
        """Show a service's ValidationError beside the field it names."""
        for field, messages in error.message_dict.items():
            target = self._phrase_languages_target() if field == "phrase_languages" else field
            for message in messages:
                self.add_error(target if target in self.fields else None, message)
