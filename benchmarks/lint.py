"""Lint speed for a 500-character phrase, without and with spelling, and for a 20,000-character
text (the most the lint API accepts; every rule is linear, target ≤ 50 ms), plus the audit's
hostile texts.

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


HOSTILE = {
    "emoji+joiner ×30": "😀\u200d" * 30 + "😀x",
    "a@ ×3000": "a@" * 3000,
    "(a×50+@) ×98": ("a" * 50 + "@") * 98,
    "20,000 spaces + x": " " * 20000 + "x",
    "😀 + FE0F ×19,998 + x": "😀" + "\ufe0f" * 19998 + "x",
}


def _long_body(language, rng, length=20_000):
    sentences = SENTENCES[language]
    body = ""
    while len(body) < length:
        body += rng.choice(sentences) + " "
    return body[:length]


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
    rows = []
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
        samples, cpu = [], []
        for _ in range(5 if args.quick else 30):
            body = _long_body(language, rng)
            started, cpu_started = time.perf_counter(), time.process_time()
            lint(body, language, with_spelling, budget=60)  # timed to the end, not to the budget
            samples.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - cpu_started) * 1000)
        stats = percentiles(samples)
        rows.append([language, "with spelling", "20000", f"{stats['p50']:.2f}", f"{stats['p95']:.2f}", "≤ 50 ms"])
        # The same texts' CPU time: what the linter costs, apart from waiting for a core on a shared machine.
        stats = percentiles(cpu)
        rows.append([language, "with spelling, CPU time", "20000", f"{stats['p50']:.2f}", f"{stats['p95']:.2f}", ""])
    for name, body in HOSTILE.items():
        samples = []
        for _ in range(3 if args.quick else 10):
            started = time.perf_counter()
            lint(body, "en", with_spelling)
            samples.append((time.perf_counter() - started) * 1000)
        stats = percentiles(samples)
        rows.append(["en", name, f"{len(body)}", f"{stats['p50']:.2f}", f"{stats['p95']:.2f}", "≤ 50 ms"])
    print("Lint benchmark (one text per call; spelling dictionaries loaded beforehand, as in a worker; "
          "20,000 characters timed without the per-text budget, so to their end)")
    table(["lang", "mode", "chars", "p50 ms", "p95 ms", "target"], rows)


if __name__ == "__main__":
    main()
