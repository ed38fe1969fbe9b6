"""Term patterns that run in time linear in the text, and where they may start.

Reviewers write brand-voice terms as regular expressions (`Term.pattern`). Python's engine
backtracks, so a pattern such as `(a+)+b`, `\\w+\\w+x` or `.*x` can take exponential or quadratic
time on a crafted text. Two things keep every term linear:

1. `check_term_pattern` accepts only patterns whose backtracking is bounded: no back-references,
   no repeat inside a repeat, an unbounded repeat only over one character class that stays inside
   a word (letters, digits, hyphen) or inside a gap (spaces, punctuation), never followed by
   something it could also match, and a bounded number of alternative paths. The admin refuses
   any other pattern, naming the field; a stored one that breaks the rules is skipped with a log
   warning.
2. A term is tried only where a word starts (terms are whole words), and only when the word's
   first letter is one the term can start with (`StartIndex`): each attempt reads at most a few
   words and gaps, and a text with no candidate word costs nothing.

We keep Python's `re` (rather than an engine such as RE2) because the default terms and reviewers'
tuning rely on look-ahead (`короче(?=,)`, `ok(?!\\.\\s*\\d)`), which RE2 does not support; the
checks above give the same linear-time guarantee for the patterns we accept.
"""
import bisect
import re
import re._constants as c
import re._parser as sre_parse
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from itertools import accumulate
from math import prod


def gettext_noop(message: str) -> str:
    """Marks a message for the catalogue (makemessages reads the name); this pure module imports no Django."""
    return message


MAX_PATHS = 1000          # alternative paths through one pattern (sum over |, product along a sequence)
MAX_GROUP_REPEAT = 10     # a repeated group (not one character) may repeat at most this many times
UNBOUNDED = 50            # a repeat allowing more than this is treated as unbounded
REPEATS = (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT)
# Characters the checks try classes against (plus every literal of the pattern, in both cases).
SAMPLE = frozenset("aAzZbBxX09_-'’ \t\n.,;:!?@+()/«»\"#$%&*<=>[]^`{|}~яЯёЁжЖąĄłŁżŻéß€₽😀\u200d\ufe0f\u00a0")
# Where a term may start: a character other than a space that does not continue a word
# (a hyphen or apostrophe joins words: "PIN-u", "don't").
TERM_START_RE = re.compile(r"(?<![\w\-'’])\S")
DIGIT, WORD = "\\d", "\\w"  # first-letter keys standing for a class
# The same starts read in one split: [text before, start character, text between, …].
_TERM_START_SPLIT = re.compile(f"({TERM_START_RE.pattern})")


class UnsafePattern(ValueError):
    """A term pattern that could take more than linear time (or is not a regular expression).

    `message_id` is the English message (translated by whoever shows it), `params` its values."""

    def __init__(self, message_id, **params):
        self.message_id = message_id
        self.params = params
        super().__init__(message_id % params if params else message_id)


def _wordish(ch):
    return ch.isalnum() or ch in "_-'’"


def _category(category, ch):
    if category == c.CATEGORY_DIGIT:
        return ch.isdecimal()
    if category == c.CATEGORY_NOT_DIGIT:
        return not ch.isdecimal()
    if category == c.CATEGORY_SPACE:
        return ch.isspace()
    if category == c.CATEGORY_NOT_SPACE:
        return not ch.isspace()
    if category == c.CATEGORY_WORD:
        return ch.isalnum() or ch == "_"
    if category == c.CATEGORY_NOT_WORD:
        return not (ch.isalnum() or ch == "_")
    return True  # line-break categories and the like: assume anything


def _in_set(items, ch):
    negate = False
    found = False
    for op, av in items:
        if op == c.NEGATE:
            negate = True
        elif op == c.LITERAL:
            found = found or chr(av).lower() == ch.lower()
        elif op == c.RANGE:
            low, high = av
            found = found or any(len(x) == 1 and low <= ord(x) <= high for x in (ch, ch.lower(), ch.upper()))
        elif op == c.CATEGORY:
            found = found or _category(av, ch)
        else:
            found = True
    return found != negate


def _single(item, sample):
    """The sample characters one item matches, or None when the item is not one character."""
    op, av = item
    if op == c.LITERAL:
        return frozenset(ch for ch in sample if ch.lower() == chr(av).lower())
    if op == c.NOT_LITERAL:
        return frozenset(ch for ch in sample if ch.lower() != chr(av).lower())
    if op == c.ANY:
        return frozenset(ch for ch in sample if ch != "\n")
    if op == c.IN:
        return frozenset(ch for ch in sample if _in_set(av, ch))
    if op == c.SUBPATTERN and len(av[-1]) == 1:
        return _single(av[-1][0], sample)
    return None


def _items(node):
    return list(node)


