"""Legal reference: is a rule source cited as the authority for what the operator says?

A rule source is a law, an article, clause or point, a regulation, the terms, a policy, the offer or the
company's rules («закон», «статья», «п.», «регламент», «оферта»; "law", "clause", "policy", "terms";
«ustawa», «art.», «regulamin», «przepisy»). It is cited when
- an authority marker introduces it: "according to", "as per", "under", "in accordance with", "by (law)",
  "against (our policy)"; «согласно», «в соответствии с», «по», «на основании», «как указано в»,
  «требование (закона)»; «zgodnie z», «na mocy», «na podstawie», «wg», «według», «w myśl»;
- it is the subject of a verb of authority: it says, states, requires, allows, forbids… ("our policy says",
  «регламент не позволяет», «tak stanowi regulamin»), or "our policy is that…";
- it is a numbered article, section or point of a rule source («статья 25 закона», "Article 10 of the Act").
A document the client signs or receives (contract, agreement; «договор»; «umowa») is cited only in the same
roles, and never when it merely needs something: "the contract requires your signature", «договор требует
Вашей подписи», «umowa wymaga podpisu» state a fact about the document. "Rules" of a game, a promotion or good
manners («правила игры», «по правилам хорошего тона», «zasady promocji») and an instruction manual are not the
company's rules unless the company owns them. A numbered part of something else ("Section 3 of the manual")
cites nothing. Pure: no Django.
"""

import re
from functools import lru_cache

# Rule sources. Russian is read by lemma (pymorphy3), English by the word, Polish by the word's beginning.
SOURCES = {
    "ru": {"закон", "законодательство", "статья", "пункт", "п", "параграф", "регламент", "оферта", "кодекс", "гк",
           "фз", "зозпп", "ст", "политика", "положение", "норма", "устав", "постановление", "предписание", "регулирование"},
    "en": {"law", "laws", "legislation", "act", "article", "articles", "section", "sections", "clause", "clauses",
           "paragraph", "regulation", "regulations", "statute", "statutes", "directive", "policy", "policies",
           "t", "tcs", "t&cs", "gdpr", "terms", "procedure", "procedures", "§"},
    "pl": ("ustaw", "prawa", "prawem", "prawo", "przepis", "regulamin", "polityk", "procedur", "kodeks", "owu",
           "artykuł", "artykul", "paragraf", "ustęp", "ustep", "rozporządz", "rozporzadz", "punkt",
           "dyrektyw", "rodo", "warunk", "regulacj", "normy", "normami", "normą", "normie", "normach"),
}
# Polish words read by their beginning, and the words that begin so but name something else: settings
# («ustawienia»), a receipt («paragon»), goods («artykuły spożywcze»), a driving licence («prawo jazdy» is
# caught by the word after it).
PL_EXACT = {"art", "par", "pkt", "ust", "§"}
PL_NOT = ("ustawien", "ustawic", "ustawić", "ustawia", "ustawił", "ustawil", "ustawion", "przepisa", "przepisz",
          "paragon", "prawdziw", "prawd", "punktual", "punkty", "artykuły", "artykuly", "normaln")
# Sources that are only the company's own when something says so: rules, conditions and instructions (of a
# game, a promotion, a device) are not regulations unless they are the company's or internal.
WEAK = {
    "ru": {"правило", "условие", "инструкция", "требование", "процедура"},
    "en": {"rule", "rules", "conditions", "instructions", "instruction", "guidelines"},
    "pl": ("zasad", "instrukcj"),
}
# Documents the client signs or receives.
DOCUMENTS = {"ru": {"договор", "соглашение", "контракт"}, "en": {"contract", "agreement", "agreements", "contracts", "offer"},
             "pl": ("umow", "umów", "kontrakt")}
