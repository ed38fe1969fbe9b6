import gc
import itertools
import resource
import sys
import time

from django.core.management.base import BaseCommand, CommandError

from phrases import strict_json
from phrases.errors import ImportRejected
from phrases.gc_pause import full_collections_paused
from phrases.services import library_import

STAGES = {"validating": "Validating", "linting": "Linting", "writing": "Writing"}


class _ProgressBar:
    """A tqdm bar per stage, on stderr; nothing when stderr is not a terminal or --no-progress."""

    def __init__(self, enabled):
        self.enabled, self.bar, self.stage = enabled, None, None

    def __call__(self, stage, done, total):
        if not self.enabled:
            return
        from tqdm import tqdm

        if stage != self.stage:
            self.close()
            self.stage = stage
            self.bar = tqdm(total=total, desc=STAGES.get(stage, stage), unit="phrase", file=sys.stderr,
                            leave=False, dynamic_ncols=True)
        self.bar.update(done - self.bar.n)

    def close(self):
        if self.bar is not None:
            self.bar.close()
            self.bar = None


class _StageClock:
    """Wall and CPU time per stage (this process's, and the lint processes' it waited for), printed
    at verbosity 2: where a large import spends its time."""

    def __init__(self):
        self.progress, self.stage, self.times = None, None, {}
        self._start = self._now()
        self._full_collections = gc.get_stats()[2]["collections"]

    @staticmethod
    def _now():
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        return time.perf_counter(), time.process_time(), children.ru_utime + children.ru_stime

    def __call__(self, stage, done, total):
        if stage != self.stage:
            self.mark(stage)
        self.progress(stage, done, total)

    def mark(self, stage):
        now = self._now()
        if self.stage is not None:
            self.times[self.stage] = [a - b for a, b in zip(now, self._start, strict=True)]
        self.stage, self._start = stage, now

    def summary(self):
        self.mark(None)
        parts = []
        for stage, (wall, cpu, children) in self.times.items():
            part = f"{stage} {wall:.1f} s (CPU {cpu:.1f} s"
            parts.append(part + (f", lint processes {children:.1f} s)" if children >= 0.05 else ")"))
        full = gc.get_stats()[2]["collections"] - self._full_collections
        return "Stages: " + "; ".join(parts) + f". Full garbage collections meanwhile: {full}."


class Command(BaseCommand):
    """Runs the import in this process, not on the task queue: it is a terminal tool, used where no worker may
    be running (a fresh server, a script); it shows its progress as it goes, and Ctrl+C stops it with nothing
    changed (the import is one transaction). The API's uploads run on the queue instead (api/import_jobs.py)."""

    help = ("Import a quickphrases/v1 library file: all or nothing on validity, updating phrases by key. "
            "Approved phrases with brand-voice errors are held in review unless --publish-over-findings. "
            "Runs here, showing its progress; Ctrl+C stops it and changes nothing.")

    def add_arguments(self, parser):
        parser.add_argument("file", help="Path to the UTF-8 JSON library file")
        parser.add_argument("--dry-run", action="store_true", help="Validate and report without changing anything")
        parser.add_argument("--publish-over-findings", action="store_true",
                            help="Publish approved phrases over brand-voice errors (needs --reason; recorded as "
                                 "dismissals and in history)")
        parser.add_argument("--reason", default="", help="Why the findings do not apply (with --publish-over-findings)")
        parser.add_argument("--no-progress", action="store_true", help="No progress bar (it is off when not a TTY)")

    def handle(self, *args, **options):
        # The file's objects and the import's are long-lived: no full collection walks them meanwhile.
        with full_collections_paused():
            self._import(**options)

    def _import(self, *, file, dry_run, publish_over_findings, reason, no_progress, **options):
        if publish_over_findings and not reason.strip():
            raise CommandError("--publish-over-findings needs --reason \"…\": it is kept in history.")
        clock = _StageClock()
        clock.mark("reading")
        try:
            with open(file, encoding="utf-8") as handle:
                data = strict_json.load(handle)
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error.strerror}.") from None
        except UnicodeDecodeError as error:
            raise CommandError(f"{file} is not UTF-8 JSON: {error}.") from None
        except strict_json.StrictJSONError as error:
            if error.field is None:
                raise CommandError(f"{file} is not UTF-8 JSON: {error.message}") from None
            raise CommandError(f"{file} was not imported: {error}") from None
        progress = clock.progress = _ProgressBar(enabled=not no_progress and sys.stderr.isatty())
        try:
            report = library_import(data, actor=None, dry_run=dry_run, publish_over_findings=publish_over_findings,
                                    reason=reason, progress=clock)
        except ImportRejected as error:
            raise CommandError(error.message) from None
        except KeyboardInterrupt:
            raise CommandError("Interrupted: nothing was imported (an import is all or nothing).",
                               returncode=130) from None
        finally:
            progress.close()
        clock.mark("reporting")
        lines = itertools.chain(
            (f"lint {finding['severity']}: {key}: {finding['rule']}: {finding['message']}"
             f"{' (dismissed)' if finding.get('dismissed') else ''}"
             for key, findings in sorted(report.findings.items()) for finding in findings),
            (f"held in review: {held['key']} ({', '.join(held['rules'])})" for held in report.held),
            (f"published over findings: {overruled['key']} ({', '.join(overruled['rules'])})"
             for overruled in report.overruled))
        # A thousand lines a write: a large import reports hundreds of thousands of lines, and
        # one write a line was most of the reporting time (one string of them all, its memory).
        while block := list(itertools.islice(lines, 1000)):
            self.stdout.write("\n".join(block))
        self.stdout.write(self.style.SUCCESS(report.summary()))
        if options["verbosity"] >= 2:
            self.stdout.write(clock.summary())
