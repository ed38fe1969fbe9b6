"""Redirect-channel: does a clause ask the client to leave this chat for another channel?

A clause redirects when it REQUESTS one of
- a `call` verb, another channel by itself: call, phone, e-mail; «позвонить», «zadzwonić» — unless
  the one called is the client («позвонить Вам», "call you");
- a `contact` verb (write, contact, ask; «обратиться», «уточнить у», «napisać») aimed at a
  `channel` (phone, e-mail, hotline, address), a `venue`, a `third-party` (the bank, the
  manufacturer), or an e-mail address or phone number written out;
- a `visit` verb (come, visit, bring; «приезжайте», «отнесите», «przyjść») aimed at a `venue`
  (office, shop, branch, service centre);
- or hands the client an e-mail address or phone number to use.
A request is an imperative (Russian: pymorphy3's `impr` mood, unless «Вы»/«если» stands before it;
English: the verb opens the clause, after "please", "just"…; Polish: an imperative ending), or a
`request` term before the verb ("please", "you need to", «нужно», «можете», «proszę», «musi Pan»,
«najlepiej»), unless negated («Вам не нужно ехать в офис», «nie musi Pan»). A clause with a `chat` term ("here", «в чат», «na czacie») invites the client back
to this chat, so its contact verbs are not redirects. Statements of fact («курьер позвонит», "we'll
email your receipt", «bank przyśle SMS») request nothing.
"""
import re
from bisect import bisect_left
from typing import NamedTuple

from phrases.lint import text as t
from phrases.lint.blame import CONDITIONS, FIRST_PERSON, NEGATIONS, OURS, merge_spans

CLIENT = {"ru": {"вам", "вас", "тебе", "тебя"}, "en": {"you"},
          "pl": {"pana", "panią", "panu", "pani", "państwa", "państwu", "ciebie", "cię", "tobie"}}
# «Вашу почту», "your email", «Pana adres»: the client's own channel, which nobody is sent to.
CLIENT_OWN = {"ru": ("ваш", "свой", "свою", "своей", "своего", "своём", "своем"), "en": ("your",),
              "pl": ("pana", "pani", "państwa", "swój", "swoją", "swojego", "swoim", "twój", "twoją", "twojego")}
EN_LEADING = {"please", "kindly", "just", "simply", "also", "then", "so", "and", "or", "now", "first", "instead",
              "directly", "ideally", "alternatively", "otherwise", "maybe", "perhaps", "always", "again", "better",
              "quickly", "best", "only"}
EN_NOUN_AFTER = {"is", "was", "are", "were", "will", "has", "have", "had", "can", "could", "should", "would", "may",
                 "might", "center", "centre", "centers", "centres", "address", "addresses", "confirmation", "receipt",
                 "notification", "notifications", "history", "log", "logs", "details", "from", "'s", "s",
                 # "Call charges", "phone rates", "email settings": the word names a thing of that kind.
                 "charge", "charges", "rate", "rates", "fee", "fees", "cost", "costs", "price", "prices", "time", "times",
                 "quality", "settings", "button", "forwarding", "volume", "plan", "plans", "tariff", "tariffs", "bill",
                 "bills", "minutes", "package", "packages", "list", "lists", "template", "templates"}
EN_PREPOSITIONS = {"by", "over", "via", "on", "at", "to", "through"}
EN_SENDING = {"send", "forward", "mail", "text", "write", "email", "e-mail", "message"}
PL_IMPERATIVE_ENDINGS = ("ń", "j", "ź", "sz", "ńcie", "jcie", "źcie", "szcie")
# «zgłoś się», «przynieś», «zanieście»: the imperatives of verbs whose stem ends in -ś, also typed without the
# diacritic («zglos sie», «zanies»); read only on a verb term, so «coś», «kiedyś» are never asked.
PL_IMPERATIVE_S = ("ś", "ście", "s", "scie")
PL_FINITE_ENDINGS = ("i", "y", "ł", "ła", "li", "ło", "ły", "my", "cie", "ą", "esz", "isz", "ysz", "ie")


def redirect_channel(draft):
    """Yield (start, end, {"word": …}, None) for each clause that sends the client elsewhere."""
    clauses = draft.clauses
    language = draft.language
    find = draft.find
    hits = [(s.start, s.end) for s in find("redirect")]
    verbs = {kind: find(kind) for kind in ("call", "contact", "visit")}
    # Requests and targets are looked for only where something could send the client anywhere.
    requests = _by_clause(clauses, find("request") if any(verbs.values()) or clauses.literals else [])
    # Chats and targets are looked for only once a verb is asked of the client (most texts ask none).
    asked = {kind: [verb for verb in found if _requested(clauses, verb, requests, language, kind)
                    or kind == "visit" and _visit_required(clauses, verb, language)]
             for kind, found in verbs.items()}
    if asked["contact"] or asked["visit"]:
        chats = {clauses.tokens[s.first].clause for s in find("chat")}
        all_channels = find("channel")
        channels = [s for s in all_channels if not _clients_own(clauses, s, language)]
        # «почта» is a third party («почта потеряла») and a channel; as a channel, «Вашу почту» is the
        # client's own, so a third party that is also a channel is judged as a channel.
        channel_tokens = {index for c in all_channels for index in range(c.first, c.last + 1)}
        parties = [s for s in find("third-party")
                   if not any(index in channel_tokens for index in range(s.first, s.last + 1))]
        venues = find("venue")
        targets = {"contact": _by_clause(clauses, channels + venues + parties),
                   "visit": _by_clause(clauses, venues)}
    links = []

    def _links():  # the web addresses' starts, read once and only when a contact verb has no other target
        if not links:
            # A web address written out, or the {link} placeholder that stands for one (blanked in `masked`).
            links.append(sorted([m.start() for m in t.URL_RE.finditer(draft.masked) if "@" not in m.group()]
                                + [m.start() for m in t.PLACEHOLDER_RE.finditer(draft.body) if m.group() == "{link}"]))
        return links[0]

    for kind, found in asked.items():
        for verb in found:
            draft.check_time()
            clause = clauses.tokens[verb.first].clause
            if kind == "call":
                if not _aimed_at_client(clauses, verb, language):
                    hits.append((verb.start, verb.end))
                continue
            literal = kind == "contact" and clauses.literal_in(clause)
            if clause in chats and not literal:
                continue  # «напишите нам в чат»: back to this chat
            if kind == "visit" and _to_collect(clauses, clause, language):
                continue  # «приходите за заказом в пункт выдачи»: how the order is collected, not a redirect
            aimed = [s for s in targets[kind].get(clause, ()) if s.first > verb.last or s.last < verb.first]
            if not aimed and kind == "visit":
                aimed = _place_referred_to(clauses, clause, verb, venues, language)
            if not aimed and kind == "contact" and _link_aimed_at(clauses, _links(), clause, verb, language):
                hits.append((verb.start, verb.end))
                continue
            if aimed:
                target = min(aimed, key=lambda s: abs(s.first - verb.first))
                hits.append((min(verb.start, target.start), max(verb.end, target.end)))
            elif literal:
                hits.append((verb.start, verb.end))
    hits += _channel_helps(draft, clauses, language)
    hits += _destinations_without_verb(draft, clauses, language)
    hits += _in_person_required(draft, clauses, language)
    hits += _act_resolves(draft, clauses, language)
    verb_tokens = {index for found in verbs.values() for span in found for index in range(span.first, span.last + 1)}
    hits += _literals_handed_over(clauses, requests, language, verb_tokens)
    for start, end in merge_spans(hits):
        yield start, end, {"word": draft.body[start:end]}, None