# What makes a weak source the company's: its owner or "internal" next to it.
OWNERS = {
    "ru": ("наш", "внутренн", "компани", "магазин", "сервис", "фирм", "банк", "продаж", "возврат", "обслуживан",
           "оферт", "договор", "сайт", "площадк", "служебн", "корпоративн", "действующ", "установлен", "торговл",
           "перевоз", "эксплуатац", "гаранти", "закон"),
    "en": ("our", "internal", "company", "company's", "store", "store's", "shop", "firm", "sale", "sales", "service",
           "use", "return", "returns", "house", "carriage", "warranty", "refund", "gdpr", "legal", "statutory",
           "consumer", "contract", "contractual"),
    "pl": ("nasz", "wewnętrzn", "wewnetrzn", "firm", "sklep", "sprzedaż", "sprzedaz", "zwrot", "serwis", "regulamin",
           "umow", "gwarancj", "spółk", "spolk", "obowiązując", "obowiazujac", "prawn", "ustaw"),
}
NUMBERED = {"ru": {"статья", "ст", "пункт", "п", "раздел", "часть", "ч", "параграф", "подпункт", "пп"},
            "en": {"article", "section", "clause", "paragraph", "§", "point", "art"},
            "pl": ("artykuł", "artykul", "art", "paragraf", "par", "punkt", "pkt", "ust", "ustęp", "ustep", "rozdział",
                   "rozdzial")}
# Authority markers: token sequences that introduce the source cited (each word a word or a prefix for Polish).
MARKERS = {
    "ru": [("согласно",), ("в", "соответствии", "с"), ("в", "соответствии", "со"), ("по",), ("на", "основании"),
           ("указано", "в"), ("прописано", "в"), ("сказано", "в"), ("написано", "в"), ("предусмотрено", "в"),
           ("закреплено", "в"), ("оговорено", "в"), ("установлено", "в"), ("требование",), ("требования",),
           ("требованиям",), ("требованиями",), ("нарушение",), ("противоречит",), ("руководствуемся",),
           ("руководствуясь",), ("исходя", "из"), ("в", "силу"), ("таковы",), ("таков",),
           ("такова",)],
    "en": [("according", "to"), ("as", "per"), ("per",), ("under",), ("pursuant", "to"), ("in", "accordance", "with"),
           ("in", "line", "with"), ("in", "compliance", "with"), ("against",), ("as", "stated", "in"),
           ("as", "set", "out", "in"), ("as", "specified", "in"), ("as", "stipulated", "in"), ("as", "outlined", "in"),
           ("as", "defined", "in"), ("as", "laid", "down", "in"), ("governed", "by"), ("required", "by"),
           ("as", "required", "by"), ("by",), ("stipulated", "in"), ("breach", "of"), ("violation", "of")],
    "pl": [("zgodnie", "z"), ("na", "mocy"), ("na", "podstawie"), ("wg",), ("według",), ("wedlug",), ("wedle",),
           ("w", "myśl"), ("w", "mysl"), ("w", "świetle"), ("w", "swietle"), ("wynika", "z"), ("wynikają", "z"),
           ("wymóg",), ("wymogi",), ("wymogów",), ("wymagania",), ("niezgodne", "z"), ("sprzeczne", "z"),
           ("określono", "w"), ("zapisano", "w"), ("napisano", "w"), ("przewidziano", "w"),
           # «Taka jest polityka firmy», «Takie są zasady sklepu»: the source named as why it is so.
           ("taka", "jest"), ("taki", "jest"), ("takie", "są"), ("takie", "sa"), ("tak", "mówi"), ("tak", "mowi")],
}
# After "by", only a law is cited ("by law", "by statute"); "by Monday" cites nothing.
BY_ONLY = {"law", "laws", "statute", "legislation", "regulation", "regulations"}
# How far after a marker its source may stand: «по условиям публичной оферты», "under our store's returns policy".
REACH = 4
# Verbs of authority with a rule source as their subject (third person).
VERBS = {
    "ru": {"гласить", "требовать", "запрещать", "запретить", "разрешать", "разрешить", "позволять", "позволить",
           "предусматривать", "предусмотреть", "обязывать", "обязать", "устанавливать", "предписывать", "допускать",
           "говорить", "определять", "ограничивать", "исключать"},
    "en": {"says", "say", "states", "state", "stipulates", "stipulate", "requires", "require", "provides", "provide",
           "allows", "allow", "permits", "permit", "forbids", "forbid", "prohibits", "prohibit", "prevents",
           "prevent", "obliges", "oblige", "mandates", "mandate", "dictates", "dictate", "specifies", "specify",
           "let", "lets", "bars", "bar", "restricts", "restrict", "excludes", "exclude", "demands", "demand"},
    "pl": {"stanowi", "stanowią", "mówi", "mówią", "mowi", "mowia", "wymaga", "wymagają", "wymagaja", "zabrania",
           "zabraniają", "zabraniaja", "pozwala", "pozwalają", "pozwalaja", "przewiduje", "przewidują", "przewiduja",
           "nakazuje", "nakazują", "nakazuja", "zobowiązuje", "zobowiazuje", "zobowiązują", "dopuszcza", "dopuszczają",
           "określa", "okresla", "określają", "zakazuje", "zakazują", "wyklucza", "wykluczają", "ogranicza"},
}
# «предусмотрено законом», «запрещено правилами»: the source as the agent of a short passive participle.
PASSIVE_RU = {"предусмотреть", "запретить", "установить", "определить", "закрепить", "регламентировать", "разрешить",
              "ограничить", "предписать"}
