"""Blame-shift: does a sentence put a fault on a third party, or disown the problem?

A sentence shifts the blame when
1. a `blame` term says so by itself: a disowning ("not our fault", «мы ни при чём», «nie nasza
   wina», "their mistake") or a fault named after a third party («по вине склада», "the courier's
   mistake", «z winy kuriera»); or
2. a `fault` («потерять», "mixed up", «zgubił», "the wrong …") is done by a `third-party` term:
   the subject nearest to the fault in its clause (before it, else after it, else in an earlier
   clause of the sentence) is a third party, or «он»/"they"/«oni» in a sentence naming one. A
   first-person subject («мы», "we", «-liśmy») owns the fault instead, so "We mixed up the order
   at our warehouse" is not blame; nor is a fault in an «если»/"if" clause, a question or a
   negated fault; or
   Beside the listed faults, a whole family is read from the verb's form: a third party that did
   not do a finished job («склад не успел», «podwykonawca nie dotrzymał», past tense, negated),
   unless the verb is one whose absence is good news («банк не взял комиссию», «nie pobrał»); and
   an English passive fault placed at a third party ("got lost at the sorting centre") names it; or
3. a `disown` term that needs someone to point at («вопросы к нему», "nothing we can do",
   «nie mamy na to wpływu») shares a sentence with a third party.
A sentence that only mentions a third party («Курьер позвонит за час», "the bank credits refunds
in 3–5 days") is a plain fact.
"""
import re

from phrases.lint.clauses import Span

FIRST_PERSON = {"ru": {"я", "мы"}, "en": {"i", "we", "i'm", "we're", "we've", "i've", "we'll", "i'll", "we'd", "i'd"},
                "pl": {"ja", "my"}}
THIRD_PERSON = {"ru": {"он", "она", "они"}, "en": {"he", "she", "they", "he's", "she's", "they've", "they're"},
                "pl": {"on", "ona", "oni", "one"}}
# Somebody unnamed who did it («кто-то на складе перепутал», "someone in accounts forgot", «ktoś zgubił»):
# not us, so an agent even in a sentence that names no third party.
SOMEONE = {"ru": {"кто-то", "кто-нибудь", "кое-кто"}, "en": {"someone", "somebody"},
           "pl": {"ktoś", "ktos"}}
# A third party after one of these is a place or an addressee, not the one who acted.
PREPOSITIONS = {
    "ru": {"в", "во", "на", "из", "от", "до", "для", "с", "со", "к", "ко", "у", "о", "об", "при", "по", "за", "под",
           "над", "перед", "через", "между", "про"},
    "en": {"at", "in", "to", "from", "with", "for", "of", "on", "into", "about", "via", "through", "between"},
    "pl": {"w", "we", "na", "do", "od", "z", "ze", "dla", "u", "o", "przy", "po", "za", "pod", "nad", "przed",
           "między", "ku"},
}
# Words that may stand between a preposition and its noun ("at our warehouse", «в нашем отделе»).
DETERMINERS = {
    "ru": ("наш", "ваш", "эт", "тот", "мо", "их", "его", "её", "ее", "сво", "люб"),
    "en": ("the", "a", "an", "our", "your", "my", "their", "this", "that", "his", "her", "its", "any"),
    "pl": ("nasz", "wasz", "ten", "ta", "to", "tego", "tej", "tym", "mó", "moj", "ich", "jego", "jej", "sw"),
}
CONDITIONS = {"ru": {"если", "когда", "ли", "пока"}, "en": {"if", "when", "whether", "unless"},
              "pl": {"jeśli", "jeżeli", "jesli", "jezeli", "gdy", "gdyby", "kiedy", "czy"}}  # typed without diacritics too
NEGATIONS = {"ru": {"не", "ни"}, "en": {"not", "never", "didn't", "hasn't", "haven't", "wasn't", "don't",
                                        "doesn't", "won't"},
             "pl": {"nie"}}
NOT_YET = {"ru": {"ещё", "еще", "пока"}, "en": set(), "pl": {"jeszcze"}}
RELATIVES = {"ru": ("котор", "кто"), "en": ("who", "which", "that", "whom", "whose"), "pl": ("któr", "kto")}
PL_FIRST_PERSON_ENDINGS = ("śmy", "łem", "łam")
# A Polish past-tense verb (typed with or without diacritics): «dostarczył», «zgubili», «zdazyl».
PL_PAST = re.compile(r"\w{2,}(?:ł|l)(?:a|o|y|i)?(?:śmy|smy)?")
# The third person plural of the Polish past («zgubili», «pomylili»): «na poczcie zgubili» has no subject.
PL_IMPERSONAL = re.compile(r"\w{2,}(?:ł|l)(?:i|y)")
# A first-person Polish past form owns what the clause says: «podaliśmy», «wpisałem», «zrobilam».
PL_FIRST_PERSON = re.compile(r"\w+(?:śmy|smy)|\w*[aeiouyąęó](?:ł|l)(?:em|am)")
# Verbs whose negation is a good fact, not a job left undone: «банк не взял комиссию», «nie pobrał
# opłaty», «не списал»; the client not found at home («не застал», «nie zastał»); and the
# auxiliaries («nie był», «не смог»).
GOOD_WHEN_NOT = {
    "ru": ("взять", "брать", "списать", "списывать", "начислить", "снять", "удержать", "быть", "мочь", "стать",
           "требовать", "потребовать", "взимать", "смочь", "суметь", "застать", "дозвониться", "достучаться", "выставить", "заблокировать", "ошибиться", "нарушить"),
    "pl": ("by", "mia", "mog", "móg", "móg", "chcia", "pobra", "pobiera", "nalicz", "obciąż", "obciaz", "potrąci",
           "potraci", "wzi", "wymaga", "musia", "zdoła", "zdola", "zasta", "dodzwoni", "zablokowa", "pomyli", "naruszy", "zrobi", "mus"),
}
# English: "did not" / "never" and a verb is a job not done («didn't pass it on», "never showed up"), unless
# the verb is one whose absence is good news or neutral ("didn't charge you", "didn't need").
EN_NOT_DONE = {"didn't", "didn’t", "never"}
EN_GOOD_WHEN_NOT = {"charge", "charged", "take", "took", "ask", "asked", "need", "needed", "require", "required",
                    "cost", "have", "had", "mind", "lose", "lost", "break", "broke", "damage", "damaged", "miss",
                    "missed", "forget", "forgot", "block", "blocked", "refuse", "refused", "cancel", "cancelled",
                    "fail", "failed", "stop", "affect", "want", "see", "know", "notice", "say", "mean", "expect",
                    "bill", "debit", "deduct", "hold", "happen", "find", "change", "add", "go", "get", "be",
                    "ever", "even", "once", "again", "really", "always", "do"}
