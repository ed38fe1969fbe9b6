"""Russian morphology with pymorphy3: dictionary forms and grammemes, loaded once per process.

The analyzer takes ~50 ms and ~15 MB to load, so it is built on first use (a Russian text) or by the
gunicorn master's preload (`engine.preload`), never at import; every word is analysed once per process
(`reading` is cached). What `reading` asks of a grammatical tag is read once per tag, from a table built
with the analyzer (`_TAG_FACTS`): a word's first reading then costs pymorphy3's parse and a few look-ups,
not a dozen grammeme tests per parse.
"""
import threading
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from phrases.lint.text import LONGEST_WORD

_lock = threading.Lock()
_analyzer = None


class _TagFacts(NamedTuple):
    """What `reading` needs of one pymorphy3 tag."""

    pos: str | None
    verb: bool          # VERB or INFN
    imperative: bool
    first_person: bool
    can_be_subject: bool  # nominative, instrumental, or no case
    impersonal: bool    # a plural verb in the past or 3rd person
    past: bool
    finished_past: bool  # a perfective past-tense verb


def _facts_of(tag) -> _TagFacts:
    pos = tag.POS
    return _TagFacts(
        pos=None if pos is None else str(pos),
        verb=pos in ("VERB", "INFN"),
        imperative="impr" in tag,
        first_person="1per" in tag,
        can_be_subject=tag.case in ("nomn", "ablt") or tag.case is None,
        impersonal=pos == "VERB" and "plur" in tag and ("past" in tag or "3per" in tag),
        past="past" in tag,
        finished_past=pos == "VERB" and "past" in tag and "perf" in tag,
    )


_TAG_FACTS: dict = {}  # tag -> _TagFacts: every tag of the dictionary, built with the analyzer


def _tag_facts(tag) -> _TagFacts:
    facts = _TAG_FACTS.get(tag)
    if facts is None:  # a tag made for an unknown word's shape (numbers, Latin, punctuation)
        facts = _TAG_FACTS[tag] = _facts_of(tag)
    return facts


def analyzer():
    global _analyzer
    if _analyzer is None:
        with _lock:
            if _analyzer is None:
                import pymorphy3

                loaded = pymorphy3.MorphAnalyzer(lang="ru")
                _TAG_FACTS.update((tag, _facts_of(tag)) for tag in loaded.dictionary.gramtab)
                _analyzer = loaded
    return _analyzer


@dataclass(frozen=True)
class Reading:
    """What the linter needs to know about one Russian word form."""

    lemma: str
    imperative: bool      # some reading is the imperative mood («напишите», «позвоните»)
    infinitive: bool      # «позвонить», «обратиться»
    first_person: bool    # every verb reading is 1st person («перепутаем»)
    can_be_subject: bool  # some reading is nominative, or instrumental (the agent of a passive)
    impersonal: bool = False  # a plural verb that may have no subject («повредили», «потеряли»)
    non_past: bool = False    # a verb with no past-tense reading («отгрузит», «найдёт»): a plan, not a fact
    finished_past: bool = False  # a perfective past-tense verb («потерял», «не успел»): a job done or not
    agent_noun: bool = False  # a person named by the job («доставщик», «сортировщик»), not the client («заказчик»)
    plural_subject: bool = False  # a plural noun or pronoun in the nominative («деньги», «вы»): a plural verb's subject


# Agent nouns that name the client, not a third party.
CLIENTS = {"заказчик", "заказчица", "получатель"}


@lru_cache(maxsize=50_000)
def reading(word: str) -> Reading:
    parses = _analysed(word)
    if not parses:
        return Reading(word.lower(), False, False, False, True)
    facts = [_tag_facts(p.tag) for p in parses]
    verbs = [f for f in facts if f.verb]
    first = facts[0]
    lemma = lemma_of_first = parses[0].normal_form
    if first.pos in ("ADJF", "ADJS"):
        # «потерян», «повреждена»: read as the verb's participle, so «потерять» finds the passive.
        participle = next((p for p, f in zip(parses, facts) if f.pos in ("PRTF", "PRTS")), None)
        if participle is not None:
            lemma = participle.normal_form
    return Reading(
        lemma=lemma,
        imperative=any(f.imperative for f in verbs),
        infinitive=first.pos == "INFN",
        first_person=bool(verbs) and all(f.first_person for f in verbs),
        can_be_subject=any(f.can_be_subject for f in facts),
        impersonal=any(f.impersonal for f in verbs),
        non_past=any(f.pos == "VERB" for f in verbs) and not any(f.past for f in verbs),
        finished_past=first.finished_past,
        # Cheapest test first: the noun's dictionary form, then its readings' tags.
        agent_noun=lemma_of_first.endswith(("щик", "чик", "щица", "чица")) and first.pos == "NOUN" and
        lemma_of_first not in CLIENTS and all("anim" in p.tag for p in parses if p.tag.POS == "NOUN"),
        plural_subject=first.pos in ("NOUN", "NPRO") and "Abbr" not in parses[0].tag and
        any(p.tag.POS in ("NOUN", "NPRO") and p.tag.case == "nomn" and p.tag.number == "plur" for p in parses),
    )


@lru_cache(maxsize=50_000)
def parses(word: str) -> tuple:
    """Every reading of a Russian word as (part of speech, case, number, tag string), cached: the legal and
    slang rules ask the same few words many times in a long text."""
    return tuple((p.tag.POS, p.tag.case, p.tag.number, str(p.tag)) for p in _analysed(word))


def _analysed(word: str) -> list:
    """pymorphy3's readings of a word; none for one longer than any dictionary word (see `LONGEST_WORD`)."""
    return analyzer().parse(word.lower()) if len(word) <= LONGEST_WORD else []