# Going somewhere to collect the order is how it is received, not a redirect: «за заказом», "to
# collect", «po paczkę», «odebrać».
COLLECTED_RU = {"заказ", "посылка", "товар", "покупка", "отправление", "груз", "вещь", "техника"}
COLLECT_RU = {"забрать", "получить", "выкупить", "забирать", "получать"}
COLLECT_EN = {"collect", "collecting", "pick", "picking", "retrieve"}
COLLECTED_PL = ("paczk", "przesyłk", "przesylk", "zamówieni", "zamowieni", "towar", "odbiór", "odbior", "zakup")
COLLECT_PL = ("odebra", "odbiera", "odbierz")


def _to_collect(clauses, clause, language) -> bool:
    members = clauses.clause_tokens(clause)
    if language == "ru":
        return any(tok.lemma in COLLECT_RU or tok.lower == "за" and following.lemma in COLLECTED_RU
                   for tok, following in zip(members, list(members[1:]) + [members[-1]]))
    if language == "en":
        return any(tok.lower in COLLECT_EN for tok in members)
    if language == "pl":
        return any(tok.lower.startswith(COLLECT_PL) or tok.lower == "po" and following.lower.startswith(COLLECTED_PL)
                   for tok, following in zip(members, list(members[1:]) + [members[-1]]))
    return False


# "there", «туда», «tam»: the place named earlier in the sentence («Вопрос решает отделение банка —
# подойдите туда»), so going there is going to that venue.
THERE = {"ru": {"туда"}, "en": {"there"}, "pl": {"tam", "tamże"}}


COLLECTED_EN = ("order", "parcel", "package", "item", "purchase", "delivery")


def _place_referred_to(clauses, clause, verb, venues, language):
    tokens = clauses.tokens
    sentence = tokens[verb.first].sentence
    if any(tok.lower in THERE.get(language, ()) for tok in clauses.clause_tokens(clause)):
        return [s for s in venues if s.last < verb.first and tokens[s.first].sentence == sentence]
    # «Этот вопрос решается только в офисе, приходите с договором», "It's handled at the branch, come in
    # with your ID": the place where the matter is dealt with, named just before the bare visit verb
    # (at, «в», «w» before it), is where the client is sent; unless what waits there is the order to
    # collect («Посылка уже в пункте выдачи, приходите»).
    if verb.first > clauses.clause_range[clause][0] + 1:
        return []
    placed = [s for s in venues if s.last < verb.first and tokens[s.first].sentence == sentence
              and tokens[s.first].clause == clause - 1 and not _clients_own(clauses, s, language)
              and any(tok.lower in AT.get(language, ()) for tok in tokens[max(s.first - 2, 0):s.first])]
    if not placed or _to_collect(clauses, clause - 1, language) or _mentions_order(clauses, clause - 1, language) \
            or _mentions_order(clauses, clause, language):
        return []
    return placed


def _mentions_order(clauses, clause, language) -> bool:
    members = clauses.clause_tokens(clause)
    if language == "ru":
        return any(tok.lemma in COLLECTED_RU for tok in members)
    if language == "en":
        return any(tok.lower.startswith(COLLECTED_EN) for tok in members)
    return any(tok.lower.startswith(COLLECTED_PL) for tok in members)


def _by_clause(clauses, spans):
    """{clause: [spans starting in it]}"""
    grouped = {}
    for span in spans:
        grouped.setdefault(clauses.tokens[span.first].clause, []).append(span)
    return grouped


