"""Linking an existing library's parallel phrases into language families (`manage.py link_families`).

Two phrases in different languages are the same reply when they share a key stem
(`hold-minute-ru` / `hold-minute-en`: the key is the stem plus "-" and the phrase's language) or a
shortcut (`/min` in ru, en and pl). Stems are read first, then shortcuts; phrases already in a
family keep it and may gain the variants that match them. A group that would hold two phrases in
one language is not merged: the phrase is left unlinked with the reason.

Linking runs `LinkFamilyAction` for each phrase (history records it; an approved phrase's live
copy takes the family at once, since a family is not text a reviewer reads), one family per
transaction: a family the content rules refuse is left out whole, with the message.
"""
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.text import slugify

from phrases.errors import DomainError, PhraseValidationError
from phrases.models import Phrase, PhraseStatus
from phrases.services.actions import LinkFamilyAction


@dataclass
class FamilyPlan:
    name: str
    members: list  # [(key, language)], by language
    existing: bool = False  # the name was already a family


@dataclass
class LinkReport:
    families: list = field(default_factory=list)   # FamilyPlan, linked (or, in a dry run, to link)
    refused: list = field(default_factory=list)    # (FamilyPlan, message)
    unlinked: list = field(default_factory=list)   # (key, language, reason)
    changed: int = 0                               # phrases whose family was set
    dry_run: bool = False


def key_stem(key: str, language: str) -> str | None:
    suffix = f"-{language}"
    return key[:-len(suffix)] if language and key.endswith(suffix) and len(key) > len(suffix) else None


def plan_families(phrases) -> tuple[list[FamilyPlan], list[tuple[str, str, str]]]:
    """Families to form from `phrases` (objects with key, language, shortcut, family) and the
    phrases left unlinked with why. Pure: no database."""
    phrases = sorted(phrases, key=lambda p: p.key)
    group = {p.key: p.key for p in phrases}
    members = {p.key: [p] for p in phrases}
    names = {p.key: p.family for p in phrases}
    blocked: dict[str, str] = {}

    def root(key):
        while group[key] != key:
            key = group[key]
        return key

    # Phrases already in a family start as one group.
    by_family = {}
    for p in phrases:
        if p.family:
            by_family.setdefault(p.family, []).append(p.key)
    for keys in by_family.values():
        for key in keys[1:]:
            merge(keys[0], key, group, members, names, root, blocked)

    edges = []
    stems = {}
    for p in phrases:
        stem = key_stem(p.key, p.language)
        if stem:
            stems.setdefault(stem, []).append(p.key)
    edges += [(keys[0], key) for keys in stems.values() for key in keys[1:]]
    shortcuts = {}
    for p in phrases:
        if p.shortcut:
            shortcuts.setdefault(p.shortcut, []).append(p.key)
    edges += [(keys[0], key) for keys in shortcuts.values() for key in keys[1:]]
    for a, b in edges:
        merge(a, b, group, members, names, root, blocked)

    taken = {p.family for p in phrases if p.family}
    plans, unlinked = [], []
    for key in sorted({root(k) for k in group}):
        variants = sorted(members[key], key=lambda p: (p.language, p.key))
        if len(variants) < 2:
            p = variants[0]
            if not p.family:
                unlinked.append((p.key, p.language, blocked.get(p.key) or
                                 "no phrase in another language shares its key stem or shortcut"))
            continue
        name = names[key]
        existing = bool(name)
        if not name:
            common = {key_stem(p.key, p.language) for p in variants}
            stem = common.pop() if len(common) == 1 and None not in common else None
            shortcut = next((p.shortcut for p in variants if p.shortcut), "")
            base = slugify(stem or shortcut.lstrip("/") or variants[0].key)[:90] or "family"
            name, n = base, 2
            while name in taken:
                name, n = f"{base}-{n}", n + 1
            taken.add(name)
        plans.append(FamilyPlan(name, [(p.key, p.language) for p in variants], existing))
    return plans, unlinked


def merge(a, b, group, members, names, root, blocked):
    """Join the groups of `a` and `b` unless that puts two phrases of one language (or two named
    families) together; then note why on both phrases."""
    ra, rb = root(a), root(b)
    if ra == rb:
        return
    languages = {p.language: p.key for p in members[ra]}
    clash = next((p for p in members[rb] if p.language in languages), None)
    if clash is not None:
        why = (f"matches {{other}}, but that group already has a phrase in {clash.language} "
               f"({languages[clash.language]} and {clash.key})")
    elif names[ra] and names[rb] and names[ra] != names[rb]:
        why = f"matches {{other}}, but the two are in different families ({names[ra]}, {names[rb]})"
    else:
        group[rb] = ra
        members[ra] += members.pop(rb)
        names[ra] = names[ra] or names[rb]
        return
    blocked.setdefault(a, why.format(other=b))
    blocked.setdefault(b, why.format(other=a))


def link_families(*, actor=None, dry_run: bool = False) -> LinkReport:
    """Link the library's parallel phrases (archived ones left alone) into families."""
    phrases = list(Phrase.objects.exclude(status=PhraseStatus.ARCHIVED).only(
        "pk", "key", "language", "shortcut", "family", "revision"))
    plans, unlinked = plan_families(phrases)
    by_key = {p.key: p for p in phrases}
    report = LinkReport(unlinked=unlinked, dry_run=dry_run)
    with transaction.atomic():
        for plan in plans:
            to_link = [by_key[key] for key, _language in plan.members if by_key[key].family != plan.name]
            try:
                with transaction.atomic():
                    for phrase in to_link:
                        LinkFamilyAction(phrase, actor=actor, family=plan.name).execute()
            except (DomainError, PhraseValidationError) as error:
                report.refused.append((plan, str(error)))
                continue
            report.families.append(plan)
            report.changed += len(to_link)
        if dry_run:
            transaction.set_rollback(True)
    return report