# A requirement that is a thing to provide ("requires your signature") is a fact about a document; what the
# client or we must do (a that-clause, "to", an infinitive) is a rule.
REQUIRING = {"ru": {"требовать"}, "en": {"requires", "require", "needs", "need", "demands", "demand"},
             "pl": {"wymaga", "wymagają", "wymagaja"}}
RULE_FOLLOWS = {"ru": {"чтобы", "что"}, "en": {"that", "to"}, "pl": {"aby", "by", "żeby", "zeby", "abyśmy", "abysmy",
                                                                   "że", "ze", "byśmy", "żebyśmy"}}
# The client's own document ("your insurance policy") is not the company's rule.
CLIENTS = {"ru": ("ваш",), "en": ("your",), "pl": ("pana", "pani", "państwa", "panstwa", "twoj", "twój")}
COPULA_THAT = {"en": ("is", "that"), "ru": (), "pl": ()}


# Every word (Polish: every first three letters) a source, a document or a numbered part can be: one set
# lookup per word of a text before anything else is read.
HEADS = {language: {word[:3] if language == "pl" else word
                    for vocabulary in (SOURCES, WEAK, DOCUMENTS, NUMBERED) for word in vocabulary[language]}
         | ({"pra"} if language == "pl" else set()) for language in SOURCES}


@lru_cache(maxsize=64)
def _prefixes(vocabulary):
    """The Polish words read by their beginning («ustaw…»), without the short ones read whole («ust.», «art.»)."""
    return tuple(word for word in vocabulary if word not in PL_EXACT)


def _word(token, language):
    return token.lemma if language == "ru" else token.lower


def _is(word, vocabulary, language) -> bool:
    if language == "pl" and isinstance(vocabulary, tuple):
        if word in PL_EXACT:
            return word in vocabulary
        return word.startswith(_prefixes(vocabulary)) and not word.startswith(PL_NOT)
    return word in vocabulary


def _owned(tokens, index, language) -> bool:
    """Whether a weak source at `index` is the company's: an owner word right before or after it, in its clause."""
    clause = tokens[index].clause
    near = [tok for tok in tokens[max(index - 2, 0):index + 3] if tok.clause == clause and tok is not tokens[index]]
    owners = OWNERS[language]
    if language == "en":
        return any(tok.lower in owners for tok in near)
    return any(_word(tok, language).startswith(owners) or tok.lower.startswith(owners) for tok in near)


