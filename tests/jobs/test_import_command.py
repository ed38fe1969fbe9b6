"""`manage.py import_library` runs in its own process, shows its progress on a terminal, and Ctrl+C stops it
with nothing changed (a real process on a real database, interrupted while it lints)."""
import contextlib
import fcntl
import json
import os
import pty
import select
import signal
import struct
import subprocess
import sys
import termios
import time

from benchmarks.deployment import ROOT

WORDS = ("parcel", "courier", "refund", "warehouse", "delivery", "address", "payment", "invoice", "receipt", "order",
         "window", "morning", "evening", "weekend", "tracking", "number", "branch", "locker", "label", "box")


def _body(i):
    # Several sentences whose words vary from phrase to phrase, so every text costs the lint real work (a
    # short templated text is linted in microseconds once its words are cached, and the import could end
    # before Ctrl+C lands).
    words = [WORDS[(i * (n + 3) + n * n) % len(WORDS)] for n in range(12)]
    return (f"{{client_name}}, your order {{order_id}} arrives in {i % 9 + 1} days (parcel {i}). "
            f"The {words[0]} and the {words[1]} are ready, and the {words[2]} follows the {words[3]}. "
            f"We checked the {words[4]}, the {words[5]} and the {words[6]} for you this {words[7]}. "
            f"Your {words[8]} and {words[9]} stay in the {words[10]} until the {words[11]} is sent.")


def _library(size):
    return {"format": "quickphrases/v1", "topics": [{"slug": "delivery", "name": "Delivery", "parent": None}],
            "phrases": [{"key": f"eta-{i}", "title": f"Delivery time {i}", "topic": "delivery", "language": "en",
                         "body": _body(i), "status": "approved"} for i in range(size)]}


def _read_until(fd, marker: bytes, process, timeout=120.0) -> bytes:
    seen, deadline = b"", time.monotonic() + timeout
    while marker not in seen:
        assert time.monotonic() < deadline, f"no {marker!r} in {seen[-2000:]!r}"
        assert process.poll() is None, f"the import ended first: {seen[-2000:]!r}"
        if select.select([fd], [], [], 0.2)[0]:
            seen += os.read(fd, 65536)
    return seen


@contextlib.contextmanager
def _started_as_from_a_terminal():
    """A shell starts a foreground command with Ctrl+C's default action. A suite run in the background (CI,
    `pytest &`) has SIGINT ignored, and an ignored signal stays ignored in every process it starts, so the
    command would shrug Ctrl+C off; a handled signal is reset to the default when a process starts another
    program, so with a handler here for the moment of the start, the command starts as from a terminal."""
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def test_ctrl_c_stops_the_import_command_and_leaves_nothing_behind(deployment, tmp_path):
    library = tmp_path / "library.json"
    library.write_text(json.dumps(_library(20000)))  # long enough that Ctrl+C lands while it lints, even on a loaded machine
    terminal, stderr = pty.openpty()  # the progress bar is drawn on a terminal only, of a known width
    fcntl.ioctl(stderr, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
    with _started_as_from_a_terminal():
        process = subprocess.Popen([sys.executable, "manage.py", "import_library", str(library)], cwd=ROOT,
                                   env=deployment.env, stdout=subprocess.PIPE, stderr=stderr, start_new_session=True)
    os.close(stderr)
    try:
        shown = _read_until(terminal, b"Linting", process)
        process.send_signal(signal.SIGINT)  # what Ctrl+C sends
        out, _ = process.communicate(timeout=120)
        try:
            while select.select([terminal], [], [], 0.2)[0]:
                shown += os.read(terminal, 65536)
        except OSError:  # the terminal closed with the process
            pass
    finally:
        if process.poll() is None:
            process.kill()
        os.close(terminal)
    assert b"Validating" in shown
    assert process.returncode == 130
    assert b"Interrupted: nothing was imported" in shown and b"Traceback" not in shown
    assert deployment.value("SELECT count(*) FROM phrases_phrase") == 0
    assert deployment.value("SELECT count(*) FROM phrases_topic WHERE slug = 'delivery'") == 0