def _requested(clauses, verb, requests, language, kind=None) -> bool:
    """Whether the verb at `verb` is asked of the client (imperative or after a request term)."""
    tokens = clauses.tokens
    token = tokens[verb.first]
    before = tokens[clauses.clause_range[token.clause][0]:verb.first]
    conditions = [index for index, tok in enumerate(before) if tok.lower in CONDITIONS.get(language, ())]
    if conditions == [0] and before[0].lower == "czy" and any(
            r.first == verb.first - len(before) + 1 for r in requests.get(token.clause, ())):
        conditions = []  # «Czy próbował Pan dzwonić…?», «Czy może Pan…?»: a question that asks, not an if
    if conditions:
        # «Jeśli sprawa jest pilna, proszę dzwonić»: a courtesy word kept the clause whole, but the
        # if-clause ends at its comma and the verb after it is the main clause's request.
        cut = next((index for index in range(len(before) - 1, conditions[-1], -1)
                    if "," in clauses.prose[before[index - 1].end:before[index].start]), None)
        if cut is None and "," in clauses.prose[before[-1].end:token.start]:
            cut = len(before)
        if cut is not None:
            before, conditions = before[cut:], []
    if conditions:
        # «Najlepiej będzie, jeśli Pani odwiedzi salon», "it's best if you call the bank": the if-clause
        # is what is recommended to the client; any other condition requests nothing.
        return _recommended(tokens, before, clauses.clause_range[token.clause][0], conditions[-1], language)
    marked = [r for r in requests.get(token.clause, ()) if r.last < verb.first and not _negated(tokens, r.first, language)]
    # «Уточнить это можно по телефону», «Napisać można na adres…»: the impersonal modal after the
    # infinitive it governs, both opening the clause, with a channel or venue named (contact, visit).
    # A bare call stated as possible («Позвонить курьеру можно по номеру из SMS») informs.
    modal_after = kind in ("contact", "visit") and not before and any(verb.last < r.first <= verb.last + 3 and not _negated(tokens, r.first, language)
                                     for r in requests.get(token.clause, ()))
    if _evaluated(before, language):
        marked = marked or [verb]  # «Najszybciej będzie pojechać do salonu»: an evaluation recommends
    speaker = [i for i, tok in enumerate(before) if tok.lower in FIRST_PERSON.get(language, ())]
    if speaker and not any(tokens[r.first].start >= before[speaker[-1]].start for r in marked):
        return False  # «Мы сами позвоним в банк», "I'll call the warehouse": we act, nobody is asked
    if before and before[-1].lower in NEGATIONS.get(language, ()):
        return False  # «Не звоните в банк», «Nie dzwoń»: the client is told not to go anywhere
    if language == "ru":
        from phrases.lint.morphology import reading

        form = reading(token.lower)
        if any(tok.lower == "вы" for tok in before):
            return bool(marked) and form.infinitive  # «Вы можете позвонить», not «Вы позвоните»
        return form.imperative or ((bool(marked) or modal_after) and form.infinitive)
    if language == "en":
        following = tokens[verb.last + 1] if verb.last + 1 < len(tokens) else None
        if following is not None and following.clause == token.clause and following.lower in EN_NOUN_AFTER:
            return False
        if _en_noun(tokens, verb):
            return False
        leading = [tok for tok in before if tok.lower not in EN_LEADING]
        if len(leading) == 1 and len(before) == 1 and _misspelt_courtesy(leading[0].lower):
            leading = []  # "Pleae call the hotline": a typo does not make the imperative a statement
        if not leading:
            return True
        for request in marked:
            between = [tok for tok in tokens[request.last + 1:verb.first] if tok.lower not in EN_LEADING]
            if not between:
                return True
        return False
    if language == "pl":
        text = clauses.prose[verb.start:verb.end].lower()
        first = token.lower
        if first.endswith(PL_IMPERATIVE_ENDINGS + PL_IMPERATIVE_S) and not first.endswith(("esz", "isz", "ysz")):
            return True
        if any(clauses.prose[r.start:r.end].lower() == "niech" for r in marked):
            return True  # «niech Pani zadzwoni»: the third-person imperative
        if first.startswith("zapras"):
            return True  # «zapraszamy do punktu obsługi»: an invitation is a request
        if modal_after and text.endswith(("ć", "c", "ć się")):
            return True
        return bool(marked) and (text.endswith(("ć", "c", "ć się")) or not first.endswith(PL_FINITE_ENDINGS))
    return bool(marked)


def _evaluated(before, language) -> bool:
    """«Najszybciej będzie pojechać», «Проще всего написать»: an evaluation, then only its copula, just
    before the verb (the last four words, so the look-back stays bounded)."""
    words = [tok.lower for tok in before[-4:]]
    while words and words[-1] in COPULAS.get(language, ()):
        words.pop()
    return bool(words) and words[-1] in RECOMMENDING.get(language, ())


COURTESY_WORDS = ("please", "kindly")


def _misspelt_courtesy(word) -> bool:
    """"pleae", "plase", "pleas", "kindy": one letter left out, added or changed in a courtesy word."""
    for right in COURTESY_WORDS:
        if abs(len(word) - len(right)) > 1 or word == right or word[:2] != right[:2]:
            continue
        if len(word) == len(right) and sum(a != b for a, b in zip(word, right)) == 1:
            return True
        shorter, longer = sorted((word, right), key=len)
        if len(shorter) + 1 == len(longer) and any(longer[:i] + longer[i + 1:] == shorter for i in range(len(longer))):
            return True
    return False


# The words of "it would be best if you…": an evaluation («лучше», "best", «najlepiej») and its copula.
RECOMMENDING = {"ru": {"лучше", "проще", "удобнее", "быстрее", "разумнее", "оптимально"},
                "en": {"best", "better", "easiest", "quickest", "fastest", "simplest", "ideal", "wisest"},
                "pl": {"najlepiej", "lepiej", "najprościej", "najprosciej", "najszybciej", "najwygodniej", "dobrze",
                       "wskazane"}}
COPULAS = {"ru": {"будет", "было", "бы", "всего", "всё", "все"},
           "en": {"it", "it's", "it'd", "would", "will", "be", "is", "the", "'s", "'d", "probably", "really"},
           "pl": {"będzie", "bedzie", "byłoby", "byloby", "by", "było", "bylo", "więc", "wiec"}}
CLIENT_SUBJECT = {"ru": {"вы"}, "en": {"you"}, "pl": {"pan", "pani", "państwo", "panstwo"}}


def _recommended(tokens, before, clause_start, condition, language) -> bool:
    """Whether the condition at before[condition] follows nothing but an evaluation and names the client
    as the one who acts: «Лучше всего, если Вы подъедете в офис», "It's best if you call the bank"."""
    if not any(tok.lower in CLIENT_SUBJECT.get(language, ()) for tok in before[condition + 1:]):
        return False
    index = clause_start + condition
    sentence = tokens[index].sentence
    leading = [tok.lower for tok in tokens[max(index - 4, 0):index] if tok.sentence == sentence]
    while leading and leading[0] not in RECOMMENDING.get(language, ()) | COPULAS.get(language, ()):
        leading.pop(0)
    return bool(leading) and any(word in RECOMMENDING.get(language, ()) for word in leading) and \
        all(word in RECOMMENDING.get(language, ()) | COPULAS.get(language, ()) for word in leading)


def _negated(tokens, first, language) -> bool:
    """«Вам не нужно ехать в офис», «Nie musi Pan jechać»: a request denied asks for nothing."""
    return first > 0 and tokens[first - 1].clause == tokens[first].clause and \
        tokens[first - 1].lower in NEGATIONS.get(language, ())