# «не смог» / «nie zdołał» hand the question to the verb that follows: the job not done is the infinitive.
ABLE = {"ru": ("смочь", "суметь"), "pl": ("zdoła", "zdola", "móg", "mog")}
NOTHING = {"ничего", "ничто", "никого", "ничем", "ни", "nic", "niczego", "nikogo", "niczym"}
# An English passive ("got lost", "was damaged") placed at a third party names it as the cause.
EN_PASSIVE = {"got", "was", "were", "been", "get", "gets", "is", "are"}
EN_PLACES = {"at", "in", "by", "with"}
REACH = 40  # words read on each side of a fault for its subject (a chat sentence's clause is far shorter)
# "Our" before a word for a fault: the sentence owns the problem («— это наша недоработка», "our
# mistake", «to nasza wina»), so a third party named in it is where the fault showed, not its cause.
# Denied ("not our fault", «не наша вина») it is a disowning instead (a `blame` term).
OURS = {"ru": ("наш",), "en": ("our",), "pl": ("nasz",)}
OWNED_FAULTS = {
    "ru": ("ошибк", "вина", "вину", "вины", "виной", "недоработк", "недосмотр", "упущени", "недочёт", "недочет", "просчёт", "просчет", "оплошност"),
    "en": ("mistake", "fault", "error", "oversight", "bad", "slip"),
    "pl": ("wina", "winy", "winą", "winie", "błąd", "błęd", "blad", "bled", "niedopatrzeni", "przeoczeni", "pomyłk", "pomylk", "niedociągnięci"),
}

# A fault named as a noun: these families (stems), not their wordings, say something went wrong.
FAULT_NOUNS = {
    "ru": ("ошибк", "невнимательност", "халатност", "небрежност", "недосмотр", "неразберих", "путаниц", "неисправност",
           "поломк", "безответственност", "нерасторопност", "медлительност", "недоработк", "оплошност", "промах",
           "просчёт", "просчет", "забывчивост", "некомпетентност", "неаккуратност", "бездействи", "накладк",
           "недобросовестност", "неорганизованност", "сбой", "сбоя", "сбою", "сбоем", "сбое", "сбои", "сбоев", "глюк"),
    "en": ("mistake", "error", "mix-up", "mixup", "blunder", "failure", "glitch", "negligence", "carelessness",
           "oversight", "slip-up", "confusion", "malfunction", "screw-up", "incompetence", "mishandling", "outage"),
    "pl": ("błęd", "błąd", "bled", "blad", "pomyłk", "pomylk", "niedopatrzeni", "zaniedbani", "nieuwag", "niedbalstw",
           "awari", "usterk", "bałagan", "balagan", "roztargnieni", "niekompetencj", "przeoczeni", "niedbałoś",
           "niedbalos", "zamieszani"),
}
# Words that open a cause («из-за», "due to", «przez», «z powodu», «w wyniku»), and the one that opens a
# passive's agent ("made by", «popełniony przez»).
CAUSES = {"ru": {"из-за", "вследствие", "причине", "результате"},
          "en": {"due", "because", "owing", "caused", "result", "thanks"},
          "pl": {"przez", "powodu", "wskutek", "skutek", "wyniku"}}
BY = {"en": {"by"}, "pl": {"przez"}}
CAUSE_REACH = 4  # words between the cause, its fault noun and the third party (one noun phrase each)


