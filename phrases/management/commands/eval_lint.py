from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from phrases.lint import lint
from phrases.lint.evaluation import load_items, score
from phrases.lint.ruleset import current_ruleset


class Command(BaseCommand):
    help = "Score the brand-voice linter on a labelled JSONL file: per-rule and overall precision/recall."

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?",
                            default=str(Path(settings.BASE_DIR).parent / "shared" / "eval" / "dev_lint.jsonl"))
        parser.add_argument("--show-errors", action="store_true", help="List every wrong (item, rule) pair")

    def handle(self, *args, file, show_errors, **options):
        if not Path(file).exists():
            raise CommandError(f"No lint evaluation file at {file}.")
        items = load_items(file)
        ruleset = current_ruleset()
        overall, per_rule = score(items, ruleset)
        self.stdout.write(f"Brand-voice lint on {file} ({len(items)} items; spelling not scored)")
        self.stdout.write(f"{'rule':<30} {'precision':>9} {'recall':>7} {'tp':>4} {'fp':>4} {'fn':>4}")
        for rule, m in per_rule.items():
            self.stdout.write(f"{rule:<30} {m['precision']:>9.2f} {m['recall']:>7.2f} {m['tp']:>4} {m['fp']:>4} {m['fn']:>4}")
        self.stdout.write(f"{'OVERALL':<30} {overall['precision']:>9.3f} {overall['recall']:>7.3f} "
                          f"{overall['tp']:>4} {overall['fp']:>4} {overall['fn']:>4}   F1 {overall['f1']:.3f}")
        if show_errors:
            for item in items:
                got = {f.rule for f in lint(item["body"], item["language"], ruleset)} - {"spelling"}
                want = set(item["expect"])
                if got != want:
                    self.stdout.write(f"{item['id']} [{item['language']}] extra={sorted(got - want)} "
                                      f"missing={sorted(want - got)}: {item['body'][:100]}")
