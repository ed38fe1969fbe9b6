"""`make run`'s one command: the development web server and a worker, stopped together."""
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request

from django.core.management.base import BaseCommand


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=1) as response:
            return response.status == 200
    except OSError:
        return False


class Command(BaseCommand):
    help = ("Serve the site with Django's development server and run a background worker beside it; Ctrl+C stops "
            "both. (Production runs gunicorn and `run_worker` as two services: see the README's deploy section.)")

    def add_arguments(self, parser):
        parser.add_argument("addrport", nargs="?", default="127.0.0.1:8000")

    def handle(self, *args, addrport="127.0.0.1:8000", **options):
        manage = [sys.executable, sys.argv[0]]
        # Metrics as under gunicorn (config/gunicorn.conf.py): counts kept in files that /metrics adds up.
        metrics = None if os.environ.get("PROMETHEUS_MULTIPROC_DIR") else tempfile.mkdtemp(prefix="quickphrases-metrics-")
        env = {**os.environ, **({"PROMETHEUS_MULTIPROC_DIR": metrics} if metrics else {})}
        children = {
            "web server": subprocess.Popen([*manage, "runserver", addrport, "--noreload"], env=env),
            "worker": subprocess.Popen([*manage, "run_worker"], env=env),
        }
        stopping = False

        def stop(*_):
            nonlocal stopping
            stopping = True

        signal.signal(signal.SIGINT, stop)
        signal.signal(signal.SIGTERM, stop)
        site = f"http://{addrport if ':' in addrport else '127.0.0.1:' + addrport}/"
        announced = False
        try:
            while not stopping:
                if not announced and _answers(site + "healthz"):
                    announced = True
                    self.stdout.write(self.style.SUCCESS(
                        f"\nQuickphrases is ready at {site} (log in with a demo user above; the passwords are also "
                        "in .demo-credentials).\nA worker runs background jobs beside it. Ctrl+C stops both.\n"))
                ended = [name for name, child in children.items() if child.poll() is not None]
                if ended:
                    self.stderr.write(f"The {ended[0]} stopped (exit status {children[ended[0]].returncode}); "
                                      "stopping the rest.")
                    break
                time.sleep(0.2)
        finally:
            for child in children.values():
                if child.poll() is None:
                    child.send_signal(signal.SIGTERM)
            for name, child in children.items():
                try:
                    child.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    self.stderr.write(f"The {name} did not stop in 15 s; killing it.")
                    child.kill()
                    child.wait()
        if metrics:
            shutil.rmtree(metrics, ignore_errors=True)
        self.stdout.write("Stopped the web server and the worker.")
        if any(child.returncode not in (0, -signal.SIGTERM, -signal.SIGINT) for child in children.values()) \
                and not stopping:
            sys.exit(1)