def blame_shift(draft):
    """Yield (start, end, {"word": …}, None) for each sentence that shifts the blame."""
    clauses = draft.clauses
    language = draft.language
    find = draft.find
    hits = [(s.start, s.end) for s in find("blame")]
    faults, disowns = find("fault"), find("disown")
    faults = _merge_faults(faults, _unfinished_jobs(clauses, language))
    if faults or disowns:  # only then is it worth looking for third parties
        parties = find("third-party")
        if language == "ru":
            parties = _with_agent_nouns(clauses, parties)
        party_sentences = {clauses.tokens[s.first].sentence for s in parties}
        # A sentence that disowns the problem («мы тут бессильны», "nothing we can do", «to nie nasza decyzja»)
        # points at someone: its «они» / "they" / «oni» is that someone, as in a sentence naming a third party.
        pointed = party_sentences | {clauses.tokens[s.first].sentence for s in disowns}
        party_at = {}  # token index -> the (first, longest) third-party span covering it
        for party in parties:
            for index in range(party.first, party.last + 1):
                party_at.setdefault(index, party)
        owned = {}  # sentence -> does it admit the fault as ours (read once per sentence: linear)
        for fault in faults:
            draft.check_time()
            sentence = clauses.tokens[fault.first].sentence
            if sentence not in owned:
                owned[sentence] = _sentence_owns_fault(clauses, sentence, language)
            if owned[sentence]:
                continue
            agent = _agent(clauses, fault, party_at, pointed, language)
            if agent is not None:
                hits.append((min(agent.start, fault.start), max(agent.end, fault.end)))
        for disown in disowns:
            if clauses.tokens[disown.first].sentence in party_sentences:
                hits.append((disown.start, disown.end))
        hits.extend(_named_fault_of_party(clauses, party_at, language))
        hits.extend(_caused_by_party(clauses, faults, party_at, party_sentences, language))
    else:
        party_at = {s.first: s for s in find("third-party")}
        hits.extend(_named_fault_of_party(clauses, party_at, language))
        if party_at:
            parties = find("third-party")
            full_at = {}
            for party in parties:
                for index in range(party.first, party.last + 1):
                    full_at.setdefault(index, party)
            hits.extend(_caused_by_party(clauses, (), full_at,
                                         {clauses.tokens[s.first].sentence for s in parties}, language))
    for start, end in merge_spans(hits):
        yield start, end, {"word": draft.body[start:end]}, None


def _named_fault_of_party(clauses, party_at, language):
    """A fault named as a noun and put on a third party by the sentence's structure: a cause whose noun is a
    fault and whose owner is a third party («из-за невнимательности грузчиков», "due to carelessness by the
    carrier", «przez nieuwagę magazyniera»), or a fault noun with a passive's agent ("the mistake was made by
    a colleague", «błąd popełniony przez magazyn»). «Наш» / "our" / «nasz» before the party owns it; a
    condition before the cause makes it hypothetical."""
    nouns, causes, by = FAULT_NOUNS.get(language), CAUSES.get(language, ()), BY.get(language, ())
    if not nouns or not party_at:
        return []
    tokens = clauses.tokens
    found = []
    for index, token in enumerate(tokens):
        if not token.lower.startswith(nouns):
            continue
        clause = token.clause
        window = [i for i in range(max(0, index - CAUSE_REACH), index) if tokens[i].clause == clause]
        caused = any(tokens[i].lower in causes for i in window)
        if not caused:
            ahead = [i for i in range(index + 1, min(len(tokens), index + 1 + CAUSE_REACH + 2))
                     if tokens[i].clause == clause]
            at = next((i for i in ahead if tokens[i].lower in by), None)
            if at is None:
                continue
            start = at
        else:
            start = index
        clause_first = clauses.clause_range[clause][0]
        if any(tokens[i].lower in CONDITIONS.get(language, ()) for i in range(clause_first, index)):
            continue
        for i in range(start + 1, min(len(tokens), start + 1 + CAUSE_REACH)):
            if tokens[i].clause != clause:
                break
            if tokens[i].lower.startswith(OURS.get(language, ())) and _external(tokens, i + 1, language):
                continue  # «нашего партнёра», "our partner": another company even when it works for us
            if tokens[i].lower.startswith(OURS.get(language, ())) or tokens[i].lower in FIRST_PERSON.get(language, ()):
                break  # «из-за ошибки нашего склада», "by our warehouse": the sentence owns it
            party = party_at.get(i)
            if party is not None:
                first = window[0] if caused and window else index
                found.append((tokens[first].start, party.end))
                break
    return found


def _agent(clauses, fault: Span, party_at, party_sentences, language):
    """The third party that did `fault`, or None when it is ours, hypothetical or nobody's."""
    tokens = clauses.tokens
    token = tokens[fault.first]
    if _owned_by_form(clauses, fault, language):
        return None
    clause = token.clause
    sentence_first, sentence_past = clauses.sentence_range[token.sentence]
    last_end = tokens[sentence_past - 1].end
    if clauses.prose[last_end:last_end + 3].lstrip().startswith("?"):
        return None  # a question to the client, not a statement
    # Only the REACH words nearest the fault are read, so each fault costs the same however long its
    # clause: a text repeating a fault word thousands of times stays linear.
    clause_first, clause_past = clauses.clause_range[clause]
    members = range(max(clause_first, fault.first - REACH), min(clause_past, fault.last + 1 + REACH))
    before = range(members.start, fault.first)
    if any(tokens[i].lower in CONDITIONS.get(language, ()) for i in before):
        return None
    if before and tokens[before[-1]].lower in NOT_YET.get(language, ()):
        return None  # «курьер ещё не приехал»: still on the way, nothing has gone wrong yet
    if before and tokens[before[-1]].lower in NEGATIONS.get(language, ()) and \
            tokens[fault.first].lower not in NEGATIONS.get(language, ()):
        return None  # «склад ничего не потерял»: the fault is denied, not assigned
    if _planned(clauses, fault, language):
        return None  # «поставщик не отгрузит в срок»: a negated plan, not a job left undone
    if _discovered(tokens, fault, language):
        return None  # "the technician found a faulty board": the fault is what was found, not what was done
    if _at_clients_request(tokens, members, language) or \
            _as_client_asked(tokens, range(sentence_first, sentence_past), language):
        return None  # "the bank blocked the card at your request": the client's own choice, carried out
    after = range(fault.last + 1, members.stop)
    earlier = [i for i in range(max(sentence_first, clause_first - REACH), clause_first)
               if not _relative_clause(clauses, tokens[i].clause, language)]
    for order in (reversed(before), after, reversed(earlier)):
        for index in order:
            subject = _subject(clauses, index, party_at, party_sentences, language)
            if subject == "us":
                return None
            if subject is not None:
                return subject
    if language == "en":
        return _passive_place_agent(tokens, fault, party_at, after)
    return _impersonal_agent(clauses, fault, party_at, members, language) or \
        _stuck_at_party(clauses, fault, party_at, members, language) or \
        _unnamed_agent(clauses, fault, members, language)