def _of_something_else(tokens, index, language) -> bool:
    """"Section 3 of the manual", «правила игры»: the source's own of-phrase or genitive names no rule source."""
    clause = tokens[index].clause
    following = [tok for tok in tokens[index + 1:index + 9] if tok.clause == clause and not tok.lower.isdigit()]
    if language == "en":
        if not following or following[0].lower != "of":
            return False
        named = [tok for tok in following[1:5] if tok.lower not in ("the", "a", "our", "this", "its")][:3]
        return bool(named) and not any(_source_word(named, i, language) for i in range(len(named)))
    if language == "pl" and len(following) > 1 and _source_word(following, 1, language):
        return False  # «paragrafu 12 ogólnych warunków»: an adjective before the source
    if not following:
        return False
    word = _word(following[0], language)
    if following[0].lower in VERBS[language] or word in VERBS[language] or following[0].lower in RULE_FOLLOWS[language]:
        return False
    if language == "ru":
        from phrases.lint.morphology import parses

        if not any(case == "gent" and pos in ("NOUN", "ADJF") for pos, case, _, _ in parses(following[0].lower)):
            return False  # no genitive after it: nothing else it belongs to
    if language == "ru" and following[0].lower in ("и", "в", "на", "о", "с", "по", "для", "не", "мы"):
        return False
    if language == "pl" and following[0].lower in ("i", "w", "na", "o", "z", "nie", "do", "dla", "sklep"):
        return False
    return not (_is(word, SOURCES[language], language) or _is(word, DOCUMENTS[language], language)
                or _is(word, WEAK[language], language)
                or _word(following[0], language).startswith(OWNERS[language])
                or following[0].lower.startswith(OWNERS[language]))


def _source_word(tokens, index, language, strict=True) -> str:
    """'source', 'document', 'weak' or '' for the word at `index`."""
    word = _word(tokens[index], language)
    if _is(word, NUMBERED[language], language):
        # A numbered part («пункт 4.2», "Section 12", «art. 27») is a rule source by its number: «пункт
        # выдачи», "the article about laptops", «punkt odbioru» are not.
        following = tokens[index + 1:index + 3]
        numbered = following and following[0].lower[:1].isdigit() and following[0].sentence == tokens[index].sentence
        if not numbered and not any(_is(_word(tok, language), SOURCES[language], language) and
                                    not _is(_word(tok, language), NUMBERED[language], language)
                                    for tok in following if tok.clause == tokens[index].clause):
            return ""  # «статьёй закона» is a part of a law all the same
    if language == "pl" and word.startswith(("prawa", "prawo")) and index + 1 < len(tokens) and \
            tokens[index + 1].lower == "jazdy":
        return ""  # «prawo jazdy»: a driving licence
    if _is(word, SOURCES[language], language):
        if language == "pl" and word.startswith("przepis") and index + 1 < len(tokens) and tokens[index + 1].lower == "na":
            return ""  # «przepis na ciasto»: a recipe
        if language == "pl" and word.startswith("prawo") and word != "prawo":
            return ""  # «prawodawca»? keep to the word itself
        return "source"
    if _is(word, DOCUMENTS[language], language):
        return "document"
    if _is(word, WEAK[language], language):
        return "weak"
    return ""


def _clients_own(tokens, index, language) -> bool:
    """"your policy", "your insurance policy", «Ваш договор»: the client's own document."""
    return any(tokens[i].clause == tokens[index].clause and _word(tokens[i], language).startswith(CLIENTS[language])
               for i in range(max(index - 2, 0), index))


def _cited_source(tokens, index, language):
    """The kind of rule source at `index` when it is one the company answers by, else ''."""
    kind = _source_word(tokens, index, language)
    if not kind:
        return ""
    if _clients_own(tokens, index, language):
        return ""  # "your insurance policy", «Ваш договор»: the client's own document
    if kind == "weak" and (not _owned(tokens, index, language) or _of_something_else(tokens, index, language)):
        return ""
    if _is(_word(tokens[index], language), NUMBERED[language], language) and _of_something_else(tokens, index, language):
        return ""  # "Section 3 of the manual"
    return kind


# The first words of the markers: a position is tried only where one of them stands.
MARKER_FIRSTS = {language: {marker[0] for marker in markers} for language, markers in MARKERS.items()}


def _markers_at(tokens, index, language):
    """Length of an authority marker starting at `index`, or 0."""
    if tokens[index].lower not in MARKER_FIRSTS[language]:
        return 0
    for marker in MARKERS[language]:
        end = index + len(marker)
        if end > len(tokens):
            continue
        if all(tokens[index + k].lower == word and tokens[index + k].clause == tokens[index].clause
               for k, word in enumerate(marker)):
            return len(marker)
    return 0


