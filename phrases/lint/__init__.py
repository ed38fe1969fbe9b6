"""The brand-voice linter: chat standards as tunable rules.

    from phrases.lint import lint_text
    for finding in lint_text("спс, щас проверю", "ru"):
        print(finding.rule, finding.severity, finding.message, finding.start, finding.end)

The engine (`engine.lint`) is pure: text and a rule set in, findings out. `lint_text` uses the
rules reviewers tuned in the admin (`ruleset.current_ruleset`).
"""
from phrases.lint.engine import RULE_IDS, lint
from phrases.lint.findings import Finding
from phrases.lint.spelling import spelling_status


def lint_text(body: str, language: str) -> list[Finding]:
    """Findings for `body` in `language` under the rules currently in force."""
    from phrases.lint.ruleset import current_ruleset

    return lint(body, language, current_ruleset())


__all__ = ["RULE_IDS", "Finding", "lint", "lint_text", "spelling_status"]