def _unfinished_jobs(clauses, language):
    """Faults read from the verb's form: «не» / «nie» and a past-tense verb (Russian: perfective), a
    job the agent did not do. Whether the agent is a third party is decided as for any fault."""
    if language == "en":
        return _unfinished_jobs_en(clauses)
    if language not in ("ru", "pl"):
        return []
    tokens = clauses.tokens
    found = []
    for index in range(len(tokens) - 1):
        if tokens[index].lower not in ("не", "nie"):
            continue
        verb = tokens[index + 1]
        if verb.clause != tokens[index].clause:
            continue
        if index and tokens[index - 1].lower in NOTHING and tokens[index - 1].clause == verb.clause:
            continue  # «склад ничего не потерял», «nic nie zgubił»: the fault is denied
        if language == "ru":
            from phrases.lint.morphology import reading

            word = reading(verb.lower)
            if word.lemma in ABLE["ru"] and index + 2 < len(tokens) and tokens[index + 2].clause == verb.clause:
                # «не смог найти»: the job is the infinitive's («не смог дозвониться» is the client not found)
                job = reading(tokens[index + 2].lower)
                if job.infinitive and job.lemma not in GOOD_WHEN_NOT["ru"]:
                    found.append(Span(index, index + 2, tokens[index].start, tokens[index + 2].end))
                continue
            if word.lemma in WANT["ru"] and index + 2 < len(tokens) and tokens[index + 2].clause == verb.clause:
                # «не захотел подниматься»: a job refused, unless the job is sparing the client («беспокоить»)
                job = reading(tokens[index + 2].lower)
                if job.infinitive and job.lemma not in COURTESY["ru"]:
                    found.append(Span(index, index + 2, tokens[index].start, tokens[index + 2].end))
                continue
            if not word.finished_past or word.lemma in GOOD_WHEN_NOT["ru"]:
                continue
        elif verb.lower.startswith(WANT["pl"]) and PL_PAST.fullmatch(verb.lower):
            # «nie chciał wnieść paczki»: a job refused, unless the job is sparing the client («niepokoić»)
            if index + 2 < len(tokens) and tokens[index + 2].clause == verb.clause and \
                    tokens[index + 2].lower.endswith(("ć", "c")) and \
                    not tokens[index + 2].lower.startswith(COURTESY["pl"]) and not PL_FIRST_PERSON.fullmatch(verb.lower):
                found.append(Span(index, index + 2, tokens[index].start, tokens[index + 2].end))
            continue
        elif verb.lower.startswith(ABLE["pl"]) and PL_PAST.fullmatch(verb.lower) and index + 2 < len(tokens) and \
                tokens[index + 2].clause == verb.clause:
            job = tokens[index + 2].lower
            if job.endswith(("ć", "c")) and not job.startswith(GOOD_WHEN_NOT["pl"]) and \
                    not PL_FIRST_PERSON.fullmatch(verb.lower):
                found.append(Span(index, index + 2, tokens[index].start, tokens[index + 2].end))
            continue
        elif not PL_PAST.fullmatch(verb.lower) or verb.lower.startswith(GOOD_WHEN_NOT["pl"]) or \
                PL_FIRST_PERSON.fullmatch(verb.lower):
            continue
        found.append(Span(index, index + 1, tokens[index].start, verb.end))
    return found


def _unfinished_jobs_en(clauses):
    """"The courier didn't ring the bell", "the installer never showed up": a past job not done, read from
    the negation and whatever verb follows it (the "has not yet" perfect is still under way, so left out)."""
    tokens = clauses.tokens
    found = []
    for index in range(len(tokens) - 1):
        word = tokens[index].lower
        verb_at = index + 1
        if word == "did" and tokens[index + 1].lower == "not":
            verb_at = index + 2
        elif word in ("couldn't", "couldn’t", "wouldn't", "wouldn’t"):
            pass  # only the unwillingness below ("couldn't be bothered to")
        elif word not in EN_NOT_DONE:
            continue
        if verb_at >= len(tokens) or tokens[verb_at].clause != tokens[index].clause:
            continue
        refused = _refused_en(tokens, verb_at)
        if refused is not None:
            found.append(Span(index, refused, tokens[index].start, tokens[refused].end))
            continue
        verb = tokens[verb_at].lower
        if word in ("couldn't", "couldn’t", "wouldn't", "wouldn’t"):
            continue
        if not verb.isalpha() or verb in EN_GOOD_WHEN_NOT or verb in FIRST_PERSON["en"]:
            continue
        if word == "never" and not (verb.endswith("ed") or verb in EN_IRREGULAR_PAST):
            continue  # «never» before a present form is a habit or a promise, not a job left undone
        found.append(Span(index, verb_at, tokens[index].start, tokens[verb_at].end))
    return found


EN_IRREGULAR_PAST = {"came", "brought", "sent", "gave", "told", "left", "made", "paid", "put", "rang", "showed",
                     "shown", "wrote", "spoke", "took", "went", "got", "kept", "let", "built", "caught", "bought"}


def _merge_faults(listed, read):
    """The listed faults and those read from the verb's form, each span once, in order."""
    if not read:
        return listed
    # A verb that is a listed fault itself («nie spóźnił się») is read as listed: negated, it is denied.
    covered = {index for s in listed for index in range(s.first, s.last + 1)}
    return sorted(list(listed) + [s for s in read if s.last not in covered], key=lambda s: (s.first, -s.last))