EN_AFTER_AND_VERBS = {"ask", "tell", "say", "let", "speak", "explain", "mention", "request", "quote", "give", "leave",
                      "book", "arrange", "check", "confirm", "we", "they", "someone", "i", "choose", "select", "press"}
EN_OBJECTS = {"us", "me", "them", "him", "her", "our", "the", "your", "it"}
EN_PREDICATES = {"is", "are", "was", "were", "depend", "depends", "cost", "costs", "start", "starts", "apply",
                 "applies", "vary", "varies", "include", "includes", "come", "comes", "get", "gets", "go", "goes",
                 # "Phone repairs take 5 days", "Call recordings are kept": a predicate after a compound subject.
                 "take", "takes", "took", "need", "needs", "require", "requires", "remain", "remains", "last", "lasts",
                 "cover", "covers", "run", "runs", "work", "works", "will", "can", "may", "must", "should", "would",
                 "has", "have", "had", "usually", "often", "normally", "also"}


def _en_noun(tokens, verb) -> bool:
    """"Call and data prices depend…", "Phone holders are back": the word names a thing."""
    clause = tokens[verb.first].clause
    after = tokens[verb.last + 1:verb.last + 4]
    if after and after[0].lower in ("and", "or") and len(after) > 1:
        second = after[1].lower
        if second in EN_AFTER_AND_VERBS:
            return False
        if second in EN_SENDING | {"call", "phone", "ring", "visit", "come", "drop", "contact", "reach"}:
            return not (len(after) > 2 and after[2].lower in EN_OBJECTS)
        return True
    # A predicate right after the word and the next one: the word is (part of) the subject.
    return any(tok.lower in EN_PREDICATES and tok.clause == clause for tok in after[:2])


def _clients_own(clauses, span, language) -> bool:
    tokens = clauses.tokens
    previous = [tok.lower for tok in tokens[max(span.first - 2, 0):span.first] if tok.clause == tokens[span.first].clause]
    return any(word.startswith(CLIENT_OWN.get(language, ())) for word in previous)


def _aimed_at_client(clauses, verb, language) -> bool:
    """«позвонить Вам», "call you", «zadzwonić do Pana»: someone calls the client."""
    tokens = clauses.tokens
    following = [tok.lower for tok in tokens[verb.last + 1:verb.last + 3] if tok.clause == tokens[verb.last].clause]
    client = CLIENT.get(language, set())
    return bool(following) and (following[0] in client or following[:1] == ["do"] and following[1:2] and
                                following[1] in client)


# What a number names when it is not a phone to call: «номер обращения 8800-2000-31», «промокод
# 2024-555-10», "ticket number 555-0199-22", «numer zgłoszenia».
IDENTIFIERS = {"ru": ("заказ", "промокод", "код", "обращени", "заявк", "договор", "счет", "счёт", "накладн", "трек",
                      "артикул", "чек", "квитанц", "пароль", "карт", "посылк", "отправлени", "бронировани", "полис"),
               "en": ("order", "ticket", "reference", "ref", "tracking", "contract", "account", "invoice", "case",
                      "code", "promo", "voucher", "card", "booking", "receipt", "iban", "pin", "parcel", "policy"),
               "pl": ("zamówieni", "zamowieni", "zgłoszeni", "zgloszeni", "umow", "kod", "kont", "faktur", "przesyłk",
                      "przesylk", "paczk", "rachun", "kart", "rezerwacj", "sprawy", "reklamacj", "polis")}
CONTACT_LABELS = {"ru": ("адрес", "телефон", "почт", "e-mail", "email", "емейл", "имейл", "лини", "колл"),
                  "en": ("address", "phone", "hotline", "helpline", "line", "e-mail", "email", "inbox"),
                  "pl": ("adres", "telefon", "infolini", "mail", "e-mail", "lini")}
# Acts asked of the client that use a number or an address as data, not as a channel: "confirm your
# number", "check the spam folder of …".
# Sending something to the number or address is using it as a channel: «отправьте письмо на адрес …»,
# «наберите номер …», «wyślij e-mail na …».
SENDING_RU = {"отправить", "отправлять", "набрать", "набирать", "направить", "направлять", "переслать", "пересылать",
              "написать", "писать", "позвонить", "звонить", "прислать", "присылать", "выслать", "высылать"}
SENDING_PL = ("wysła", "wysyła", "wyślij", "wyslij", "wysla", "przesła", "prześl", "przesl", "wybra", "wybierz", "napis",
              "pisa", "dzwoni", "zadzwo", "skontakt", "kontakt")
EN_OTHER_ACTS = {"check", "confirm", "verify", "keep", "save", "note", "enter", "type", "update", "change", "copy",
                 "add", "provide", "quote", "double-check", "make", "look", "search", "use"}


def _literals_are_data(clauses, clause, members, language) -> bool:
    """Whether every e-mail address or number in the clause is labelled as an identifier or the client's own."""
    tokens = clauses.tokens
    first, past = clauses.clause_range[clause]
    # A literal is masked out of the words, so it may sit just past the clause's last word.
    end = tokens[past].start if past < len(tokens) else len(clauses.prose) + 1
    labels = IDENTIFIERS.get(language, ()) + CLIENT_OWN.get(language, ())
    # The clause's literals only (they are sorted by start): not every literal of the text per clause.
    starts = clauses.literal_starts
    for start, _ in clauses.literals[bisect_left(starts, members[0].start):bisect_left(starts, end)]:
        preceding = [tok.lower for tok in tokens[first:first + len(members)] if tok.end <= start][-3:]
        # The nearest label names the literal: «заявку на адрес support@…» is an address.
        label = next((word for word in reversed(preceding)
                      if word.startswith(labels) or word.startswith(CONTACT_LABELS.get(language, ()))), None)
        if label is None or label.startswith(CONTACT_LABELS.get(language, ())):
            return False
    return True


