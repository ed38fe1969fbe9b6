"""One placeholder grammar: the browser code (the extension's placeholders.js and the picker) uses the
same pattern as phrases/placeholders.py."""
import re
from pathlib import Path

from django.conf import settings

from phrases.placeholders import PLACEHOLDER_RE

ROOT = Path(settings.BASE_DIR)


def test_the_extension_and_the_picker_use_the_python_pattern():
    extension = (ROOT / "extension" / "placeholders.js").read_text("utf-8")
    pattern = re.search(r'const PATTERN = "(.+)";', extension).group(1).replace("\\\\", "\\")
    assert pattern == PLACEHOLDER_RE.pattern
    picker = (ROOT / "static" / "search.js").read_text("utf-8")
    assert f"const PLACEHOLDER = /{PLACEHOLDER_RE.pattern}/g;" in picker
    editor = (ROOT / "studio" / "static" / "studio" / "editor.js").read_text("utf-8")
    assert f"body.value.replace(/{PLACEHOLDER_RE.pattern}/g," in editor