def _passive_place_agent(tokens, fault, party_at, after):
    """"Your order got lost at the sorting centre of the postal service": a passive fault with no agent
    of its own, placed at a third party («our» warehouse is ours: the sentence owns it)."""
    if fault.first == 0 or tokens[fault.first - 1].lower not in EN_PASSIVE:
        return None
    for index in after:
        word = tokens[index].lower
        if word in EN_PLACES:
            continue
        if word in DETERMINERS["en"] and word not in ("our", "my"):
            continue
        return party_at.get(index)
    return None


def _impersonal_agent(clauses, fault, party_at, members, language):
    """«Коробку повредили в транспортной компании», «Na poczcie zgubili list»: a plural verb with no
    subject of its own puts the fault on the third party named in its clause, even after a preposition."""
    if language == "pl":
        if not any(PL_IMPERSONAL.fullmatch(tok.lower) for tok in clauses.tokens[fault.first:fault.last + 1]):
            return None
    elif language == "ru":
        from phrases.lint.morphology import reading

        if not any(reading(tok.lower).impersonal for tok in clauses.tokens[fault.first:fault.last + 1]):
            return None
    else:
        return None
    for index in members:
        if index < fault.first or index > fault.last:
            party = party_at.get(index)
            if party is not None:
                return party
    return None


# Going astray by itself (the client's refund or parcel as subject): «завис», «застрял», «utknął», «zaginęła»;
# a delay at a third party («задержался на сортировочном центре») is a plain fact.
STUCK = {"ru": ("зависнуть", "застрять", "затеряться", "потеряться", "пропасть", "затерять"),
         "pl": ("utkn", "zawieruszy", "zgubi", "zagin", "przepad", "zapodzia")}
PLACES = {"ru": {"в", "во", "на", "у"}, "pl": {"w", "we", "na", "u"}}


def _stuck_at_party(clauses, fault, party_at, members, language):
    """«Ваш возврат завис в банке», «Paczka utknęła w sortowni»: the Russian and Polish form of "got lost at
    the sorting centre": something of the client's went astray at a third party, which names it."""
    tokens = clauses.tokens
    words = [tokens[i].lower for i in range(fault.first, fault.last + 1)]
    if language == "ru":
        from phrases.lint.morphology import reading

        if not any(reading(word).lemma in STUCK["ru"] for word in words):
            return None
    elif not any(word.startswith(STUCK.get(language, ("\0",))) for word in words):
        return None
    for index in members:
        party = party_at.get(index)
        if party is None or index != party.first or not party.first:
            continue
        previous = tokens[party.first - 1].lower
        if previous in PLACES[language] or previous.startswith(DETERMINERS[language]) and party.first > 1 and \
                tokens[party.first - 2].lower in PLACES[language]:
            if previous.startswith(OURS[language]):
                return None  # «в нашем магазине»: ours
            return party
    return None


def _sentence_owns_fault(clauses, sentence, language) -> bool:
    """The sentence admits the fault as ours: "our" (not denied) right before a word for a fault."""
    ours, faults, negations = OURS.get(language, ()), OWNED_FAULTS.get(language, ()), NEGATIONS.get(language, ())
    tokens = clauses.sentence_tokens(sentence)
    for position, token in enumerate(tokens[:-1]):
        if token.lower.startswith(ours) and tokens[position + 1].lower.startswith(faults):
            if not (position and tokens[position - 1].lower in negations):
                return True
    return False


def _owned_by_form(clauses, fault, language):
    """A first-person verb form owns its fault: «перепутаем», «pomyliliśmy», «zgubiłem»."""
    text = clauses.prose[fault.start:fault.end].lower()
    if language == "pl":
        return any(text.endswith(ending) or ending + " " in text for ending in PL_FIRST_PERSON_ENDINGS)
    if language == "ru":
        from phrases.lint.morphology import reading

        return any(reading(tok.lower).first_person for tok in clauses.tokens[fault.first:fault.last + 1])
    return False


def _planned(clauses, fault, language):
    """A negated fault in the future or present («не отгрузит», «не найдёт»): nothing has failed yet."""
    if language != "ru" or fault.last == fault.first or clauses.tokens[fault.first].lower != "не":
        return False
    from phrases.lint.morphology import reading

    return any(reading(tok.lower).non_past for tok in clauses.tokens[fault.first + 1:fault.last + 1])


def _relative_clause(clauses, clause, language):
    first = clauses.tokens[clauses.clause_range[clause][0]]
    return first.lower.startswith(RELATIVES.get(language, ()))


def _subject(clauses, index, party_at, party_sentences, language):
    tokens = clauses.tokens
    token = tokens[index]
    if token.lower in FIRST_PERSON.get(language, ()):
        if language == "en" and _contact_clause(clauses, index, party_at):
            return None  # "the seller we work with": a contact relative clause describing the party, not our act
        return "us"
    if language == "pl" and PL_FIRST_PERSON.fullmatch(token.lower):
        return "us"  # «To my podaliśmy kurierowi zły adres»: we did it
    if token.lower in THIRD_PERSON.get(language, ()) and token.sentence in party_sentences or \
            token.lower in SOMEONE.get(language, ()):
        return Span(index, index, token.start, token.end)
    party = party_at.get(index)
    if party is None:
        return None
    if _after_preposition(tokens, party.first, language):
        return None  # «на складе», "at our warehouse": where, not who
    if party.first and tokens[party.first - 1].lower.startswith(OURS.get(language, ())) and \
            party.first >= 2 and tokens[party.first - 2].lower.startswith(FAULT_NOUNS.get(language, ())):
        return "us"  # «przez nieuwagę naszego magazynu»: the fault is named as ours
    if party.first and tokens[party.first - 1].lower.startswith(OURS.get(language, ())) and \
            tokens[party.first].lower.startswith(SYSTEMS.get(language, ("\0",))) and not _external_party(tokens, party, language):
        return "us"  # «наша система», "our system", «nasz system»: our own tool, unlike "the partner's system"
    if language == "pl" and tokens[party.first].lower.endswith(("owi", "om")) and party.first == party.last:
        return None  # «kurierowi», «magazynom»: the one given to, not the one who acted
    if language == "ru" and not (party.first and tokens[party.first - 1].lower == "у"):
        from phrases.lint.morphology import reading

        if not reading(tokens[party.first].lower).can_be_subject:
            return None  # «передан курьеру»: the courier received, did not act
    return party


