class JobCancelled(Exception):
    """Raised inside a running task when someone cancelled its job; the task's transaction rolls back."""


class UnknownTask(LookupError):
    """A job names a task no app registers (a typo, or a worker older than the code that enqueued it)."""
