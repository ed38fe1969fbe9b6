"""The reviewers' decisions as forms: what each POST may carry, with errors that name the field."""
from django import forms
from django.utils.translation import gettext_lazy as _

from phrases.validation import DB_INTEGER_MAX

APPROVE, APPROVE_OVER_WARNINGS, REJECT = "approve", "approve_over_warnings", "reject"


class DecisionForm(forms.Form):
    """One decision on one phrase in the queue, against the revision the reviewer saw."""

    action = forms.ChoiceField(label=_("Decision"), choices=[
        (APPROVE, _("Approve")), (APPROVE_OVER_WARNINGS, _("Approve over warnings")), (REJECT, _("Reject"))])
    revision = forms.IntegerField(label=_("Revision"), min_value=1, max_value=DB_INTEGER_MAX)
    comment = forms.CharField(label=_("Comment for the writer"), required=False, max_length=2000,
                              widget=forms.Textarea(attrs={"rows": 3}))

    def clean(self):
        data = super().clean()
        if data.get("action") == REJECT and not (data.get("comment") or "").strip():
            self.add_error("comment", _("Please tell the writer what to change: a rejection needs a comment."))
        return data


class DismissForm(forms.Form):
    """A reviewer overrules one finding (its rule and span in the text they saw), with a reason.

    `finding` is "rule:start:end", as the queue lists the findings."""

    finding = forms.RegexField(label=_("Finding"), regex=r"^[a-z][a-z-]{0,39}:\d{1,5}:\d{1,5}$",
                               error_messages={"invalid": _("Please choose one of the findings listed.")})
    revision = forms.IntegerField(label=_("Revision"), min_value=1, max_value=DB_INTEGER_MAX)
    reason = forms.CharField(label=_("Why does it not apply here?"), max_length=1000,
                             error_messages={"required": _("Please say why the finding does not apply: "
                                                           "the reason is kept in the history.")})

    def clean(self):
        data = super().clean()
        if data.get("finding"):
            rule, start, end = data["finding"].split(":")
            data.update(rule=rule, start=int(start), end=int(end))
        return data


class RestoreForm(forms.Form):
    """Restore one version of a phrase (optionally publishing it), against the revision seen."""

    version = forms.IntegerField(label=_("Version"), min_value=1, max_value=DB_INTEGER_MAX)
    revision = forms.IntegerField(label=_("Revision"), min_value=1, max_value=DB_INTEGER_MAX)
    publish = forms.BooleanField(label=_("Publish"), required=False)
    acknowledge_warnings = forms.BooleanField(label=_("Accept the warnings"), required=False)
    confirmed = forms.BooleanField(label=_("Confirmed"), required=False)


class ConfirmForm(forms.Form):
    """"Reviewed, still right" for a live phrase, against the revision seen."""

    revision = forms.IntegerField(label=_("Revision"), min_value=1, max_value=DB_INTEGER_MAX)


class CompareForm(forms.Form):
    """Two versions of one phrase to compare: `a` (older side) and `b`."""

    a = forms.TypedChoiceField(label=_("Compare version"), coerce=int)
    b = forms.TypedChoiceField(label=_("with version"), coerce=int)

    def __init__(self, *args, versions=(), **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(str(v.history_id), label) for v, label in versions]
        self.fields["a"].choices = choices
        self.fields["b"].choices = choices
