"""Linting a phrase body against the brand-voice rules in force."""
from phrases.lint import rules as checks
from phrases.lint.findings import OFF, Finding
from phrases.lint.messages import message, speaking
from phrases.lint.spelling import unknown_words

RULE_IDS = tuple(checks.CHECKS) + ("spelling",)


def lint(body: str, language: str, ruleset) -> list[Finding]:
    """Every finding for `body` in `language` under `ruleset`, ordered by position. Pure."""
    language = (language or "").lower()
    draft = checks.Draft(body=body or "", language=language, ruleset=ruleset)
    findings = []
    with speaking(language):
        for rule, check in checks.CHECKS.items():
            severity, limit = ruleset.rule(rule, language)
            if severity == OFF:
                continue
            draft.limits[rule] = limit
            for start, end, values, suggestion in check(draft):
                findings.append(Finding(rule, severity, message(rule, **values), start, end, suggestion))
        severity, _ = ruleset.rule("spelling", language)
        if severity != OFF:
            flagged = {(f.start, f.end) for f in findings}
            for word in unknown_words(draft.words, language, ruleset.team_words):
                if any(start < word.end and word.start < end for start, end in flagged):
                    continue  # already reported by a more specific rule
                findings.append(Finding("spelling", severity, message("spelling", word=word.text),
                                        word.start, word.end, None))
    findings.sort(key=lambda f: (f.start, f.end, f.rule))
    return findings
