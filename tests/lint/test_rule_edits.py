"""Rules rebuilt after a reviewer's edit compile only what the edit changed: the kinds whose terms are the same
are shared with the rules before it, so the first text each worker lints after an edit does not wait for every
term of three languages to compile again."""
from phrases.lint.engine import lint
from phrases.lint.patterns import THIRD_PARTY_MACRO
from phrases.lint.ruleset import TERM_KINDS, build_ruleset, default_rows


def _rules(terms, rows=None):
    settings, _ = default_rows()
    return build_ruleset(rows or settings, terms, [], ["client_name"])


def _edited(terms, language, kind, extra):
    at = next(i for i, (lang, k, _, _) in enumerate(terms) if (lang, k) == (language, kind))
    lang, k, pattern, suggestion = terms[at]
    return terms[:at] + [(lang, k, f"{pattern}|{extra}", suggestion)] + terms[at + 1:]


def test_an_edited_slang_term_is_in_force_and_only_its_kind_is_compiled_again():
    _, terms = default_rows()
    before = _rules(terms)
    assert not [f for f in lint("Привет, чмоки!", "ru", before) if f.rule == "slang"]

    after = _rules(_edited(terms, "ru", "slang", "чмоки"))
    assert [f.rule for f in lint("Привет, чмоки!", "ru", after) if f.rule == "slang"] == ["slang"]
    assert after.terms_for("ru", "slang") is not before.terms_for("ru", "slang")
    assert after.combined("ru", "slang") is not before.combined("ru", "slang")
    for kind in TERM_KINDS:
        if kind != "slang":
            assert after.terms_for("ru", kind) is before.terms_for("ru", kind), kind
            assert after.combined("ru", kind) is before.combined("ru", kind), kind
    for language in ("en", "pl"):
        assert after.terms_for(language, "slang") is before.terms_for(language, "slang")
        assert after.combined(language, "slang", folded=True) is before.combined(language, "slang", folded=True)


def test_a_changed_third_party_recompiles_the_kinds_that_name_third_parties():
    _, terms = default_rows()
    before = _rules(terms)
    after = _rules(_edited(terms, "ru", "third-party", "почтамт"))
    # Terms written with the third-party macro take the new list (a blame or redirect clause may name it).
    changed = {kind for kind in TERM_KINDS if after.terms_for("ru", kind) is not before.terms_for("ru", kind)}
    assert "third-party" in changed
    macro_kinds = {kind for lang, kind, pattern, _ in terms if lang == "ru" and THIRD_PARTY_MACRO in pattern}
    assert macro_kinds and macro_kinds <= changed
    assert "slang" not in changed


def test_a_changed_setting_keeps_every_compiled_term():
    settings, terms = default_rows()
    before = _rules(terms)
    quieter = [(rule, language, "off" if rule == "slang" else severity, limit)
               for rule, language, severity, limit in settings]
    after = _rules(list(terms), rows=quieter)
    assert all(after.terms_for("ru", kind) is before.terms_for("ru", kind) for kind in TERM_KINDS)
    assert not [f for f in lint("Всё норм, заказ у Вас.", "ru", after) if f.rule == "slang"]
    assert [f for f in lint("Всё норм, заказ у Вас.", "ru", before) if f.rule == "slang"]
