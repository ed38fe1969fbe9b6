"""The tasks the queue can run, by name. Apps declare theirs in `<app>/tasks.py` with `@task(...)`.

A task is a function `fn(context, **params)`: `params` are what `enqueue` stored (JSON), `context`
reports progress (`context.progress(stage, done, total)`, which also raises JobCancelled when the job
was cancelled) and tells the task its job id and attempt.
"""
from collections.abc import Callable
from dataclasses import dataclass

from jobs.errors import UnknownTask


@dataclass(frozen=True)
class TaskSpec:
    name: str
    fn: Callable
    max_attempts: int = 3
    daily: bool = False                    # enqueued once a day at QUICKPHRASES_DAILY_JOBS_AT
    on_give_up: Callable | None = None     # fn(job, message): the job failed for good or was cancelled


_tasks: dict[str, TaskSpec] = {}


def task(*, name: str, max_attempts: int = 3, daily: bool = False, on_give_up: Callable | None = None):
    """Register `fn` as the task `name` (stable: it is stored in queued jobs)."""
    def register(fn):
        _tasks[name] = TaskSpec(name=name, fn=fn, max_attempts=max_attempts, daily=daily, on_give_up=on_give_up)
        return fn
    return register


def get(name: str) -> TaskSpec:
    try:
        return _tasks[name]
    except KeyError:
        raise UnknownTask(f"No task named {name!r} is registered.") from None


def daily_tasks() -> list[TaskSpec]:
    return [spec for spec in _tasks.values() if spec.daily]