def _first_or(items, sample, follow):
    """Like `_first`, but a sequence that may match nothing adds `follow` (never None)."""
    result = set()
    for index, (op, av) in enumerate(items):
        single = _single((op, av), sample)
        if single is not None:
            return frozenset(result | single)
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            continue
        if op == c.SUBPATTERN:
            children = [_items(av[-1])]
        elif op == c.ATOMIC_GROUP:
            children = [_items(av)]
        elif op == c.BRANCH:
            children = [_items(b) for b in av[1]]
        elif op in REPEATS:
            children = [_items(av[2])]
        else:
            return frozenset(sample)
        rest = None  # computed lazily: what follows this item
        nullable_child = False
        for child in children:
            if _nullable(child):
                nullable_child = True
            if rest is None:
                rest = _first_or(items[index + 1:], sample, follow)
            result |= _first_or(child, sample, rest)
        optional = op in REPEATS and av[0] == 0
        if not (nullable_child or optional):
            return frozenset(result)
    return frozenset(result | follow)


def _nullable(items):
    for op, av in items:
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            continue
        if op == c.SUBPATTERN:
            if not _nullable(_items(av[-1])):
                return False
        elif op == c.ATOMIC_GROUP:
            if not _nullable(_items(av)):
                return False
        elif op == c.BRANCH:
            if not any(_nullable(_items(b)) for b in av[1]):
                return False
        elif op in REPEATS:
            if av[0] > 0 and not _nullable(_items(av[2])):
                return False
        else:
            return False
    return True


def _contains_repeat(items):
    for op, av in items:
        if op in REPEATS and av[1] > 1:
            return True
        if op == c.SUBPATTERN and _contains_repeat(_items(av[-1])):
            return True
        if op == c.ATOMIC_GROUP and _contains_repeat(_items(av)):
            return True
        if op == c.BRANCH and any(_contains_repeat(_items(b)) for b in av[1]):
            return True
        if op in REPEATS and _contains_repeat(_items(av[2])):
            return True
    return False


def _paths(items, sample=SAMPLE):
    """How many ways the engine may try to match `items` from one position (backtracking paths).

    Alternatives that cannot start with the same character never compete: only the largest
    group of alternatives sharing a first character counts."""
    total = 1
    for op, av in items:
        if op == c.SUBPATTERN:
            count = _paths(_items(av[-1]), sample)
        elif op == c.ATOMIC_GROUP:
            count = _paths(_items(av), sample)
        elif op == c.BRANCH:
            branches = [_items(b) for b in av[1]]
            counts = [_paths(b, sample) for b in branches]
            firsts = [sample if _nullable(b) else _first_or(b, sample, frozenset()) for b in branches]
            count = max(sum(n for n, first in zip(counts, firsts) if ch in first) for ch in sample)
        elif op in REPEATS:
            body = _items(av[2])
            if len(body) == 1 and _single(body[0], SAMPLE) is not None:
                count = 1  # one character class: its backtracking is bounded by _check_item
            else:
                inner = _paths(body, sample)
                count = inner + 1 if av[1] <= 1 else (inner + 1) ** min(av[1], MAX_GROUP_REPEAT + 1)
        else:
            count = 1
        total *= count
        if total > MAX_PATHS:
            return total
    return total


def _check_sequence(items, sample, follow):
    for index, item in enumerate(items):
        rest = _first_or(items[index + 1:], sample, follow)
        _check_item(item, sample, rest)


def _check_item(item, sample, follow):
    op, av = item
    if op in (c.GROUPREF, c.GROUPREF_EXISTS):
        raise UnsafePattern(gettext_noop("Back-references (\\1, (?(1)…)) are not allowed in a term pattern."))
    if op == c.SUBPATTERN:
        _check_sequence(_items(av[-1]), sample, follow)
    elif op == c.ATOMIC_GROUP:
        _check_sequence(_items(av), sample, follow)
    elif op == c.BRANCH:
        for branch in av[1]:
            _check_sequence(_items(branch), sample, follow)
    elif op in (c.ASSERT, c.ASSERT_NOT):
        # Once a look-around's content matches, the look-around is done: nothing follows inside.
        _check_sequence(_items(av[1]), sample, frozenset())
    elif op in REPEATS:
        low, high, body = av
        body = _items(body)
        if high <= 1:
            _check_sequence(body, sample, follow)
            return
        chars = _single(body[0], sample) if len(body) == 1 else None
        if chars is None:
            if high > MAX_GROUP_REPEAT and _contains_repeat(body):
                raise UnsafePattern(gettext_noop("A repeat inside a repeat (like (a+)+ or (\\w+\\s)*) can take exponential "
                                    "time; write the repeated part once."))
            if high > MAX_GROUP_REPEAT:
                raise UnsafePattern(gettext_noop("A repeated group may repeat at most %(limit)s times (write "
                                                 "{0,%(limit)s} instead of * or +)."), limit=MAX_GROUP_REPEAT)
            _check_sequence(body, sample, _first_or(body, sample, follow))
            return
        if high > UNBOUNDED:
            word = {ch for ch in chars if _wordish(ch)}
            if word and word != chars:
                raise UnsafePattern(gettext_noop("An unbounded repeat over letters and spaces or punctuation alike (like .*, "
                                    "\\S+ or [^,]+) can run across the whole text; repeat \\w or \\s instead."))
            if chars & follow:
                raise UnsafePattern(gettext_noop("An unbounded repeat is followed by something it can also match (like \\w+\\w "
                                    "or \\s*\\s); such a pattern backtracks, so make the two parts exclusive."))


