"""Brand-voice rules as data that reviewers tune in the admin (effective within a second)."""
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from phrases.lint.defaults import RULES
from phrases.lint.findings import SEVERITIES

RULE_CHOICES = [(rule, rule) for rule in RULES]
SEVERITY_LABELS = {"error": _("error"), "warning": _("warning"), "off": _("off")}
SEVERITY_CHOICES = [(s, SEVERITY_LABELS.get(s, s)) for s in SEVERITIES]
LANGUAGE_HELP = _("BCP 47 primary tag such as 'ru', or blank for every language.")


class RulesRevision(models.Model):
    """A counter bumped by every rule change: the processes' cue to reload."""

    value = models.BigIntegerField(default=1)

    def __str__(self):
        return f"rules revision {self.value}"

    @classmethod
    def current(cls):
        return cls.objects.filter(pk=1).values_list("value", flat=True).first()

    @classmethod
    def bump(cls):
        updated = cls.objects.filter(pk=1).update(value=models.F("value") + 1)
        if not updated:
            cls.objects.create(pk=1, value=2)


class RuleSetting(models.Model):
    rule = models.CharField(max_length=40, choices=RULE_CHOICES, verbose_name=_("rule"))
    language = models.CharField(max_length=8, blank=True, help_text=LANGUAGE_HELP, verbose_name=_("language"))
    severity = models.CharField(max_length=8, choices=SEVERITY_CHOICES, verbose_name=_("severity"),
                                help_text=_("error blocks approval; warning needs the reviewer's acknowledgement"))
    limit = models.PositiveIntegerField(null=True, blank=True, verbose_name=_("limit"),
                                        help_text=_("emoji, exclamation marks, characters, or letters in a capitals "
                                                    "word"))
    description = models.TextField(blank=True, verbose_name=_("description"))

    class Meta:
        ordering = ["rule", "language"]
        verbose_name = _("rule setting")
        verbose_name_plural = _("rule settings")
        constraints = [models.UniqueConstraint(fields=["rule", "language"], name="lint_rule_per_language")]

    def __str__(self):
        return f"{self.rule} [{self.language or 'all'}]: {self.severity}"


class Term(models.Model):
    class Kind(models.TextChoices):
        ABBREVIATION = "abbreviation", _("banned abbreviation")
        SLANG = "slang", _("slang")
        DONT_KNOW = "dont-know", _("“I don't know”")
        REDIRECT = "redirect", _("redirect by itself (a whole phrase)")
        LEGAL = "legal", _("legal reference")
        BLAME = "blame", _("blame by itself (disowning, or a fault named after a third party)")
        CLICHE = "cliche", _("cliché")
        ACRONYM = "acronym", _("allowed acronym (all-caps exception)")
        # The parts the blame and redirect rules assemble a sentence from.
        THIRD_PARTY = "third-party", _("blame: third party (courier, bank, colleague…)")
        FAULT = "fault", _("blame: fault when a third party does it (lost, mixed up…)")
        DISOWN = "disown", _("blame: disowning next to a third party (nothing we can do…)")
        REQUEST = "request", _("redirect: request word (please, you need to…)")
        CALL = "call", _("redirect: call or e-mail verb (another channel by itself)")
        CONTACT = "contact", _("redirect: contact verb (write, contact, ask) needing a channel")
        VISIT = "visit", _("redirect: visit verb (come, bring) needing a place")
        CHANNEL = "channel", _("redirect: channel (phone, e-mail, hotline)")
        VENUE = "venue", _("redirect: place (office, shop, branch, service centre)")
        CHAT = "chat", _("redirect: this chat (here, in the chat)")

    language = models.CharField(max_length=8, blank=True, help_text=LANGUAGE_HELP, verbose_name=_("language"))
    kind = models.CharField(max_length=16, choices=Kind.choices, verbose_name=_("kind"))
    pattern = models.CharField(
        max_length=500, verbose_name=_("pattern"),
        help_text="Case-insensitive regular expression matched as whole words, e.g. 'спс' or "
                  "'не\\s+знаю'; Russian terms also match dictionary forms ('потерять' finds «потеряли»); "
                  "'{third-party}' stands for every third-party term. Acronyms: words separated by '|'.")
    suggestion = models.CharField(max_length=200, blank=True, help_text=_("What to write instead, if anything"),
                                  verbose_name=_("suggestion"))

    class Meta:
        ordering = ["language", "kind", "pattern"]
        verbose_name = _("term")
        verbose_name_plural = _("terms")
        constraints = [models.UniqueConstraint(fields=["language", "kind", "pattern"], name="lint_term_unique")]

    def __str__(self):
        return f"{self.kind} [{self.language or 'all'}]: {self.pattern}"

    def clean(self):
        from phrases.lint.patterns import UnsafePattern, check_stored_pattern

        if self.kind == self.Kind.ACRONYM:
            return  # words separated by "|", never run as a regular expression
        try:
            check_stored_pattern(self.pattern)
        except UnsafePattern as error:
            text = gettext(error.message_id)
            raise ValidationError({"pattern": text % error.params if error.params else text}) from None


class TeamWord(models.Model):
    """Product and brand names the spelling rule must accept."""

    word = models.CharField(max_length=80, unique=True, verbose_name=_("word"))
    note = models.CharField(max_length=200, blank=True, verbose_name=_("note"))

    class Meta:
        ordering = ["word"]
        verbose_name = _("team word")
        verbose_name_plural = _("team words")

    def __str__(self):
        return self.word


class DefaultStamp(models.Model):
    """What the defaults' sync (`ruleset.sync_default_rules`) last installed for one default rule
    setting or term: a changed default reaches a row still as installed, once, and never a row a
    reviewer edited or deleted. `kind` is "rule" or "term"; `name` the rule id or the term's kind;
    `pattern` the term's pattern ("" for a rule); `values` the other fields as installed."""

    kind = models.CharField(max_length=8)
    language = models.CharField(max_length=8, blank=True)
    name = models.CharField(max_length=40)
    pattern = models.CharField(max_length=500, blank=True)
    values = models.JSONField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kind", "language", "name", "pattern"],
                                               name="lint_default_stamp_unique")]

    def __str__(self):
        return f"default {self.kind} {self.name} [{self.language or 'all'}] {self.pattern}".rstrip()
