"""The browser extension (extension/ in the repository) packed as a zip for /tools/ to serve.

Packed in memory on first request and again whenever a file in extension/ changes."""
import io
import zipfile
from pathlib import Path

from django.conf import settings

EXTENSION_DIR = Path(settings.BASE_DIR) / "extension"
_cache = {"stamp": None, "zip": b""}


def _files():
    return sorted(path for path in EXTENSION_DIR.rglob("*") if path.is_file() and not path.name.startswith("."))


def zip_bytes() -> bytes:
    files = _files()
    stamp = tuple((str(path), path.stat().st_mtime_ns, path.stat().st_size) for path in files)
    if stamp != _cache["stamp"]:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in files:
                archive.write(path, path.relative_to(EXTENSION_DIR).as_posix())
        _cache.update(stamp=stamp, zip=buffer.getvalue())
    return _cache["zip"]