def check_term_pattern(pattern: str) -> None:
    """Raise `UnsafePattern` (a ValueError with a message for the writer of the pattern) unless
    `pattern` is a regular expression the linter can run in linear time from a word start."""
    try:
        parsed = sre_parse.parse(pattern, re.IGNORECASE)
    except (re.error, OverflowError, RecursionError) as error:
        raise UnsafePattern(gettext_noop("Not a valid regular expression: %(error)s."), error=str(error)) from None
    items = _items(parsed)
    if not items or _nullable(items):
        raise UnsafePattern(gettext_noop("The pattern matches empty text; a term must match at least one letter."))
    sample = SAMPLE | {chr(ch) for ch in _literals(items)}
    sample = frozenset(sample | {x for ch in sample for x in (ch.upper(), ch.lower()) if len(x) == 1})
    starts = _first_or(items, sample, frozenset())
    if any(ch.isspace() for ch in starts):
        raise UnsafePattern(gettext_noop("A term must not start with a space (terms are whole words)."))
    _check_sequence(items, sample, frozenset())
    if _paths(items, sample) > MAX_PATHS:
        raise UnsafePattern(gettext_noop("The pattern has more than %(limit)s alternative paths through it; "
                                         "split it into several terms."), limit=MAX_PATHS)


def _literals(items):
    for op, av in items:
        if op in (c.LITERAL, c.NOT_LITERAL):
            yield av
        elif op == c.IN:
            for inner_op, inner_av in av:
                if inner_op == c.LITERAL:
                    yield inner_av
                elif inner_op == c.RANGE:
                    yield inner_av[0]
                    yield inner_av[1]
        elif op == c.SUBPATTERN:
            yield from _literals(_items(av[-1]))
        elif op == c.ATOMIC_GROUP:
            yield from _literals(_items(av))
        elif op == c.BRANCH:
            for branch in av[1]:
                yield from _literals(_items(branch))
        elif op in REPEATS:
            yield from _literals(_items(av[2]))
        elif op in (c.ASSERT, c.ASSERT_NOT):
            yield from _literals(_items(av[1]))


def first_letters(pattern: str):
    """The lowercase letters a match of `pattern` can start with, or None when it may start with any."""
    try:
        items = _items(sre_parse.parse(pattern, re.IGNORECASE))
    except (re.error, OverflowError, RecursionError):
        return None
    return _exact_first(items)


def _exact_first(items):
    result = set()
    for op, av in items:
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            continue
        if op == c.LITERAL:
            return frozenset(result | {chr(av).lower()})
        if op == c.IN:
            chars = set()
            for inner_op, inner_av in av:
                if inner_op == c.LITERAL:
                    chars.add(chr(inner_av).lower())
                elif inner_op == c.RANGE and inner_av[1] - inner_av[0] <= 200:
                    chars |= {chr(x).lower() for x in range(inner_av[0], inner_av[1] + 1)}
                elif inner_op == c.CATEGORY and inner_av in (c.CATEGORY_DIGIT, c.CATEGORY_WORD):
                    chars.add(DIGIT if inner_av == c.CATEGORY_DIGIT else WORD)
                else:
                    return None
            return frozenset(result | chars)
        if op == c.SUBPATTERN:
            children, optional = [_items(av[-1])], False
        elif op == c.ATOMIC_GROUP:
            children, optional = [_items(av)], False
        elif op == c.BRANCH:
            children, optional = [_items(b) for b in av[1]], False
        elif op in REPEATS:
            children, optional = [_items(av[2])], av[0] == 0
        else:
            return None
        for child in children:
            first = _exact_first(child)
            if first is None:
                return None
            result |= first
        if not optional and not any(_nullable(child) for child in children):
            return frozenset(result)
    return None  # the whole pattern may match nothing: no single first letter


# Where a term may start, narrowed to its first characters.
#
# Most word starts begin with a letter some term of a kind also begins with, so the first letter
# alone leaves thousands of regex attempts per long text. The first three characters are far more
# selective: `start_prefixes` reads from a pattern which characters a match can begin with, and
# `StartIndex` groups a text's word starts by their first three characters, so a term is tried
# only where they fit. Characters are compared by their key: the simple lowercase, with the
# letters Python's re treats as the same under IGNORECASE ("ſ" and "s", "σ" and "ς"…) given one
# key, so a position the keys rule out is one the pattern cannot match at: the findings are those
# of trying every candidate. A part of a pattern that may start with any letter (`\w+-партнёр`) is
# tried everywhere, but only in a text that holds a string every match of it contains.


def _equal_letters():
    try:
        from re._casefix import _EXTRA_CASES  # Python ≥ 3.11: what re's IGNORECASE also treats as equal
    except ImportError:  # pragma: no cover
        return {}
    table = {}
    for code, others in _EXTRA_CASES.items():
        first = min((code, *others))
        if first != code:
            table[code] = first
    return table


