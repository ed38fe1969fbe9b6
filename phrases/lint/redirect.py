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
from phrases.lint.blame import CONDITIONS, FIRST_PERSON, NEGATIONS, merge_spans

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
    asked = {kind: [verb for verb in found if _requested(clauses, verb, requests, language)]
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
            if aimed:
                target = min(aimed, key=lambda s: abs(s.first - verb.first))
                hits.append((min(verb.start, target.start), max(verb.end, target.end)))
            elif literal:
                hits.append((verb.start, verb.end))
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


def _place_referred_to(clauses, clause, verb, venues, language):
    tokens = clauses.tokens
    if not any(tok.lower in THERE.get(language, ()) for tok in clauses.clause_tokens(clause)):
        return []
    sentence = tokens[verb.first].sentence
    return [s for s in venues if s.last < verb.first and tokens[s.first].sentence == sentence]


def _by_clause(clauses, spans):
    """{clause: [spans starting in it]}"""
    grouped = {}
    for span in spans:
        grouped.setdefault(clauses.tokens[span.first].clause, []).append(span)
    return grouped


def _requested(clauses, verb, requests, language) -> bool:
    """Whether the verb at `verb` is asked of the client (imperative or after a request term)."""
    tokens = clauses.tokens
    token = tokens[verb.first]
    before = tokens[clauses.clause_range[token.clause][0]:verb.first]
    conditions = [index for index, tok in enumerate(before) if tok.lower in CONDITIONS.get(language, ())]
    if conditions:
        # «Najlepiej będzie, jeśli Pani odwiedzi salon», "it's best if you call the bank": the if-clause
        # is what is recommended to the client; any other condition requests nothing.
        return _recommended(tokens, before, clauses.clause_range[token.clause][0], conditions[-1], language)
    marked = [r for r in requests.get(token.clause, ()) if r.last < verb.first and not _negated(tokens, r.first, language)]
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
        return form.imperative or (bool(marked) and form.infinitive)
    if language == "en":
        following = tokens[verb.last + 1] if verb.last + 1 < len(tokens) else None
        if following is not None and following.clause == token.clause and following.lower in EN_NOUN_AFTER:
            return False
        if _en_noun(tokens, verb):
            return False
        leading = [tok for tok in before if tok.lower not in EN_LEADING]
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
        if first.endswith(PL_IMPERATIVE_ENDINGS) and not first.endswith(("esz", "isz", "ysz")):
            return True
        if any(clauses.prose[r.start:r.end].lower() == "niech" for r in marked):
            return True  # «niech Pani zadzwoni»: the third-person imperative
        if first.startswith("zapras"):
            return True  # «zapraszamy do punktu obsługi»: an invitation is a request
        return bool(marked) and (text.endswith(("ć", "c", "ć się")) or not first.endswith(PL_FINITE_ENDINGS))
    return bool(marked)


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
    for start, _ in clauses.literals:
        if not members[0].start <= start < end:
            continue
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

