"""ETags and If-Match for phrases: the working copy's revision, or the live version."""
import re

from phrases.errors import StaleRevision

# Any slug: keys are lower-case now, but a phrase stored before that rule keeps its key and must
# still be editable with its own ETag. The key is matched greedily, so "a-r2-r3" is key "a-r2".
# A revision is a database integer: ten digits at most (a longer number names no revision, so it is stale).
TAG_RE = re.compile(r'(?:W/)?"(?P<key>[A-Za-z0-9_-]+)-r(?P<revision>\d{1,10})"')


def working_etag(phrase) -> str:
    return f'"{phrase.key}-r{phrase.revision}"'


def live_etag(live) -> str:
    return f'"{live.key}-v{live.version}"'


def expected_revision(request, phrase) -> int | None:
    """The revision an If-Match header names (None without one). A tag for another phrase or in
    another form can never match, so it is stale: the write is refused rather than guessed."""
    header = request.headers.get("If-Match")
    if not header or header.strip() == "*":
        return None
    for tag in (part.strip() for part in header.split(",")):
        match = TAG_RE.fullmatch(tag)
        if match and match["key"] == phrase.key:
            return int(match["revision"])
    raise StaleRevision(f"If-Match {header} does not match phrase '{phrase.key}' (current ETag "
                        f"{working_etag(phrase)}). Reload it and apply your edit again.")