def _requires_a_thing(tokens, verb, language) -> bool:
    """"requires your signature": the verb of requiring followed by a thing, not by what must be done."""
    word = _word(tokens[verb], language)
    if word not in REQUIRING[language]:
        return False
    sentence = tokens[verb].sentence
    following = [tok for tok in tokens[verb + 1:verb + 4] if tok.sentence == sentence]
    if any(tok.lower in RULE_FOLLOWS[language] for tok in following):
        return False
    if language == "ru":
        from phrases.lint.morphology import reading

        return not any(reading(tok.lower).infinitive for tok in following)
    if language == "pl":
        return not any(tok.lower.endswith(("ć", "c")) for tok in following)
    return True


def citations(clauses, language, check_time=lambda: None):
    """[(start, end)] of each rule source cited as the authority for what is said, and [(start, end)] of each
    document or numbered part named as a plain thing (where a term read alone would be wrong)."""
    if language not in SOURCES:
        return [], []
    tokens = clauses.tokens
    cited, plain = [], []
    heads = HEADS[language]
    for index, token in enumerate(tokens):
        if not index & 63:
            check_time()
        word = token.lemma if language == "ru" else token.lower
        if (word[:3] if language == "pl" else word) not in heads:
            continue  # most words: no source, document or numbered part begins so
        kind = _source_word(tokens, index, language)
        if not kind:
            if _looks_like_a_source(tokens, index, language):
                plain.append((token.start, token.end))  # «ustawienia», «пункт выдачи», «prawo jazdy»
            continue
        if kind == "document" and index + 1 < len(tokens) and (
                tokens[index + 1].lower[:1].isdigit() or tokens[index + 1].lower in ("№", "nr", "no", "number", "номер")):
            continue  # «оплата по договору № 4521», "contract 4521": a document named by its number
        if kind == "document" and token.lower == "offer" and not any(
                _markers_at(tokens, i, language) for i in range(max(index - REACH, 0), index)):
            continue  # "the offer says 20% off": a promotion, unless cited by a marker
        own = _cited_source(tokens, index, language)
        if not own:
            if _is(_word(token, language), NUMBERED[language], language) and _of_something_else(tokens, index, language) \
                    or kind != "weak" and _clients_own(tokens, index, language):
                plain.append((token.start, token.end))
            continue
        clause = token.clause
        # 1. An authority marker before it, within its clause.
        reach = [i for i in range(max(index - REACH - 3, 0), index) if tokens[i].clause == clause]
        marked = None
        for i in reach:
            length = _markers_at(tokens, i, language)
            if not length or index - (i + length) > REACH - 1 or i + length > index:
                continue
            if language == "en" and tokens[i].lower == "by" and (length != 1 or token.lower not in BY_ONLY
                                                                  or index != i + 1):
                continue
            if language == "ru" and tokens[i].lower == "по" and index - i > 3:
                continue  # «по» is a marker for the source right after it («по правилам», «по условиям оферты»)
            marked = i
            break
        if marked is not None:
            cited.append((tokens[marked].start, token.end))
            continue
        # 2. The source as the subject of a verb of authority, in its clause.
        verb = _authority_verb(tokens, index, clauses.clause_range[clause], language)
        if verb is not None:
            if kind == "document" and _requires_a_thing(tokens, verb, language):
                plain.append((min(token.start, tokens[verb].start), max(token.end, tokens[verb].end)))
                continue
            cited.append((min(token.start, tokens[verb].start), max(token.end, tokens[verb].end)))
            continue
        # 3. "our policy is that …"
        if language == "en" and tokens[index + 1:index + 3] and [t.lower for t in tokens[index + 1:index + 3]] == ["is", "that"]:
            cited.append((token.start, tokens[index + 2].end))
            continue
        # 3b. "It's company policy", "That's our policy": the source as what the refusal is.
        if language == "en" and token.lower in REASONS and _named_as_the_reason(tokens, index):
            cited.append((token.start, token.end))
            continue
        # 4. A numbered part of a rule source: «статья 25 закона», "Article 10 of the Act", «art. 556 Kodeksu».
        if _is(_word(token, language), NUMBERED[language], language) and kind == "source":
            following = tokens[index + 1:index + 2]
            if following and following[0].lower[:1].isdigit() and (
                    _part_of_source(tokens, index, language) or _subpoint(clauses.prose, following[0])):
                cited.append((token.start, following[0].end))
    return cited, plain


