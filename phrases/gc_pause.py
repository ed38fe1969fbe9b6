"""Full garbage collections held off while a large import builds its objects.

CPython's collector walks every object the process holds (but the frozen ones) at each full,
generation-2, collection, and triggers one whenever the objects that survived since the last grow
by a quarter: while a 100,000-phrase import reads, validates and writes (millions of long-lived
dicts, strings and rows), that was tens of full collections, each longer than the last (up to
~1.3 s at 100,000 phrases), and the lint processes forked meanwhile inherit the same trigger.
Young objects are still collected (generations 0 and 1: a cycle made and dropped is freed as
before); only the walks of the whole heap wait until the last import running in the process ends,
when the thresholds are put back (the next full collection then comes as usual).
"""
import contextlib
import gc
import threading

_lock = threading.Lock()
_holders = 0
_saved = None

NO_FULL_COLLECTION = 1 << 30  # generation-1 collections before a full one: never, in practice


@contextlib.contextmanager
def full_collections_paused():
    """Hold off full collections in this process while the block runs (nested or in several
    threads: the thresholds come back when the last block ends)."""
    global _holders, _saved
    with _lock:
        if _holders == 0:
            _saved = gc.get_threshold()
            gc.set_threshold(_saved[0], _saved[1], NO_FULL_COLLECTION)
        _holders += 1
    try:
        yield
    finally:
        with _lock:
            _holders -= 1
            if _holders == 0:
                gc.set_threshold(*_saved)