def _contact_clause(clauses, index, party_at):
    """"The seller we work with", "the courier firm we use": "we" right after a third party's noun (its last word
    or the one before it, no punctuation between) opens a clause that describes the party."""
    tokens = clauses.tokens
    for back in (1, 2):
        at = index - back
        if at < 0 or tokens[at].clause != tokens[index].clause or \
                clauses.prose[tokens[at].end:tokens[at + 1].start].strip(" \t-'’"):
            return False
        if at in party_at:
            return True
    return False


def _after_preposition(tokens, first, language):
    index = first - 1
    while index >= 0 and tokens[index].clause == tokens[first].clause:
        word = tokens[index].lower
        if word in PREPOSITIONS.get(language, ()):
            if language == "ru" and word == "у" and index == first - 1:
                return False  # «у партнёра упала система»: whose system failed, not a place
            # «ze przewoznik zgubil»: «że» typed without its dot before a noun in the nominative
            return not (language == "pl" and word == "ze" and index == first - 1 and
                        tokens[first].lower[-1:] not in "aeiouyąęó")

        if language == "en" and word not in DETERMINERS["en"] or \
                language != "en" and not word.startswith(DETERMINERS.get(language, ())):
            return False
        index -= 1
    return False


def merge_spans(spans):
    """Overlapping (start, end) spans joined, in order."""
    merged = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


# A company that works with us but is not us: "our partner" is still another company («нашего партнёра»,
# «nasz partner»), unlike "our warehouse" or "our team".
EXTERNAL = {"ru": ("партн", "подрядчик", "поставщик", "перевозчик", "субподрядчик"),
            "en": ("partner", "contractor", "subcontractor", "supplier", "carrier", "vendor"),
            "pl": ("partner", "podwykonawc", "dostawc", "przewoźnik", "przewoznik")}


def _external(tokens, index, language):
    return index < len(tokens) and tokens[index].lower.startswith(EXTERNAL.get(language, ("\0",)))


# "The system" is a third party when it acts by itself; "our system" is ours.
SYSTEMS = {"ru": ("систем",), "en": ("system",), "pl": ("system",)}


def _external_party(tokens, party, language):
    """Is any word of the third party `party` a company that works with us but is not us ("our payment provider")?"""
    return any(_external(tokens, index, language) for index in range(party.first, party.last + 1))


# Clauses that give the cause of what the sentence reports: «…, потому что банк…», "…because the
# warehouse…", «…, bo magazyn…». Their subject is the cause of the sentence's problem.
CAUSE_OPENERS = {"ru": {"потому", "поскольку", "ибо", "оттого"}, "en": {"because", "since", "cause", "coz"},
                 "pl": {"bo", "ponieważ", "poniewaz", "gdyż", "gdyz"}}
# «из-за того, что», «так как», «przez to, że», «dlatego, że»: the cause opened across a comma.
CAUSE_PAIRS = {"ru": ({"что"}, {("из-за", "того"), ("оттого",), ("того",)}),
               "pl": ({"że", "ze"}, {("przez", "to"), ("dlatego",), ("tego",)}),
               "en": ({"that"}, {("fact",)})}
# A manner that makes a job a bad one: «долго», "slow", «źle»: said of a third party that caused a problem.
BAD_MANNER = {"ru": {"долго", "медленно", "плохо", "поздно", "неаккуратно", "криво", "нерасторопно"},
              "en": {"slow", "slowly", "badly", "poorly", "late", "carelessly", "sloppily"},
              "pl": {"długo", "dlugo", "wolno", "powoli", "źle", "zle", "późno", "pozno", "niedbale"}}
# What the sentence reports going wrong (besides the listed faults): a delay, being stuck, not arriving.
PROBLEMS = {"ru": ("задерживаться", "задержаться", "затягиваться", "затянуться", "опаздывать", "опоздать",
                   "запаздывать", "зависнуть", "застрять", "задерживать"),
            "en": ("stuck", "delayed", "late", "held", "missing", "slow", "lost", "damaged", "broken", "wrong"),
            "pl": ("opóźni", "opozni", "utkn", "spóźni", "spozni", "zagin", "przedłuż", "przedluz", "wstrzyma")}


def _cause_clause(clauses, clause, language):
    """Does `clause` give a cause («потому что…», "because…", «bo…», «из-за того, что…»)?"""
    first, past = clauses.clause_range[clause]
    tokens = clauses.tokens
    word = tokens[first].lower
    if word in CAUSE_OPENERS.get(language, ()):
        return True
    if language == "ru" and word == "так" and first + 1 < past and tokens[first + 1].lower == "как":
        return True  # «…, так как склад…»
    openers, pairs = CAUSE_PAIRS.get(language, ((), ()))
    if word in openers and first:
        for pair in pairs:
            if first >= len(pair) and tuple(tokens[first - len(pair) + k].lower for k in range(len(pair))) == pair \
                    and tokens[first - 1].sentence == tokens[first].sentence:
                return True
    return False