_KEY_TABLE = _equal_letters()
_KEY_SPECIAL = re.compile("[\u0130" + "".join(re.escape(chr(code)) for code in _KEY_TABLE) + "]")
_SPECIAL_KEYS = frozenset({"i", *map(chr, _KEY_TABLE.values())})
_SPACES = frozenset(chr(code) for code in range(0x3001) if chr(code).isspace())


@cache
def _digits():
    """Every character \\d matches (str.isdecimal), read once."""
    return frozenset(chr(code) for code in range(0x110000) if chr(code).isdecimal())


def key_text(text: str):
    """`text` with each character replaced by its key (same length), or None when that cannot be."""
    keys = text.lower()
    if _KEY_SPECIAL.search(keys) is not None or "\u0130" in text:
        keys = text.replace("\u0130", "i").lower().translate(_KEY_TABLE)  # İ: its simple lowercase is i
    return keys if len(keys) == len(text) else None


class _Unknown(Exception):
    """Part of a pattern whose first characters are not worked out: the pattern is not narrowed."""


def _char_keys(item):
    """The keys of the characters one item matches (a frozenset), None for any character."""
    op, av = item
    if op == c.LITERAL:
        return frozenset(key_text(chr(av)) or ())
    if op in (c.NOT_LITERAL, c.ANY):
        return None
    keys = set()
    for inner_op, inner_av in av:  # c.IN
        if inner_op == c.LITERAL:
            keys.add(chr(inner_av))
        elif inner_op == c.RANGE and inner_av[1] - inner_av[0] <= 1000:
            for code in range(inner_av[0], inner_av[1] + 1):
                keys |= {chr(code), chr(code).upper(), chr(code).lower()}
        elif inner_op == c.CATEGORY and inner_av == c.CATEGORY_SPACE:
            keys |= _SPACES
        elif inner_op == c.CATEGORY and inner_av == c.CATEGORY_DIGIT:
            keys |= _digits()
        else:
            return None  # a negated set, another category, a wide range: anything
    result = set()
    for char in keys:
        for variant in {char, char.upper(), char.lower()}:
            if len(variant) == 1:
                result.add(key_text(variant))
    return frozenset(result - {None})


def _extend(prefixes, options, length):
    return {prefix if len(prefix) >= length else (prefix + option)[:length]
            for prefix in prefixes for option in options}


def _prefixes(items, length):
    """Every way a match of `items` can begin: tuples of up to `length` key sets (None: any)."""
    result = {()}
    for item in items:
        if all(len(prefix) >= length for prefix in result):
            break
        result = _extend(result, _item_prefixes(item, length), length)
    return result


def _item_prefixes(item, length):
    op, av = item
    if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
        return {()}  # reads no character (ignoring what it asserts only lets more positions through)
    if op in (c.LITERAL, c.NOT_LITERAL, c.ANY, c.IN):
        return {(_char_keys(item),)}
    if op == c.SUBPATTERN:
        return _prefixes(_items(av[-1]), length)
    if op == c.ATOMIC_GROUP:
        return _prefixes(_items(av), length)
    if op == c.BRANCH:
        return set().union(*(_prefixes(_items(branch), length) for branch in av[1]))
    if op in REPEATS:
        low, high, body = av
        if low > 100:
            raise _Unknown
        body = _prefixes(_items(body), length)
        total, current = set(), {()}
        # More repetitions than `low + length` add nothing: past `length` characters nothing counts.
        for count in range(min(high, low + length) + 1):
            if count >= low:
                total |= current
            current = _extend(current, body, length)
        return total
    raise _Unknown


PREFIX_LENGTH = 3       # characters of a word start a term is narrowed by
MAX_CHOSEN = 100_000    # word beginnings a `StartDispatch` keeps the filters of
MAX_WORDS_BEFORE = 3   # "a word, then spaces" repeated at most this often before a term's narrowed start
MAX_PREFIXES = 400      # more spelled-out prefixes than this for one part of a pattern: shorter ones


def _spelled(prefix):
    """The strings of keys a tuple of key sets stands for (cut shorter while there are too many)."""
    length = next((index for index, keys in enumerate(prefix) if keys is None), len(prefix))
    while length > 1 and prod(len(keys) for keys in prefix[:length]) > MAX_PREFIXES:
        length -= 1
    strings = [""]
    for keys in prefix[:length]:
        strings = [string + key for string in strings for key in keys]
    return strings


def longest_prefix(key: str, prefixes) -> str | None:
    """The longest beginning of `key` (itself included) that is in `prefixes`, or None."""
    for length in range(len(key), 0, -1):
        if key[:length] in prefixes:
            return key[:length]
    return None


def pruned(strings):
    """`strings` without those a shorter one of them begins."""
    kept = set()
    for string in sorted(strings, key=len):
        if not any(string[:length] in kept for length in range(1, len(string))):
            kept.add(string)
    return frozenset(kept)