def _looks_like_a_source(tokens, index, language) -> bool:
    """A word a legal term would take for a source that the sentence shows is something else."""
    word = _word(tokens[index], language)
    if language == "pl":
        return word.startswith(SOURCES["pl"]) and word not in PL_EXACT or word.startswith(("prawa", "prawo"))
    return word in NUMBERED[language] or word in SOURCES[language]


def _part_of_source(tokens, index, language) -> bool:
    clause = tokens[index].clause
    after = [i for i in range(index + 1, min(index + 7, len(tokens))) if tokens[i].clause == clause
             and not tokens[i].lower[:1].isdigit()]
    if language == "pl" and _word(tokens[index], language) in ("art", "§"):
        return True  # «art. 27», «§ 5»: only laws and regulations are numbered so
    return any(_source_word(tokens, i, language) in ("source", "document") and not
               _is(_word(tokens[i], language), NUMBERED[language], language) for i in after[:3])


def _authority_verb(tokens, index, clauses_range, language):
    """Index of a verb of authority whose subject is the source at `index`, else None."""
    # Only the few words around the source are read, so a long clause of sources stays linear.
    first, past = clauses_range
    first, past = max(first, index - 5), min(past, index + 6)
    verbs = VERBS[language]
    if language == "en":
        # Subject before its verb, a few words apart: "our policy says", "GDPR rules prevent me",
        # "Internal procedures don't let us", "Section 2.4 of our terms states".
        i, limit = index + 1, min(index + 6, len(tokens))
        while i < limit and tokens[i].sentence == tokens[index].sentence:
            if tokens[i].clause != tokens[i - 1].clause and not (
                    tokens[i].lower in ("and", "or") and i + 1 < len(tokens) and _source_word(tokens, i + 1, language)):
                return None  # "terms and conditions require": one subject of two nouns; else another clause
            if tokens[i].lower in verbs:
                return i
            i += 1
        return None
    if language == "ru":
        from phrases.lint.morphology import parses

        candidates = [i for i in range(first, past) if tokens[i].lemma in verbs or tokens[i].lemma in PASSIVE_RU]
        if not candidates:
            return None
        cases = {case for _, case, _, _ in parses(tokens[index].lower)}
        if not cases & {"nomn", "ablt"}:
            return None  # the source is not the subject: «нарушать правила»
        for i in candidates:
            readings = parses(tokens[i].lower)
            if "nomn" in cases and any(pos == "VERB" and ("3per" in tag or "past" in tag) for pos, _, _, tag in readings):
                return i  # «регламент не позволяет»
            if "ablt" in cases and any(pos == "PRTS" for pos, _, _, _ in readings):
                return i  # «предусмотрено законом», «правилами запрещено»: the source as the agent
        return None
    for i in range(first, past):
        if tokens[i].lower in verbs and abs(i - index) <= 5:
            return i
    return None


SUBPOINT = re.compile(r"\d+\.\d")
# Sources that are a reason by themselves ("that's the law", "it's our policy"); "that's the terms of the deal"
# describes an offer.
REASONS = {"policy", "law", "legislation", "regulations", "procedure"}
EN_COPULAS = {"it's", "that's", "this's", "is", "'s"}
EN_SUBJECTS = {"it", "that", "this", "it's", "that's"}


def _named_as_the_reason(tokens, index) -> bool:
    """"It's company policy not to…", "That's our policy": "it"/"that" and a copula right before the source
    (its owner words between)."""
    clause = tokens[index].clause
    before = [tok.lower for tok in tokens[max(index - 4, 0):index] if tok.clause == clause]
    while before and (before[-1].startswith(OWNERS["en"]) or before[-1] == "the"):
        before.pop()
    if not before or before[-1] not in EN_COPULAS:
        return False
    return before[-1] in ("it's", "that's") or len(before) > 1 and before[-2] in EN_SUBJECTS


def _subpoint(prose, number) -> bool:
    """«п. 7.3», "clause 4.1", «pkt 5.4»: a numbered point with its sub-point names a part of a rule source even
    when the source is left unsaid (an order or a flat number has none)."""
    return SUBPOINT.match(prose, number.start, number.end + 3) is not None
