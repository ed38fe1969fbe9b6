""""I don't know" read from the sentence: does the operator say they do not know?

The rule set's terms find the wordings («не знаю», "no idea", «nie mam pojęcia»); the sentence then says who
does not know and why it is said:
- the client as the one who may not know ("If you don't know your order number", «Если Вы не в курсе»,
  «Jeśli Pan nie wie») is no admission: a condition or the client as subject before the words;
- doubt whether the operator understood the client ("I'm not sure I understood", «не уверена, что правильно
  поняла», «nie jestem pewna, czy dobrze zrozumiałam») is a question to the client, not a gap in knowledge;
- "I can't tell you how sorry I am", "I can't say enough": emphasis, not ignorance.
And the words in another order say the same: «Pojęcia nie mam», «Понятия не имею», «Zielonego pojęcia nie mam»
(`no_idea_inverted`). Pure: no Django.
"""
import bisect

from phrases.lint.blame import CONDITIONS

CLIENT_SUBJECT = {"ru": {"вы", "клиент"}, "en": {"you", "you're", "you've"},
                  "pl": {"pan", "pani", "państwo", "panstwo", "ty"}}
SPEAKER = {"ru": {"я", "мы", "мне", "нам"}, "en": {"i", "we", "i'm", "we're", "i've", "we've"},
           "pl": {"ja", "my", "mi", "nam"}}
# Verbs of understanding: doubt about them asks the client to confirm what they meant.
UNDERSTOOD = {"ru": ("понял", "поняла", "поняли", "понимаю", "понимаем", "понять"),
              "en": ("understood", "understand", "misunderstood"),
              "pl": ("zrozumiał", "zrozumial", "rozumiem", "zrozumieć", "zrozumiec", "pojął", "pojela", "pojęła")}
# "I can't tell you how sorry I am", "I can't say enough": what follows measures a feeling.
EMPHASIS_EN = {"how", "enough"}
# «Pojęcia nie mam», «Понятия не имею»: the idea noun and "not have" in either order.
IDEA = {"ru": {"понятия", "представления"}, "pl": {"pojęcia", "pojecia"}}
HAVE_NOT = {"ru": ("не", "имею"), "pl": ("nie", "mam")}


def not_an_admission(clauses, start, end, language) -> bool:
    """Whether the not-knowing words at [start, end) are the client's, a clarification or emphasis."""
    tokens = clauses.tokens
    first = bisect.bisect_left(clauses.starts, start)
    if first >= len(tokens):
        return False
    last = max(first, bisect.bisect_left(clauses.starts, end) - 1)
    clause, sentence = tokens[first].clause, tokens[first].sentence
    # The few words before it in its clause (a long clause is not read again for every hit).
    before = [tok.lower for tok in tokens[max(clauses.clause_range[clause][0], first - 8):first]]
    if any(word in CONDITIONS.get(language, ()) for word in before) and not \
            any(word in SPEAKER.get(language, ()) for word in before):
        return True  # "If you don't know …", «Если не в курсе …», «Jeśli Pan nie wie …»
    if any(word in CLIENT_SUBJECT.get(language, ()) for word in before) and not \
            any(word in SPEAKER.get(language, ()) for word in before):
        return True  # «Вы не в курсе?»: the client is the one who may not know
    following = [tok.lower for tok in tokens[last + 1:last + 6] if tok.sentence == sentence]
    if any(word.startswith(UNDERSTOOD.get(language, ())) for word in following):
        return True  # "I'm not sure I understood": a clarification
    if language == "en" and following[:1] and following[0] in EMPHASIS_EN | {"you"} and \
            (following[0] in EMPHASIS_EN or following[1:2] and following[1] in EMPHASIS_EN):
        return True  # "I can't tell you how sorry I am"
    return False


def no_idea_inverted(clauses, language):
    """[(start, end)] of «Pojęcia nie mam», «Понятия не имею»: the idea noun before "not have" in its clause."""
    if language not in IDEA:
        return []
    tokens, found = clauses.tokens, []
    negation, have = HAVE_NOT[language]
    for index, token in enumerate(tokens):
        if token.lower not in IDEA[language]:
            continue
        following = tokens[index + 1:index + 4]
        for k in range(len(following) - 1):
            if following[k].lower == negation and following[k + 1].lower == have and \
                    following[k + 1].clause == token.clause:
                found.append((token.start, following[k + 1].end))
                break
    return found