def _word_unit(item):
    """Whether `item` repeats "a word, then spaces" (`\\w+\\s+`): (low, high) of the repeat, or None."""
    op, av = item
    if op not in REPEATS or av[1] > MAX_WORDS_BEFORE:
        return None
    body = _items(av[2])
    if len(body) == 1 and body[0][0] == c.SUBPATTERN:
        body = _items(body[0][1][-1])
    classes = []
    for inner_op, inner_av in body:
        if inner_op not in REPEATS or inner_av[0] < 1:
            return None
        inner = _items(inner_av[2])
        if len(inner) != 1 or inner[0][0] != c.IN or len(inner[0][1]) != 1 or inner[0][1][0][0] != c.CATEGORY:
            return None
        classes.append(inner[0][1][0][1])
    return (av[0], av[1]) if classes == [c.CATEGORY_WORD, c.CATEGORY_SPACE] else None


def _shifted(items, length):
    """Every way a match of `items` can begin: {(words, prefix)}, where `words` is how many "a word,
    then spaces" units (`_word_unit`) the match may begin with before `prefix` (`_prefixes`) begins."""
    result = {(0, ())}
    for item in items:
        if all(len(prefix) >= length for _, prefix in result):
            break
        unit = _word_unit(item)
        if unit is not None and all(not prefix for _, prefix in result):
            low, high = unit
            result = {(words + count, ()) for words, _ in result for count in range(low, high + 1)}
            continue
        op, av = item
        if op in (c.SUBPATTERN, c.BRANCH, c.ATOMIC_GROUP):
            branches = ([_items(av[-1])] if op == c.SUBPATTERN else [_items(av)] if op == c.ATOMIC_GROUP
                        else [_items(branch) for branch in av[1]])
            options = set().union(*(_shifted(branch, length) for branch in branches))
        else:
            options = {(0, prefix) for prefix in _item_prefixes(item, length)}
        extended = set()
        for words, prefix in result:
            for more, option in options:
                if not prefix:
                    extended.add((words + more, option))
                elif len(prefix) >= length:
                    extended.add((words, prefix))
                elif more:
                    raise _Unknown  # a word unit after the match's first characters: not worked out
                else:
                    extended.add((words, (prefix + option)[:length]))
        result = extended
    return result


def shifted_prefixes(pattern: str):
    """{words: prefixes}: a match of `pattern` begins `words` words (`\\w+\\s+` each) before a word
    start with one of `prefixes` (keys, as `start_prefixes`), for a pattern that may begin with a few
    words of any spelling ("(\\w+\\s+)?providers?": "provider" or the word before it). None when not
    worked out, or when it does not begin so."""
    try:
        shifted = _shifted(_items(sre_parse.parse(pattern, re.IGNORECASE)), PREFIX_LENGTH)
    except (_Unknown, re.error, OverflowError, RecursionError):
        return None
    by_words = defaultdict(set)
    for words, prefix in shifted:
        if not prefix or prefix[0] is None or prefix[0] & _SPACES:
            return None  # may begin anywhere, or with a space (not a word start)
        by_words[words].update(_spelled(prefix))
    if set(by_words) == {0}:
        return None  # nothing to shift: `start_prefixes` would have narrowed it, had it been able to
    return {words: pruned(strings) for words, strings in by_words.items()}


def start_prefixes(pattern: str):
    """The keys of the first characters (up to PREFIX_LENGTH) a match of `pattern` can begin with, as
    a frozenset of strings, or None when the pattern is not narrowed (it may start with any
    character or match nothing)."""
    try:
        prefixes = _prefixes(_items(sre_parse.parse(pattern, re.IGNORECASE)), PREFIX_LENGTH)
    except (_Unknown, re.error, OverflowError, RecursionError):
        return None
    strings = set()
    for prefix in prefixes:
        if not prefix or prefix[0] is None:
            return None
        strings.update(_spelled(prefix))
    return pruned(strings)


def _required(items):
    """Keys of strings one of which every match of `items` contains, or None when not known."""
    found, run = [], []
    for op, av in items:
        if op == c.LITERAL:
            run.append(key_text(chr(av)) or "")
            continue
        if run:
            found.append(frozenset({"".join(run)}))
            run = []
        required = None
        if op == c.SUBPATTERN:
            required = _required(_items(av[-1]))
        elif op == c.ATOMIC_GROUP:
            required = _required(_items(av))
        elif op == c.BRANCH:
            branches = [_required(_items(branch)) for branch in av[1]]
            if all(branch is not None for branch in branches):
                required = frozenset().union(*branches)
        elif op in REPEATS and av[0] >= 1:
            required = _required(_items(av[2]))
        if required is not None:
            found.append(required)
    if run:
        found.append(frozenset({"".join(run)}))
    return max(found, key=lambda strings: min(map(len, strings)), default=None)


def _may_be_space(op, av):
    """Whether a one-character item may match a space."""
    if op == c.LITERAL:
        return chr(av).isspace()
    if op != c.IN:
        return True
    for inner_op, inner_av in av:
        if inner_op == c.LITERAL:
            if chr(inner_av).isspace():
                return True
        elif inner_op == c.RANGE:
            if any(inner_av[0] <= ord(space) <= inner_av[1] for space in _SPACES):
                return True
        elif inner_op != c.CATEGORY or inner_av not in (c.CATEGORY_WORD, c.CATEGORY_DIGIT, c.CATEGORY_NOT_SPACE):
            return True  # a negated set, a space or another category
    return False


