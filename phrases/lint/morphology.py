"""Russian morphology with pymorphy3: dictionary forms and grammemes, loaded once per process.

The analyzer takes ~50 ms and ~15 MB to load, so it is built on first use (a Russian text), never
at import; every word is analysed once per process (`reading` is cached).
"""
import threading
from dataclasses import dataclass
from functools import lru_cache

_lock = threading.Lock()
_analyzer = None


def analyzer():
    global _analyzer
    if _analyzer is None:
        with _lock:
            if _analyzer is None:
                import pymorphy3

                _analyzer = pymorphy3.MorphAnalyzer(lang="ru")
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


@lru_cache(maxsize=50_000)
def reading(word: str) -> Reading:
    parses = analyzer().parse(word.lower())
    if not parses:
        return Reading(word.lower(), False, False, False, True)
    verbs = [p for p in parses if p.tag.POS in ("VERB", "INFN")]
    lemma = parses[0].normal_form
    if parses[0].tag.POS in ("ADJF", "ADJS"):
        # «потерян», «повреждена»: read as the verb's participle, so «потерять» finds the passive.
        participle = next((p for p in parses if p.tag.POS in ("PRTF", "PRTS")), None)
        if participle is not None:
            lemma = participle.normal_form
    return Reading(
        lemma=lemma,
        imperative=any("impr" in p.tag for p in verbs),
        infinitive=parses[0].tag.POS == "INFN",
        first_person=bool(verbs) and all("1per" in p.tag for p in verbs),
        can_be_subject=any(p.tag.case in ("nomn", "ablt") or p.tag.case is None for p in parses),
        impersonal=any(p.tag.POS == "VERB" and "plur" in p.tag and ("past" in p.tag or "3per" in p.tag) for p in verbs),
        non_past=any(p.tag.POS == "VERB" for p in verbs) and not any("past" in p.tag for p in verbs),
        finished_past=parses[0].tag.POS == "VERB" and "past" in parses[0].tag and "perf" in parses[0].tag,
    )


@lru_cache(maxsize=50_000)
def parses(word: str) -> tuple:
    """Every reading of a Russian word as (part of speech, case, number, tag string), cached: the legal and
    slang rules ask the same few words many times in a long text."""
    return tuple((p.tag.POS, p.tag.case, p.tag.number, str(p.tag)) for p in analyzer().parse(word.lower()))