def _asks_another_act(clauses, members, requests, verb_tokens, language) -> bool:
    """«Проверьте номер +7 …», "Please confirm your number …": the client is asked to do something with
    the number other than to call or write to it."""
    first = clauses.clause_range[members[0].clause][0]
    others = [tok for index, tok in enumerate(members, first) if index not in verb_tokens]
    if language == "ru":
        from phrases.lint.morphology import reading

        return any(reading(tok.lower).imperative and reading(tok.lower).lemma not in SENDING_RU
                   for tok in others if len(tok.lower) > 3)
    if language == "en":
        return any(tok.lower in EN_OTHER_ACTS for tok in others[:4])
    if language == "pl":
        return any((tok.lower.endswith(PL_IMPERATIVE_ENDINGS) and not tok.lower.endswith(("esz", "isz", "ysz"))
                    or tok.lower.endswith(("ć", "ac", "ic"))) and not tok.lower.startswith(SENDING_PL)
                   for tok in others if len(tok.lower) > 3)
    return False


def _literals_handed_over(clauses, requests, language, verb_tokens=frozenset()):
    """An e-mail address or phone number in a clause that asks the client to do something."""
    if not clauses.literals:
        return
    for clause in clauses.clause_range:
        if not clauses.literal_in(clause):
            continue
        members = clauses.clause_tokens(clause)
        if _literals_are_data(clauses, clause, members, language) or \
                _asks_another_act(clauses, members, requests, verb_tokens, language):
            continue
        asked = bool(requests.get(clause))
        if language == "ru":
            from phrases.lint.morphology import reading

            asked = asked or (not any(tok.lower == "вы" for tok in members)
                              and any(reading(tok.lower).imperative for tok in members))
        elif language == "en":
            asked = asked or members[0].lower in EN_SENDING
        elif language == "pl":
            asked = asked or any(tok.lower.endswith(PL_IMPERATIVE_ENDINGS) for tok in members if len(tok.lower) > 3)
        if asked and not any(tok.lower in CONDITIONS.get(language, ()) for tok in members):
            yield members[0].start, members[-1].end



# The channel as the one who will help: «В этом Вам поможет отделение банка», "The hotline will help you
# with that", «W tej sprawie pomoże Panu infolinia». A hotline, an office or a shop that will help,
# advise or explain sends the client there as surely as «позвоните»; the same verb with a courier or
# with us («мы поможем», "I'll help") is a promise, and a past one («помогли») a fact.
HELP_RU = {"помочь", "подсказать", "проконсультировать", "объяснить", "разъяснить", "посоветовать", "разобраться"}
HELP_EN = {"help", "assist", "advise", "guide", "explain", "sort"}
EN_FUTURE = {"will", "can", "could", "'ll", "would", "should", "able"}
HELP_PL = ("pomoże", "pomogą", "pomoze", "pomoga", "doradzi", "doradzą", "doradza", "podpowie", "podpowiedzą",
           "podpowiedza", "wyjaśni", "wyjaśnią", "wyjasni", "wyjasnia")
# «им», "them", «z nimi»: a pronoun read as a channel only after a verb of contact, never as a subject.
PRONOUN_CHANNELS = {"им", "ним", "нему", "ней", "к", "туда", "them", "z", "do", "nimi", "nich", "nim", "niego", "nią",
                    "niej"}


class _Verb(NamedTuple):
    """A verb said of what will happen: Russian lemmas (read in a non-past form), English words after a
    modal within the three words before ("will help", "can assist") and English words by themselves,
    Polish future forms."""

    ru: set
    en: set
    en_present: set
    pl: tuple

    def heads(self, language):
        """The words (Russian: lemmas) `_says` may answer yes for: any other word says nothing, so a text's
        words are matched against these first and only the few that are one of them are read further."""
        if language == "ru":
            return self.ru
        if language == "en":
            return self.en | self.en_present
        return frozenset(self.pl) if language == "pl" else frozenset()


HELPING = _Verb(HELP_RU, HELP_EN, set(), HELP_PL)


def _says(tokens, index, language, verb: _Verb) -> bool:
    token = tokens[index]
    if language == "ru":
        if token.lemma not in verb.ru:  # the token's lemma is its reading's (Clauses): most words end here
            return False
        from phrases.lint.morphology import reading

        return reading(token.lower).non_past
    if language == "en":
        if token.lower in verb.en_present:
            return True
        if token.lower not in verb.en:
            return False
        # "will help", "can assist", "will be able to help": a modal within the three words before.
        return any(tokens[i].lower in EN_FUTURE or tokens[i].lower.endswith("'ll")
                   for i in range(max(index - 3, 0), index) if tokens[i].clause == token.clause)
    if language == "pl":
        return token.lower in verb.pl
    return False


def _verbs_and_places(draft, clauses, language, verb: _Verb):
    """[(index of a token saying `verb`, the channel and venue spans of its clause)] for each such verb in a
    clause that names a channel or venue (not the client's own, not a bare pronoun) and is not about the chat."""
    tokens = clauses.tokens
    heads = verb.heads(language)
    lemmas = language == "ru"  # `_says` reads a Russian word by its lemma, the others as written
    saying = [index for index, tok in enumerate(tokens) if (tok.lemma if lemmas else tok.lower) in heads
              and len(tok.lower) > 3 and _says(tokens, index, language, verb)]
    if not saying:
        return []
    places = [s for s in draft.find("channel") + draft.find("venue")
              if not _clients_own(clauses, s, language)
              and not all(tok.lower in PRONOUN_CHANNELS for tok in tokens[s.first:s.last + 1])]
    if not places:
        return []
    chats = {tokens[s.first].clause for s in draft.find("chat")}
    by_clause = _by_clause(clauses, places)
    found = []
    for index in saying:
        draft.check_time()
        clause = tokens[index].clause
        if clause not in chats and by_clause.get(clause):
            found.append((index, by_clause[clause]))
    return found


def _channel_helps(draft, clauses, language):
    """Spans where a channel or a venue is the subject of a verb of helping the client."""
    tokens = clauses.tokens
    found = []
    for index, places in _verbs_and_places(draft, clauses, language, HELPING):
        token = tokens[index]
        members = clauses.clause_tokens(token.clause)
        if any(tok.lower in FIRST_PERSON.get(language, ()) or tok.lower in NEGATIONS.get(language, ())
               for tok in members):
            continue  # «мы поможем Вам в офисе», "the branch can't help": no one is sent anywhere
        if _owned_act_before(tokens, clauses.clause_range[token.clause][0], index, language):
            continue  # «Наш звонок в банк поможет…», "Our call to the bank will help": our act helps, as a promise
        # English names its subject first ("the hotline will help"); Russian and Polish may put it after
        # the verb («поможет отделение», «pomoże infolinia»).
        subjects = [s for s in places if _helper(tokens, s, index, language)
                    and (_where_helped(tokens, s, index, language) or not _helps_to_do(tokens, index, language))]
        if subjects:
            place = min(subjects, key=lambda s: abs(s.first - index))
            found.append((min(token.start, place.start), max(token.end, place.end)))
    return found