def _spaceless(items):
    """Whether no match of `items` contains a space (so a match lies within one run of non-spaces)."""
    for op, av in items:
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            continue
        if op in (c.LITERAL, c.NOT_LITERAL, c.ANY, c.IN):
            if _may_be_space(op, av):
                return False
        elif op == c.SUBPATTERN:
            if not _spaceless(_items(av[-1])):
                return False
        elif op == c.ATOMIC_GROUP:
            if not _spaceless(_items(av)):
                return False
        elif op == c.BRANCH:
            if not all(_spaceless(_items(branch)) for branch in av[1]):
                return False
        elif op in REPEATS:
            if not _spaceless(_items(av[2])):
                return False
        else:
            return False
    return True


def required_strings(pattern: str):
    """(keys of strings one of which every match of `pattern` contains (a frozenset) or None,
    whether no match contains a space)."""
    try:
        items = _items(sre_parse.parse(pattern, re.IGNORECASE))
        return _required(items), _spaceless(items)
    except (re.error, OverflowError, RecursionError):
        return None, False


@dataclass(frozen=True, eq=False)
class StartFilter:
    """Where a term (or a kind's terms together) may start.

    `letters`: its first letters (`first_letters`; None: any). `prefixes`: the first characters of
    the parts of it that `start_prefixes` narrows. `unnarrowed`: for each other part, the strings one
    of which its match contains and whether its match has no space (`required_strings`): while none
    of them is in a text, that part cannot match anywhere in it; a part without spaces can only
    start in a run of non-spaces holding one."""

    letters: frozenset | None
    prefixes: frozenset
    unnarrowed: tuple = ()
    # First keys whose words the first letters must still be checked for: a key the letters do not
    # name (it may be admitted as a word or digit character) or one a character with another
    # lowercase also has ("s" for "ſ", "i" for "İ").
    checked: frozenset = field(init=False)

    def __post_init__(self):
        checked = frozenset()
        if self.letters is not None:
            checked = frozenset(string[0] for string in self.prefixes
                                if string[0] in _SPECIAL_KEYS or string[0] not in self.letters)
        object.__setattr__(self, "checked", checked)

    @classmethod
    def of(cls, pattern: str):
        prefixes = start_prefixes(pattern)
        if prefixes is None:
            return cls(first_letters(pattern), frozenset(), (required_strings(pattern),))  # (strings, spaceless)
        return cls(first_letters(pattern), prefixes)

    @classmethod
    def merged(cls, letters, filters):
        """One filter for the alternation of the terms `filters` stand for."""
        prefixes = pruned(frozenset().union(*(one.prefixes for one in filters)))
        return cls(letters, prefixes, tuple(part for one in filters for part in one.unnarrowed))


def _admits(char, letters):
    """Whether a word starting with `char` is a candidate for a term starting with one of `letters`."""
    if char.lower() in letters:
        return True
    if WORD in letters and (char.isalnum() or char == "_"):
        return True
    return DIGIT in letters and char.isdecimal()


class StartDispatch:
    """Many `StartFilter`s read together: {word beginning (keys): the filters it may start a match
    of}. Built once per rule set and language (the filters are the rule set's), so a text's word
    beginnings are looked up once for all the terms, not once per term (`StartIndex.candidates_for`)."""

    def __init__(self, filters):
        self.filters = list(filters)
        by_prefix = defaultdict(list)
        for number, one in enumerate(self.filters):
            for string in one.prefixes:
                by_prefix[string].append(number)
        self.by_prefix = dict(by_prefix)
        self.unnarrowed = [number for number, one in enumerate(self.filters) if one.unnarrowed]
        # A word beginning chooses the filters of the longest prefix it begins with (and of that prefix's
        # own beginnings: a filter's prefixes never begin one another, see `pruned`, so each is chosen
        # once). Worked out here for every prefix, so a beginning a process meets for the first time
        # costs a few look-ups (`chosen_by`), not a walk of the prefixes.
        get = self.by_prefix.get
        self.of_prefix = {prefix: tuple(number for length in range(1, len(prefix) + 1)
                                        for number in get(prefix[:length], ()))
                          for prefix in self.by_prefix}
        self._chosen = dict(self.of_prefix)  # a word beginning's keys -> the filters it may start (`chosen_by`)
        for number, one in enumerate(self.filters):
            if getattr(one, "_dispatch", None) is None:
                # `StartIndex.candidates(one)` answers from this dispatch's one pass.
                object.__setattr__(one, "_dispatch", (self, number))

    def chosen_by(self, key):
        """The numbers of the filters a word beginning `key` (its first PREFIX_LENGTH keys) may start
        a match of: those with a prefix `key` begins with. Kept: texts share their word beginnings."""
        numbers = self._chosen.get(key)
        if numbers is None:
            of_prefix = self.of_prefix
            prefix = longest_prefix(key, of_prefix)
            numbers = () if prefix is None else of_prefix[prefix]
            if len(self._chosen) >= MAX_CHOSEN:
                self._chosen = dict(of_prefix)  # a bound on what many odd texts can make it keep
            self._chosen[key] = numbers
        return numbers


