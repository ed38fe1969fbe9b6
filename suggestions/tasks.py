"""Background tasks of suggestions (found by the jobs app's autodiscovery)."""
from jobs.registry import task

BUILD_VECTORS = "suggestions.build_vectors"


@task(name=BUILD_VECTORS, max_attempts=3)
def build_vectors(context):
    """Encode the live phrases that have no vector yet and write a new vector generation (the first build of a
    big library, or a large import): on the task queue, never in a web worker, which serves on words alone
    meanwhile and maps the generation once it is written. One build at a time per store folder (a file lock);
    a second job waits for the first and then has little or nothing left to encode."""
    from suggestions.engine.vectors import LiveVectors

    context.progress("encoding", 0, 1)
    LiveVectors().build_now(progress=lambda done, total: context.progress("encoding", done, total))
    context.progress("encoding", 1, 1)