def _caused_by_party(clauses, faults, party_at, party_sentences, language):
    """«Ваш платёж завис, потому что банк долго обрабатывает операции», "The refund is stuck because your bank
    is slow", «Zwrot się opóźnia, bo bank długo przetwarza przelewy»: a clause giving the cause of a problem,
    whose subject is a third party, puts the problem on it. The problem is what the rest of the sentence reports
    (a fault, a delay, something negated) or a bad manner in the cause itself («потому что склад плохо его
    упаковал»). A first-person subject owns the cause; «ещё не» / "yet" in it is still under way."""
    if not party_at:
        return []
    tokens = clauses.tokens
    clause_range = clauses.clause_range
    fault_clauses = {tokens[s.first].clause for s in faults}
    bad, problems = BAD_MANNER.get(language, set()), PROBLEMS.get(language, ())
    negations, not_yet = NEGATIONS.get(language, ()), NOT_YET.get(language, set()) | {"yet", "still"}
    found = []
    for clause in {tokens[i].clause for i in party_at}:
        if not _cause_clause(clauses, clause, language):
            continue
        first, past = clause_range[clause]
        if any(tokens[i].lower in not_yet for i in range(first, past)):
            continue
        agent = None
        for index in range(first, past):
            subject = _subject(clauses, index, party_at, party_sentences, language)
            if subject is not None:
                agent = subject
                break
        if agent is None or agent == "us":
            continue
        sentence = tokens[first].sentence
        sentence_first = clauses.sentence_range[sentence][0]
        reported = range(max(sentence_first, first - REACH), first)  # the REACH words before: linear in the text
        if any(tokens[i].lower in CONDITIONS.get(language, ()) for i in reported):
            continue
        manner = any(tokens[i].lower in bad or tokens[i].lower.startswith(FAULT_NOUNS.get(language, ("\0",)))
                     for i in range(first, past))
        problem = manner
        if not problem:
            for index in reported:
                token = tokens[index]
                word = token.lemma if language == "ru" else token.lower
                if token.clause in fault_clauses or token.lower in negations or \
                        (word in problems if language == "ru" else word.startswith(problems)):
                    problem = True
                    break
        if problem:
            found.append((tokens[agent.first].start, tokens[past - 1].end))
    return found


# Verbs of finding or mending: what follows them is what was found wrong or fixed, not what their subject did wrong.
DISCOVERY = {"ru": ("найти", "обнаружить", "выявить", "заметить", "определить", "диагностировать",
                    # and of mending: what was replaced or fixed was faulty, not done wrong by the one who mended it
                    "заменить", "поменять", "починить", "исправить", "отремонтировать", "устранить", "убрать"),
             "en": ("found", "find", "finds", "detected", "discovered", "noticed", "identified", "diagnosed",
                    "spotted", "located", "replaced", "fixed", "repaired", "swapped", "removed",
                    "replace", "fix", "repair"),
             "pl": ("znalaz", "wykry", "zauważy", "zauwazy", "odkry", "stwierdzi", "zdiagnozowa", "wymieni", "naprawi",
                    "usun", "popraw")}


def _discovered(tokens, fault, language):
    """"The technician found a faulty board", «Мастер обнаружил неисправную плату», «Technik wykrył wadliwą
    płytę»: the fault word is the object of a verb of finding."""
    index = fault.first - 1
    while index >= 0 and tokens[index].clause == tokens[fault.first].clause and \
            (tokens[index].lower in ("a", "an", "the", "some", "one") or
             language != "en" and tokens[index].lower.startswith(DETERMINERS.get(language, ()))):
        index -= 1
    if index < 0 or tokens[index].clause != tokens[fault.first].clause:
        return False
    word = tokens[index]
    if language == "ru":
        return word.lemma in DISCOVERY["ru"]
    if language == "en":
        return word.lower in DISCOVERY["en"]
    return word.lower.startswith(DISCOVERY.get(language, ("\0",))) and PL_PAST.fullmatch(word.lower) is not None


# The client's request («по Вашей просьбе», "at your request", "as you asked", «na Pana prośbę»): a fault verb
# («заблокировал», "blocked", «anulował») done at it is the client's choice carried out, not a failure. Only
# after its preposition: "misplaced your request" is a fault done to the request.
REQUEST = {"ru": ("просьб", "заявлени", "требовани", "желани", "запрос"), "en": ("request", "instruction", "wish"),
           "pl": ("prośb", "prosb", "życzeni", "zyczeni", "wniosek", "wniosk", "polecen")}
REQUEST_PREPOSITIONS = {"ru": {"по", "согласно"}, "en": {"at", "on", "upon", "per", "by"}, "pl": {"na", "z", "zgodnie"}}
# English verbs whose particle "on" takes the request as object ("passed on your request", "sat on your request").
PASSED_ON = {"pass", "passed", "passing", "hand", "handed", "sit", "sat", "sitting"}
YOUR = {"ru": ("ваш",), "en": ("your",), "pl": ("pana", "pani", "państwa", "panstwa", "twoj", "twoją", "twoja")}


def _at_clients_request(tokens, members, language):
    requests, yours = REQUEST.get(language, ()), YOUR.get(language, ())
    prepositions = REQUEST_PREPOSITIONS.get(language, ())
    for index in members:
        word = tokens[index].lower
        if language == "en" and word in ("asked", "requested", "wished") and index >= 2 and \
                tokens[index - 1].lower == "you" and tokens[index - 2].lower == "as":
            return True  # "as you asked"
        if index >= 2 and word.startswith(requests) and tokens[index - 1].lower.startswith(yours) and \
                tokens[index - 2].lower in prepositions:
            if language == "en" and index >= 3 and tokens[index - 2].lower == "on" and \
                    tokens[index - 3].lower in PASSED_ON:
                continue  # "didn't pass on your request": "on" belongs to the verb, the request is what was not passed
            return True
    return False