_NONE = []  # the starts of a filter no word beginning of the text fits (never changed)


class _Beginnings(dict):
    """{a beginning shorter than PREFIX_LENGTH: the bucket keys it begins, in their order}, built
    on first use (`_candidates` asks for it only for a filter with more prefixes than the text has
    word beginnings)."""

    def __init__(self, buckets):
        super().__init__()
        self._buckets = buckets
        self._built = False

    def get(self, string, default=None):
        if not self._built:
            by_beginning = defaultdict(list)
            for prefix in self._buckets:  # in the order the prefixes first occur
                for length in range(1, len(prefix)):
                    by_beginning[prefix[:length]].append(prefix)
            self.update(by_beginning)
            self._built = True
        return super().get(string, default)


class _Pending(list):
    """The starts a filter's prefixes choose, before its parts that are not narrowed are read."""

    @property
    def narrowed(self):
        return self


class StartIndex:
    """Where words start in a text, grouped by their lowercase first letter (and digit, word) and
    by their first two characters' keys."""

    def __init__(self, text: str, starts: list):
        self.text = text
        self.starts = starts
        self._by_letter = None
        self._by_prefix = None
        self._keys = False
        self._word_starts = None
        self._numbers = None
        self._dispatched = {}  # id(StartDispatch) -> (the dispatch, its candidates)

    @classmethod
    def of(cls, text: str, starts=None):
        if starts is None:
            # As TERM_START_RE.finditer finds them, without a match object per start.
            pieces = _TERM_START_SPLIT.split(text)
            starts = list(accumulate(map(len, pieces), initial=0))[1:-1:2]
        return cls(text, starts)

    @property
    def by_letter(self):
        if self._by_letter is None:
            text = self.text
            by_letter = defaultdict(list)
            for start in self.starts:
                char = text[start]
                by_letter[char.lower()].append(start)
                if char.isdecimal():
                    by_letter[DIGIT].append(start)
            self._by_letter = by_letter
        return self._by_letter

    @property
    def word_starts(self):
        """The starts with a word character (letter, digit, underscore)."""
        if self._word_starts is None:
            text = self.text
            self._word_starts = [start for start in self.starts if text[start].isalnum() or text[start] == "_"]
        return self._word_starts

    @property
    def keys(self):
        """The text's keys (`key_text`), or None."""
        if self._keys is False:
            self._keys = key_text(self.text)
        return self._keys

    def _buckets(self):
        """({first PREFIX_LENGTH keys: [starts]}, {shorter beginning: [those keys]}), or None."""
        if self._by_prefix is None:
            keys = self.keys
            if keys is None:
                self._by_prefix = False
            else:
                starts = self.starts
                buckets = defaultdict(list)
                for prefix, start in zip([keys[start:start + PREFIX_LENGTH] for start in starts], starts):
                    buckets[prefix].append(start)
                self._by_prefix = (dict(buckets), _Beginnings(buckets))
        return self._by_prefix or None

    def _in_runs_holding(self, strings, letters):
        """The starts (admitted by `letters`) in a run of non-spaces that holds one of `strings`, up
        to the last place one begins in it. Each run is read once, however many strings it holds."""
        keys, starts, text = self.keys, self.starts, self.text
        places = []
        for string in strings:
            if not string or string[0].isspace():
                if keys.find(string) != -1:
                    return self.candidates(letters)  # a string that may begin with a space: any run
                continue
            at = keys.find(string)
            while at != -1:
                places.append(at)
                at = keys.find(string, at + 1)
        # Each place's run starts after the last space before it. Read in order, only the text since
        # the previous place is searched for a space (no space there: the same run), so the whole
        # text is read at most once, and only when a string is in it (no list of every run).
        last_in_run = {}  # run start -> the last place a string begins in it
        run, read_to = 0, 0
        for at in sorted(set(places)):
            # The last space since the previous place, read backwards from this one: a step per
            # character of the run it ends, each character read once over all places.
            start = at
            while start > read_to and not text[start - 1].isspace():
                start -= 1
            if start > read_to:
                run = start
            read_to = at
            last_in_run[run] = at
        found = []
        for run, last in last_in_run.items():
            first_index = bisect.bisect_left(starts, run)
            past_index = bisect.bisect_right(starts, last)
            found += [start for start in starts[first_index:past_index]
                      if letters is None or _admits(text[start], letters)]
        return found

    @property
    def numbers(self):
        """{start: its number in `starts`}."""
        if self._numbers is None:
            self._numbers = {start: number for number, start in enumerate(self.starts)}
        return self._numbers

    def starts_before(self, found, words):
        """The starts `found` and the `words` starts before each (a match that begins with that many
        words before a narrowed start: `shifted_prefixes`; between two word starts of a match of
        "a word, then spaces" there is no other start)."""
        numbers, starts = self.numbers, self.starts
        before = set()
        for start in found:
            number = numbers[start]
            before.update(starts[max(0, number - words):number + 1])
        return before

    def may_hold(self, first: StartFilter) -> bool:
        """Whether a match of one of the parts `first` does not narrow may be in the text: one of the
        strings each such match contains is in it (`StartFilter.unnarrowed`)."""
        if self._buckets() is None:
            return True
        return any(self._present(strings) for strings, _ in first.unnarrowed)

    def _present(self, strings):
        """Whether one of `strings` (keys) is in the text (None: may be)."""
        keys = self.keys
        return strings is None or keys is None or any(string in keys for string in strings)

    def candidates_for(self, dispatch: StartDispatch) -> list:
        """[`candidates(filter)` for each filter of `dispatch`], the same lists, read in one pass
        over the text's word beginnings (kept: several rules ask for the same dispatch)."""
        known = self._dispatched.get(id(dispatch))
        if known is not None and known[0] is dispatch:
            return known[1]
        filters = dispatch.filters
        index = self._buckets()
        if index is None:
            found = [None] * len(filters)  # each read on demand, by `_candidates`
        else:
            chosen = defaultdict(list)  # filter number -> [(key, bucket)]
            chosen_by, known_keys = dispatch.chosen_by, dispatch._chosen  # most keys are known: no call
            for key, bucket in index[0].items():
                numbers = known_keys.get(key)
                for number in chosen_by(key) if numbers is None else numbers:
                    chosen[number].append((key, bucket))
            text = self.text
            found = [_NONE] * len(filters)  # shared: callers never change a list of starts
            for number, buckets in chosen.items():
                one = filters[number]
                checked, letters = one.checked, one.letters
                if len(buckets) == 1 and buckets[0][0][0] not in checked:
                    found[number] = buckets[0][1]
                    continue
                starts = []
                for key, bucket in buckets:
                    if key[0] in checked:
                        starts += [start for start in bucket if _admits(text[start], letters)]
                    else:
                        starts += bucket
                found[number] = sorted(set(starts)) if len(buckets) > 1 else starts
            for number in dispatch.unnarrowed:
                # The parts not narrowed are read on demand (most texts never ask for them).
                found[number] = _Pending(found[number])
        self._dispatched[id(dispatch)] = (dispatch, found)
        return found

    def candidates(self, first):
        """Word starts a term may match at, in order (a list the caller must not change). `first`:
        the term's `StartFilter`, or its first letters (None: any)."""
        dispatched = getattr(first, "_dispatch", None)
        if dispatched is not None:
            dispatch, number = dispatched
            found = self.candidates_for(dispatch)
            starts = found[number]
            if starts is None:
                starts = found[number] = self._candidates(first)
            elif type(starts) is _Pending:
                starts = found[number] = self._candidates(first, starts.narrowed)
            return starts
        return self._candidates(first)

    def _candidates(self, first, narrowed=None):
        """`candidates`, read for one filter; `narrowed`: the starts its prefixes choose, when
        known already (`candidates_for`)."""
        if isinstance(first, StartFilter):
            index = self._buckets()
            if index is None:
                return self.candidates(first.letters)
            found = []
            for strings, spaceless in first.unnarrowed:
                if self._present(strings):
                    if strings is None or not spaceless:
                        return self.candidates(first.letters)
                    found += self._in_runs_holding(strings, first.letters)
            if narrowed is not None:
                return sorted({*found, *narrowed})
            buckets, by_beginning = index
            checked, prefixes = first.checked, first.prefixes
            if len(prefixes) > len(buckets):  # fewer word beginnings in the text than in the term
                # A key has at most PREFIX_LENGTH (3) characters: its beginnings, spelled out.
                chosen = [(key, bucket) for key, bucket in buckets.items()
                          if key[:1] in prefixes or key[:2] in prefixes or key in prefixes]
            else:
                chosen = []
                for string in prefixes:
                    if len(string) >= PREFIX_LENGTH:
                        chosen.append((string, buckets.get(string, ())))
                    else:
                        chosen.append((string, buckets.get(string, ())))  # the text ends within it
                        chosen += [(string, buckets[prefix]) for prefix in by_beginning.get(string, ())]
            for key, bucket in chosen:
                starts = found if key[0] not in checked else []
                starts += bucket
                if starts is not found:
                    text, letters = self.text, first.letters
                    found += [start for start in starts if _admits(text[start], letters)]
            return sorted(set(found))
        letters = first
        if letters is None:
            return self.starts
        if WORD in letters:  # every word start, and the starts with a letter that is not a word character
            others = [letter for letter in letters if letter != WORD and not (letter.isalnum() or letter == "_")]
            if not others:
                return self.word_starts
            return sorted({*self.word_starts, *(start for letter in others for start in self.by_letter.get(letter, ()))})
        by_letter = self.by_letter
        found = [start for letter in letters for start in by_letter.get(letter, ())]
        return sorted(set(found)) if len(letters) > 1 else found


# In any term pattern, "{third-party}" stands for every third-party term of the language.
THIRD_PARTY_MACRO = "{third-party}"


def check_stored_pattern(pattern: str) -> None:
    """The check the admin runs on a term as written: `{third-party}` stands for a word."""
    check_term_pattern(pattern.replace(THIRD_PARTY_MACRO, "(?:party)"))
