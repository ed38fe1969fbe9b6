"""Lint speed for a 500-character phrase, without and with spelling, and for a 20,000-character
text (the most the lint API accepts; every rule is linear, target ≤ 50 ms): support-chat prose per
language (the repository's lint sentences and libraries, joined) and the audit's hostile shapes in
every language, each timed to its end in CPU and wall time (p50 and max).

    python -m benchmarks.lint [--quick]
"""
import argparse
import random
import time

from benchmarks.common import percentiles, table

SENTENCES = {
    "ru": ["Здравствуйте, {client_name}! Заказ {order_id} уже собран и передан в службу доставки.",
           "Курьер позвонит Вам за час до приезда, чтобы согласовать удобное время.",
           "Если планы изменятся, напишите мне в этот чат, и я перенесу доставку на другой день.",
           "Оплатить покупку можно картой при получении или по ссылке: {link}.",
           "Спасибо, что выбрали наш магазин, хорошего Вам дня!"],
    "en": ["Hello, {client_name}! Your order {order_id} has been packed and handed to the courier.",
           "The courier will call you an hour before arrival to agree on a convenient time.",
           "If your plans change, write to me in this chat and I will move the delivery to another day.",
           "You can pay by card on delivery or via the link: {link}.",
           "Thank you for choosing our shop, have a lovely day!"],
    "pl": ["Dzień dobry, {client_name}! Zamówienie {order_id} jest spakowane i przekazane kurierowi.",
           "Kurier zadzwoni godzinę przed przyjazdem, aby ustalić dogodną porę.",
           "Jeśli plany się zmienią, proszę napisać do mnie na tym czacie, a przełożę dostawę.",
           "Za zakupy można zapłacić kartą przy odbiorze lub przez link: {link}.",
           "Dziękujemy za wybór naszego sklepu i życzymy miłego dnia!"],
}


# Hostile shapes, 20,000 characters each (the audit's reproductions, scaled up, and more).
HOSTILE = {
    "emoji+ZWJ runs": "😀\u200d" * 9999 + "😀x",
    "a@ ×10,000": "a@" * 10000,
    "(a×50+@) ×392": ("a" * 50 + "@") * 392,
    "20,000 spaces + x": " " * 19999 + "x",
    "😀 + FE0F ×19,998 + x": "😀" + "\ufe0f" * 19998 + "x",
    "one 20,000-letter word": "a" * 20000,
    "hyphenated chain": "a-" * 10000,
    "full stops": "." * 20000,
    "digits and spaces": "1 " * 10000,
    "mixed scripts": ("Позвoните нам, call the hотline, zadzwoń na infolinię. " * 400)[:20000],
    "phone numbers": ("+7 (999) 123-45-67 " * 1100)[:20000],
    "e-mail addresses": ("napisz na support@shop.pl lub info@shop.pl, " * 460)[:20000],
    "a request, then «почта» ×3,300": ("Позвоните, почта " + "почта " * 3300)[:20000],
}


def _prose(language, count, rng, length=20_000):
    """`count` texts of `length` characters of real support-chat prose: the repository's lint
    sentences and library phrases of the language, shuffled and joined."""
    from benchmarks.lint_identity import corpus

    bodies = [body for name, lang, body in corpus()
              if lang == language and ":" in name and not name.startswith(("long:", "hostile:"))
              and not name.endswith((":lower", ":upper", ":folded"))]
    return joined_texts(bodies, count, rng, length)


def joined_texts(bodies, count, rng, length=20_000):
    """`count` texts of `length` characters: `bodies` shuffled and joined, again for each text."""
    texts = []
    for _ in range(count):
        rng.shuffle(bodies)
        text = ""
        for body in bodies * 10:
            if len(text) >= length:
                break
            text += body + " "
        texts.append(text[:length])
    return texts


def _timed(body, language, ruleset):
    """(wall ms, CPU ms) of linting `body` to its end (no time budget)."""
    from phrases.lint import lint

    started, cpu_started = time.perf_counter(), time.process_time()
    lint(body, language, ruleset, budget=60)
    return (time.perf_counter() - started) * 1000, (time.process_time() - cpu_started) * 1000


def _bodies(language, count, rng):
    bodies = []
    for _ in range(count):
        sentences = SENTENCES[language][:]
        rng.shuffle(sentences)
        body = ""
        for sentence in sentences * 3:
            if len(body) + len(sentence) + 1 > 500:
                break
            body += (" " if body else "") + sentence
        bodies.append(body)
    return bodies


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args(argv)
    import os
    import sys

    from benchmarks.common import ROOT

    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from phrases.lint import lint, spelling
    from phrases.lint.ruleset import default_ruleset

    rng = random.Random(5)
    count = 50 if args.quick else 300
    with_spelling = default_ruleset()
    without = default_ruleset()
    without.rules["spelling"] = {"*": ("off", None)}
    rows, long_rows = [], []
    for language in ("ru", "en", "pl"):
        bodies = _bodies(language, count, rng)
        lint(bodies[0], language, with_spelling)  # load the dictionary once, as a worker would
        for name, ruleset in (("rules only", without), ("with spelling", with_spelling)):
            samples = []
            for body in bodies:
                started = time.perf_counter()
                lint(body, language, ruleset)
                samples.append((time.perf_counter() - started) * 1000)
            stats = percentiles(samples)
            available = spelling.spelling_available(language) or name == "rules only"
            rows.append([language, name if available else name + " (no dictionary)", f"{len(bodies[0])}",
                         f"{stats['p50']:.2f}", f"{stats['p95']:.2f}", "≤ 5 ms" if name == "rules only" else "≤ 30 ms"])
        texts = _prose(language, 6 if args.quick else 30, rng)
        for body in texts[:2]:
            lint(body, language, with_spelling, budget=60)  # a warm worker: its words' verdicts cached
        wall, cpu = zip(*(_timed(body, language, with_spelling) for body in texts))
        long_rows.append([language, "prose", "20000", *_stats(cpu), *_stats(wall)])
    for name, body in HOSTILE.items():
        wall, cpu = [], []
        for language in ("ru", "en", "pl"):
            lint(body, language, with_spelling, budget=60)
            for _ in range(2 if args.quick else 5):
                one_wall, one_cpu = _timed(body, language, with_spelling)
                wall.append(one_wall)
                cpu.append(one_cpu)
        long_rows.append(["ru/en/pl", name, f"{len(body)}", *_stats(cpu), *_stats(wall)])
    print("Lint benchmark (one text per call; spelling dictionaries loaded beforehand, as in a worker)")
    table(["lang", "mode", "chars", "p50 ms", "p95 ms", "target"], rows)
    print()
    print("20,000-character texts, all rules and spelling, timed to their end (no budget); target: "
          f"wall ≤ 50 ms on a quiet machine, CPU ≤ 25 ms. Load average: {os.getloadavg()[0]:.1f}")
    table(["lang", "text", "chars", "CPU p50", "CPU max", "wall p50", "wall max"], long_rows)


def _stats(samples_ms):
    return f"{percentiles(samples_ms)['p50']:.1f}", f"{max(samples_ms):.1f}"


if __name__ == "__main__":
    main()