# "As you asked" in any clause of the sentence («как Вы просили», «tak jak Pani prosiła»): what the third party did
# was the client's wish, not a fault ("As you asked, the courier left the parcel by the door").
AS = {"ru": {"как"}, "en": {"as"}, "pl": {"jak"}}
CLIENT = {"ru": {"вы"}, "en": {"you"}, "pl": {"pan", "pani", "państwo", "panstwo"}}
ASKED = {"ru": ("просил", "попросил", "хотел", "указал", "договорил"), "en": ("asked", "requested", "wished", "wanted", "agreed"),
         "pl": ("prosi", "poprosi", "chcia", "zaznaczy", "wskaza", "ustali")}


def _as_client_asked(tokens, sentence, language):
    as_, client, asked = AS.get(language, ()), CLIENT.get(language, ()), ASKED.get(language, ())
    for index in sentence:
        if tokens[index].lower in client and index + 1 < sentence.stop and index and tokens[index - 1].lower in as_ \
                and tokens[index + 1].lower.startswith(asked):
            return True
    return False


# A plural verb's own subject, beside a third party: «вы», «они», «Państwo», and a reflexive («się»).
PL_PLURAL_SUBJECTS = {"wy", "oni", "one", "my", "państwo", "panstwo", "się", "sie"}


def _unnamed_agent(clauses, fault, members, language):
    """«Посылку повредили при перевозке», «Paczkę zniszczyli podczas transportu», «Заказ не довезли»: a plural
    verb with no subject at all did the fault. Nobody in the sentence is "we", so somebody else did it: blame
    on an unnamed third party. A plural subject of its own («деньги зависли», «Вы указали») or a first person
    anywhere in the sentence («мы», «-liśmy») reads otherwise."""
    if language not in ("ru", "pl"):
        return None
    tokens = clauses.tokens
    verbs = tokens[fault.first:fault.last + 1]
    if language == "ru":
        from phrases.lint.morphology import reading

        if not any(reading(tok.lower).impersonal and not reading(tok.lower).non_past for tok in verbs):
            return None
        if any(reading(tokens[i].lower).plural_subject for i in members):
            return None
    else:
        if not any(PL_IMPERSONAL.fullmatch(tok.lower) for tok in verbs):
            return None
        if any(tokens[i].lower in PL_PLURAL_SUBJECTS for i in members):
            return None
    sentence_first, sentence_past = clauses.sentence_range[tokens[fault.first].sentence]
    for index in range(max(sentence_first, fault.first - REACH), min(sentence_past, fault.last + 1 + REACH)):
        word = tokens[index].lower
        if word in FIRST_PERSON[language] or word in ("нас", "нам", "nas", "nam") or \
                language == "pl" and PL_FIRST_PERSON.fullmatch(word) or \
                language == "ru" and _first_person_verb(word):
            return None
    return fault


def _first_person_verb(word):
    from phrases.lint.morphology import reading

    return reading(word).first_person


# Not wanting to do a job is refusing it («не захотел подниматься», «nie chciał wnieść», "didn't want to
# come up", "couldn't be bothered to ring"), unless the job would have troubled the client.
WANT = {"ru": ("хотеть", "захотеть", "стать"), "pl": ("chcia",)}  # «не стал ждать»: would not
COURTESY = {"ru": ("беспокоить", "побеспокоить", "тревожить", "потревожить", "отвлекать", "отвлечь", "будить", "разбудить"),
            "pl": ("niepokoi", "przeszkadza", "budzi", "obudzi", "fatygowa", "kłopota", "klopota"),
            "en": {"disturb", "bother", "trouble", "wake", "worry", "rush", "keep", "interrupt"}}


def _refused_en(tokens, at):
    """After "didn't" / "couldn't": "want to VERB", "care to VERB", "be bothered to VERB": the index of VERB."""
    words = [tokens[i].lower for i in range(at, min(len(tokens), at + 4))]
    if words[:2] in (["want", "to"], ["care", "to"]):
        verb_at = at + 2
    elif words[:3] == ["be", "bothered", "to"]:
        verb_at = at + 3
    else:
        return None
    if verb_at >= len(tokens) or tokens[verb_at].clause != tokens[at].clause or tokens[verb_at].lower in COURTESY["en"]:
        return None
    return verb_at


def _with_agent_nouns(clauses, parties):
    """The listed third parties and people named by their job in Russian («доставщик», «сортировщик»): an
    animate noun in -щик / -чик (pymorphy3), other than the client («заказчик»)."""
    from phrases.lint.morphology import reading

    covered = {index for s in parties for index in range(s.first, s.last + 1)}
    extra = [Span(index, index, token.start, token.end) for index, token in enumerate(clauses.tokens)
             if index not in covered and token.lower.endswith(AGENT_ENDINGS) and reading(token.lower).agent_noun]
    if not extra:
        return parties
    return sorted(list(parties) + extra, key=lambda s: (s.first, -s.last))


AGENT_ENDINGS = ("щик", "щика", "щику", "щиком", "щике", "щики", "щиков", "щикам", "щиками", "щиках", "чик", "чика",
                 "чику", "чиком", "чике", "чики", "чиков", "чикам", "чиками", "чиках", "щица", "щицы", "щицу", "щицей",
                 "чица", "чицы", "чицу", "чицей")
