"""The default brand-voice rules and terms (phrases/lint/defaults.py) seeded into the database and kept
in step with the code, the way `django.contrib.sites` seeds its default: after every `migrate` (a
`post_migrate` handler, so also after `flush`) and by `manage.py sync_lint_defaults`. Migrations
hold the schema only."""
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import F

from phrases.lint import defaults
from phrases.lint.models import DefaultStamp, RuleSetting, RulesRevision, Term
from phrases.lint.ruleset import ALL_LANGUAGES, default_rows


@dataclass
class SyncReport:
    """What `sync_default_rules` did, by default's identity."""

    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    removed: list = field(default_factory=list)
    kept: list = field(default_factory=list)  # changed or retired defaults whose row a reviewer edited

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated or self.removed)


def _wanted_defaults() -> dict:
    """{(kind, language, name, pattern): values} for every default rule setting and term."""
    rules, terms = default_rows()
    wanted = {}
    for rule, language, severity, limit in rules:
        wanted[("rule", "" if language == ALL_LANGUAGES else language, rule, "")] = {
            "severity": severity, "limit": limit, "description": defaults.RULES[rule][2]}
    for language, kind, pattern, suggestion in terms:
        wanted[("term", "" if language == ALL_LANGUAGES else language, kind, pattern)] = {
            "suggestion": suggestion or ""}
    return wanted


def _rule_values(row) -> dict:
    return {"severity": row.severity, "limit": row.limit, "description": row.description}


def sync_default_rules(*, using: str = "default") -> SyncReport:
    """Bring the default rules and terms (phrases/lint/defaults.py) into the database, keeping the
    reviewers' tuning: the way `django.contrib.sites` seeds its default, after every `migrate`
    (and `flush`), and by `manage.py sync_lint_defaults`.

    Each default carries a stamp (`DefaultStamp`) of the values it was installed with:
    - a default never installed is created (a row already there, from before the stamps or made by
      a reviewer, is adopted as it stands);
    - a default whose values changed since its stamp updates its row only if the row still holds
      the stamped values, and a default that left defaults.py removes its row on the same
      condition: a row a reviewer edited or deleted stays as the reviewer left it;
    - either way the stamp moves on, so each change of a default is offered once.
    A term's identity is its pattern, so a reworded default pattern retires the old row (if
    unedited) and adds the new one. The rules revision moves when anything changed."""
    report = SyncReport()
    models = {"rule": RuleSetting, "term": Term}
    with transaction.atomic(using=using):
        wanted = _wanted_defaults()
        stamps = {(stamp.kind, stamp.language, stamp.name, stamp.pattern): stamp
                  for stamp in DefaultStamp.objects.using(using).select_for_update()}
        rows = {("rule", row.language, row.rule, ""): row for row in RuleSetting.objects.using(using)}
        rows.update({("term", row.language, row.kind, row.pattern): row for row in Term.objects.using(using)})

        def as_installed(identity, values) -> bool:
            row = rows.get(identity)
            if row is None:
                return False
            current = _rule_values(row) if identity[0] == "rule" else {"suggestion": row.suggestion}
            return current == values

        new_rows, new_stamps = [], []
        for identity, values in wanted.items():
            kind, language, name, pattern = identity
            stamp = stamps.get(identity)
            if stamp is None:
                if identity not in rows:
                    new_rows.append(RuleSetting(rule=name, language=language, **values) if kind == "rule" else
                                    Term(language=language, kind=name, pattern=pattern, **values))
                    report.created.append(identity)
                new_stamps.append(DefaultStamp(kind=kind, language=language, name=name, pattern=pattern,
                                               values=values))
            elif stamp.values != values:
                if as_installed(identity, stamp.values):
                    models[kind].objects.using(using).filter(pk=rows[identity].pk).update(**values)
                    report.updated.append(identity)
                elif identity in rows:
                    report.kept.append(identity)
                DefaultStamp.objects.using(using).filter(pk=stamp.pk).update(values=values)
        for identity, stamp in stamps.items():
            if identity in wanted:
                continue
            if as_installed(identity, stamp.values):
                models[identity[0]].objects.using(using).filter(pk=rows[identity].pk).delete()
                report.removed.append(identity)
            elif identity in rows:
                report.kept.append(identity)
            DefaultStamp.objects.using(using).filter(pk=stamp.pk).delete()
        RuleSetting.objects.using(using).bulk_create([row for row in new_rows if isinstance(row, RuleSetting)])
        Term.objects.using(using).bulk_create([row for row in new_rows if isinstance(row, Term)])
        DefaultStamp.objects.using(using).bulk_create(new_stamps)
        revision = RulesRevision.objects.using(using)
        if not revision.filter(pk=1).exists():
            revision.create(pk=1, value=1)
        elif report.changed:
            revision.filter(pk=1).update(value=F("value") + 1)
    return report