# Where the help is given: «в отделении Вам помогут», "at the branch", «w oddziale»; and face to face
# («лично», "in person", «osobiście»), which names a venue by itself.
AT = {"ru": {"в", "во", "на"}, "en": {"at", "in"}, "pl": {"w", "we", "na"}}
IN_PERSON = {"лично", "person", "osobiście", "osobiscie"}
EN_BETWEEN = EN_FUTURE | {"be", "to", "also", "gladly", "happily", "certainly", "surely", "definitely", "always"}
# A Polish genitive («pracownik sklepu», «konsultant infolinii»): the place qualifies the one who helps.
PL_GENITIVE = ("u", "ii", "ego", "ej", "ów")


def _where_helped(tokens, span, index, language) -> bool:
    """«В салоне Вам помогут», "help you in person": the client has to be there to be helped."""
    return tokens[span.last].lower in IN_PERSON or span.first > 0 and \
        tokens[span.first - 1].lower in AT.get(language, ()) and tokens[span.first - 1].clause == tokens[span.first].clause


EN_NOT_INFINITIVE = {"with", "to", "in", "on", "at", "by", "out", "further", "there", "here", "today", "tomorrow",
                     "quickly", "shortly", "directly", "personally", "more", "better"}


def _helps_to_do(tokens, index, language) -> bool:
    """«поможет Вам выбрать подарок», "can help you pick the size", «pomoże naprawić telefon»: the place
    does a task with the client (what happens), not takes the matter over ("will help you with that")."""
    clause = tokens[index].clause
    following = [tok for tok in tokens[index + 1:index + 3] if tok.clause == clause]
    if following and following[0].lower in CLIENT.get(language, set()) | {"you"}:
        following = following[1:]
    if not following:
        return False
    word = following[0].lower
    if language == "ru":
        from phrases.lint.morphology import reading

        return reading(word).infinitive
    if language == "en":
        return word not in EN_NOT_INFINITIVE and word.isalpha()
    if language == "pl":
        return word.endswith(("ć", "c")) and len(word) > 3
    return False


# "Support", «служба поддержки», «obsługa klienta» helping may be this chat's own team: not a place to go.
GENERIC_SUPPORT = ("support", "service", "team", "care", "customer", "client", "поддержк", "служб", "obsług", "obslug",
                   "klient")


def _helper(tokens, span, index, language) -> bool:
    """Whether the place at `span` is the one who helps, or where the help is given: the subject of the
    verb at `index`, not a word qualifying another subject («Сотрудник магазина поможет Вам проверить
    товар при получении», "Our store staff will help you")."""
    head = tokens[span.first]
    if all(tok.lower.startswith(GENERIC_SUPPORT) for tok in tokens[span.first:span.last + 1]):
        return False
    if tokens[span.last].lower in IN_PERSON:
        return span.first > index
    if span.first > 0 and tokens[span.first - 1].lower in AT.get(language, ()) and tokens[span.first - 1].clause == head.clause:
        return True
    if language == "en":
        return span.last < index and all(tok.lower in EN_BETWEEN for tok in tokens[span.last + 1:index])
    if language == "ru":
        from phrases.lint.morphology import reading

        return reading(head.lower).can_be_subject
    return not head.lower.endswith(PL_GENITIVE)


# A visit asked as a requirement: «Для возврата требуется визит в сервисный центр», "A visit to the
# branch is required", «Wymagana jest wizyta w oddziale». The noun of visiting with a word of need in
# its clause; «Ваш визит подтверждён» and "No visit is needed" ask for nothing.
VISIT_NOUNS = {"ru": ("визит", "посещени", "поездк"), "en": ("visit", "trip"), "pl": ("wizyt", "odwiedzeni")}
NEEDED = {"ru": ("требует", "необходим", "нужен", "нужна", "нужно", "обязател", "понадоб", "потребует"),
          "en": ("required", "necessary", "needed", "mandatory", "essential", "requires"),
          "pl": ("wymagan", "konieczn", "niezbędn", "niezbedn", "potrzebn", "obowiązkow", "obowiazkow", "wymaga")}


def _visit_required(clauses, verb, language) -> bool:
    tokens = clauses.tokens
    token = tokens[verb.first]
    if not token.lower.startswith(VISIT_NOUNS.get(language, ())):
        return False
    members = clauses.clause_tokens(token.clause)
    negations = NEGATIONS.get(language, set()) | {"no", "без", "bez"}
    first = clauses.clause_range[token.clause][0]
    if verb.first > first and tokens[verb.first - 1].lower in negations:
        return False
    for offset, tok in enumerate(members):
        if tok.lower.startswith(NEEDED.get(language, ())):
            index = first + offset
            return not (index > first and tokens[index - 1].lower in negations)
    return False


def _link_aimed_at(clauses, links, clause, verb, language) -> bool:
    """A web address the client is asked to write to or fill a form at: «Оставьте заявку на сайте
    shop.ru/support», "fill in the form there" after "head over to shop.com/contact"."""
    if not links:
        return False
    tokens = clauses.tokens
    first, past = clauses.clause_range[clause]
    start = tokens[first].start
    end = tokens[past].start if past < len(tokens) else len(clauses.prose) + 1
    # A link is blanked out of the words, so it may sit just past the clause's last word (bisect: no
    # scan over every link per verb).
    if bisect_left(links, end) > bisect_left(links, start):
        return True
    # "there", «tam»: the link named earlier in the same sentence.
    if any(tok.lower in THERE.get(language, ()) for tok in clauses.clause_tokens(clause)):
        sentence_start = tokens[clauses.sentence_range[tokens[verb.first].sentence][0]].start
        return bisect_left(links, start) > bisect_left(links, sentence_start)
    return False


# The act of contacting as the subject of a verb of solving: «Звонок на горячую линию решит вопрос», "A
# quick call to the helpline will sort it", «Telefon na infolinię rozwiąże sprawę». The call, letter or
# visit is named with its channel or venue right after it; "Call and data prices depend…", «Ваш вчерашний
# звонок зарегистрирован», «Nasz telefon do banku pomógł» (we, or past) send no one anywhere.
ACT_NOUNS = {"ru": ("звонок", "звонк", "обращени", "визит", "посещени", "поездк", "письм"),
             "en": ("call", "calls", "visit", "trip", "email", "e-mail", "ring", "message", "letter"),
             "pl": ("telefon", "rozmow", "wizyt", "kontakt", "mail", "e-mail", "odwiedzeni", "zgłoszeni", "zgloszeni")}
RESOLVE_RU = {"решить", "решать", "помочь", "ускорить", "уладить", "исправить", "разрешить"}
RESOLVE_EN = {"solve", "resolve", "fix", "sort", "settle", "help", "speed", "clear"}
RESOLVE_EN_PRESENT = {"solves", "resolves", "fixes", "sorts", "settles", "helps", "speeds", "clears"}
RESOLVE_PL = ("rozwiąże", "rozwiaze", "rozwiązuje", "rozwiazuje", "załatwi", "zalatwi", "pomoże", "pomoze", "przyspieszy",
              "ułatwi", "ulatwi", "wyjaśni", "wyjasni")
RESOLVING = _Verb(RESOLVE_RU, RESOLVE_EN, RESOLVE_EN_PRESENT, RESOLVE_PL)


def _act_resolves(draft, clauses, language):
    """Spans from the noun of contacting to its channel or venue, where that act is said to solve the matter."""
    tokens = clauses.tokens
    nouns = ACT_NOUNS.get(language, ())
    found = []
    for index, places in _verbs_and_places(draft, clauses, language, RESOLVING):
        clause = tokens[index].clause
        first = clauses.clause_range[clause][0]
        members = clauses.clause_tokens(clause)
        if any(tok.lower in FIRST_PERSON.get(language, ()) or tok.lower in NEGATIONS.get(language, ())
               or tok.lower in CONDITIONS.get(language, ()) for tok in members):
            continue  # «мы решим это в офисе», "a call won't help", "if a call to the bank solves it"
        for offset, tok in enumerate(members):
            position = first + offset
            if position == index or not (tok.lower in nouns if language == "en" else tok.lower.startswith(nouns)):
                continue
            if position > first and tokens[position - 1].lower.startswith(CLIENT_OWN.get(language, ()) + OURS.get(language, ())):
                continue  # «Ваш звонок», "your call", «nasz telefon»: an act already made or ours
            aimed = [s for s in places if position < s.first <= position + 4]
            if aimed:
                place = aimed[0]
                found.append((min(tok.start, tokens[index].start), max(place.end, tokens[index].end)))
                break
    return found


# A destination without a verb: «С этим Вам в сервисный центр», «Тут только в банк», «Вам надо к нотариусу»,
# «Такие вопросы — это к оператору связи», «Z tym tylko do banku», «Lepiej od razu do serwisu». The clause
# opens with nothing but words that point the matter elsewhere (a topic, the client, "only", "better",
# "need"), at least one of them a marker, then a preposition of direction and the place; it has no verb
# and no negation («В банк деньги придут завтра», «Do serwisu trafi telefon» state where something goes).
DESTINATION_OPENERS = {
    "ru": {"с", "этим", "этой", "таким", "такими", "вопросом", "вопросами", "проблемой", "тут", "это", "такие",
           "вопросы", "вам", "тебе", "только", "лишь", "сразу", "лучше", "надо", "нужно", "необходимо", "прямо",
           "а", "вот", "по", "этому", "вопросу", "так", "что", "же", "тогда", "значит", "всего", "проще",
           "быстрее", "уже", "вы", "придётся", "придется"},
    "pl": {"z", "tym", "taką", "taka", "sprawą", "sprawa", "w", "tej", "sprawie", "tylko", "jedynie", "lepiej",
           "najlepiej", "od", "razu", "raczej", "to", "już", "juz", "a", "więc", "wiec", "pan", "pani", "panu",
           "trzeba", "najprościej", "najprosciej", "najszybciej", "tu", "tutaj", "takimi", "sprawami"},
}
DESTINATION_MARKERS = {
    "ru": {"этим", "этой", "тут", "это", "только", "лишь", "сразу", "лучше", "надо", "нужно", "необходимо", "проще",
           "быстрее", "придётся", "придется", "вопросу"},
    "pl": {"tym", "sprawie", "tylko", "jedynie", "lepiej", "najlepiej", "razu", "trzeba", "najprościej",
           "najprosciej", "najszybciej", "sprawami"},
}
INTO = {"ru": {"в", "во", "к", "ко"}, "pl": {"do"}}
PL_VERB_ENDINGS = ("ć", "c", "ł", "ła", "ło", "li", "ły")
# "This one is for the service centre", "That's one for the hotline", "Your best bet is the branch": the
# English copula that hands the matter to a place.
EN_FOR_OPENERS = {"this", "that", "it", "one", "is", "'s", "that's", "it's", "would", "be", "really", "a", "question",
                  "matter", "job", "something", "i'm", "afraid", "probably", "more", "sadly", "unfortunately"}
EN_COPULA_WORDS = {"is", "'s", "that's", "it's", "be"}
EN_BEST = {"bet", "option", "place", "route", "way", "move", "choice"}
EN_ARTICLES = {"the", "a", "an", "our", "your", "local", "nearest", "any", "one", "of"}


def _places(draft, clauses, language):
    return [s for s in draft.find("venue") + draft.find("channel") + draft.find("third-party")
            if not _clients_own(clauses, s, language)
            and not all(tok.lower in PRONOUN_CHANNELS for tok in clauses.tokens[s.first:s.last + 1])]


def _destinations_without_verb(draft, clauses, language):
    tokens = clauses.tokens
    if language == "en":
        yield from _en_destinations(draft, clauses)
        return
    openers = DESTINATION_OPENERS.get(language)
    if not openers:
        return
    into, markers, ranges = INTO[language], DESTINATION_MARKERS[language], clauses.clause_range
    candidates = []
    # Only a preposition of direction can open the destination: the few there are, read back to their clause's start.
    for index in [i for i, tok in enumerate(tokens) if tok.lower in into]:
        clause = tokens[index].clause
        first, past = ranges[clause]
        opened = [tok.lower for tok in tokens[first:index]]
        if index + 1 < past and all(word in openers and word not in into for word in opened) \
                and not markers.isdisjoint(opened):
            candidates.append((clause, first, index, past))
    if not candidates:
        return
    by_clause = _by_clause(clauses, _places(draft, clauses, language))
    for clause, first, index, past in candidates:
        draft.check_time()
        places = [s for s in by_clause.get(clause, ()) if index < s.first <= index + 3]
        members = tokens[first:past]
        if not places or any(tok.lower in NEGATIONS.get(language, ()) for tok in members):
            continue
        if language == "ru":
            from phrases.lint.morphology import parses

            if any(_ru_verb(tok.lower) for tok in members):
                continue
            # «в банк», «к нотариусу»: «в» with the accusative and «к» with the dative (where to), not «в банке»
            # (where).
            head = tokens[places[0].first].lower
            wanted = "datv" if tokens[index].lower in ("к", "ко") else "accs"
            if not any(case == wanted for _, case, *_ in parses(head)):
                continue
        elif any(tok.lower.endswith(PL_VERB_ENDINGS) and len(tok.lower) > 3 for tok in members):
            continue  # a Polish infinitive or past verb: the clause has its verb («Od razu do serwisu trafił telefon»)
        yield tokens[first].start, places[0].end if places[0].end > tokens[index].end else tokens[index].end


def _ru_verb(word) -> bool:
    """An infinitive, a present or future form, an imperative, or any reading of the word as a verb."""
    from phrases.lint.morphology import parses, reading

    read = reading(word)
    return read.infinitive or read.non_past or read.imperative or any(pos == "VERB" for pos, *_ in parses(word))


def _en_destinations(draft, clauses):
    tokens = clauses.tokens
    candidates = []
    for index in [i for i, tok in enumerate(tokens) if tok.lower in ("for", "best")]:
        clause = tokens[index].clause
        first, past = clauses.clause_range[clause]
        words = [tok.lower for tok in tokens[index:min(index + 3, past)]]
        if words[0] == "for":
            opened = [tok.lower for tok in tokens[first:index]]
            if opened and all(word in EN_FOR_OPENERS for word in opened) and not EN_COPULA_WORDS.isdisjoint(opened):
                candidates.append((clause, index))
        elif len(words) == 3 and words[1] in EN_BEST and words[2] == "is":
            candidates.append((clause, index + 2))
    if not candidates:
        return
    by_clause = _by_clause(clauses, _places(draft, clauses, "en"))
    for clause, at in candidates:
        places = [s for s in by_clause.get(clause, ()) if at < s.first
                  and all(tok.lower in EN_ARTICLES for tok in tokens[at + 1:s.first])]
        if places:
            yield tokens[at].start, places[0].end


# Face to face as the only way: «Вопрос решается только при личном визите в офис», "It has to be done in
# person at one of our branches", «Sprawę załatwi Pan tylko osobiście w placówce». A word of being there in
# person, or the noun of a visit, in a clause that says it is the only or the required way; "No need to
# come in person", «Ваш визит подтверждён» ask nothing.
IN_PERSON_WORDS = {"ru": ("лично", "визит", "посещени"), "en": ("person",), "pl": ("osobiście", "osobiscie", "wizyt")}
ONLY_OR_NEEDED = {"ru": ("только", "лишь", "исключительно") + NEEDED["ru"],
                  "en": ("only", "must", "has", "have") + NEEDED["en"],
                  "pl": ("tylko", "jedynie", "wyłącznie", "wylacznie", "trzeba", "musi") + NEEDED["pl"]}


# Searched in the lowercased text; a match counts only where a word starts (its token's start).
IN_PERSON_RE = {language: re.compile("|".join(words)) for language, words in IN_PERSON_WORDS.items()}


def _in_person_required(draft, clauses, language):
    if language not in IN_PERSON_RE:
        return
    tokens, starts = clauses.tokens, clauses.starts
    parties = venues = None
    # The words found by one search over the text, each mapped to its token (not a look at every word).
    for match in IN_PERSON_RE[language].finditer(clauses.prose.lower()):
        index = bisect_left(starts, match.start())
        if index >= len(tokens) or starts[index] != match.start():
            continue
        tok = tokens[index]
        if language == "en" and not (index > 0 and tokens[index - 1].lower == "in"):
            continue
        if language == "ru" and tok.lower.startswith("лично") and tok.lower != "лично":
            continue  # «личном кабинете»: a word that only begins so
        members = clauses.clause_tokens(tok.clause)
        lowered = [m.lower for m in members]
        if any(word in NEGATIONS.get(language, ()) or word in CONDITIONS.get(language, ())
               or word in FIRST_PERSON.get(language, ()) for word in lowered):
            continue
        if language == "en" and ("has" in lowered or "have" in lowered) and "to" not in lowered:
            continue  # "has to be done in person", not "has been collected in person"
        if not any(word.startswith(ONLY_OR_NEEDED[language]) for word in lowered if word != tok.lower):
            continue
        if parties is None:  # read only once a clause asks for a visit (most texts have none)
            parties = _by_clause(clauses, draft.find("third-party"))
            venues = _by_clause(clauses, draft.find("venue"))
        if parties.get(tok.clause):
            continue  # «Курьер передаст заказ только лично Вам», "handed over only to you in person": delivery
        if tok.lower == "лично" and not [s for s in venues.get(tok.clause, ()) if s.first != index]:
            continue  # «лично» goes somewhere only with the place named («только лично в отделении»)
        yield (tokens[index - 1].start if language == "en" else tok.start), tok.end


def _owned_act_before(tokens, first, index, language) -> bool:
    """An act of contacting that is ours or the client's («наш звонок», "our call", «nasz telefon») before
    `index` in its clause: it is the subject of the verb, so the place named after it is where WE call."""
    nouns = ACT_NOUNS.get(language, ())
    owners = CLIENT_OWN.get(language, ()) + OURS.get(language, ())
    return any((tokens[i].lower in nouns if language == "en" else tokens[i].lower.startswith(nouns))
               and tokens[i - 1].lower.startswith(owners) for i in range(first + 1, index))
