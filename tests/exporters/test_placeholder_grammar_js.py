"""One placeholder grammar for the browser: static/placeholders.js, loaded by the picker and the editor
and shipped byte for byte inside the extension, behaves as phrases/placeholders.py on the same bodies."""
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings

from phrases import placeholders
from phrases.extension_package import zip_bytes

ROOT = Path(settings.BASE_DIR)
SHARED = ROOT / "static" / "placeholders.js"
BROWSER_CODE = [ROOT / "static" / "search.js", ROOT / "studio" / "static" / "studio" / "editor.js",
                *sorted((ROOT / "extension").glob("*.js"))]

BODIES = [
    "",
    "Hello",
    "{client_name}, your order {order_id} arrives {date}.",
    "Hi {client_name|there}, {client_name}!",           # one occurrence without a fallback: must be filled
    "Hi {client_name|there} and {client_name|you}",     # every occurrence has one: the first wins
    "{client_name|  spaced out  } / {operator_name|}",  # fallbacks trimmed; an empty one is no fallback
    "{Client} {a|b|c} {} {client-name} {{order_id}} {order_id",  # none of these is a placeholder
    "😀 {client_name} 👍🏽 — «{date|сегодня}» {amount|10 zł}",    # astral characters before and between
    "Line one\n{link}\n\t{order_id|№ 1}",
    "{x9_y} {_x} {9x}",
]
VALUES = {"client_name": " Anna ", "order_id": "", "date": "1 May", "amount": "   "}


def _python(body):
    return {
        "segments": [part if isinstance(part, str) else {"name": part.name, "fallback": part.fallback}
                     for part in placeholders.segments(body)],
        "names": placeholders.placeholders_in(body),
        "fallbacks": placeholders.fallbacks_in(body),
        "fill": placeholders.fill(body, VALUES),
    }


NODE_SCRIPT = """
const fs = require("fs"), vm = require("vm");
const context = {};
vm.createContext(context);
vm.runInContext(fs.readFileSync(process.argv[1], "utf8"), context);
const P = context.QuickphrasesPlaceholders;
const input = JSON.parse(fs.readFileSync(0, "utf8"));
process.stdout.write(JSON.stringify(input.bodies.map(function (body) {
  return {segments: P.segments(body), names: P.names(body), fallbacks: P.fallbacks(body), fill: P.fill(body, input.values)};
})));
"""


def test_the_extension_ships_the_shared_file_byte_for_byte():
    assert (ROOT / "extension" / "placeholders.js").read_bytes() == SHARED.read_bytes()


def test_the_packed_extension_holds_the_shared_file():
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(zip_bytes())) as archive:
        assert archive.read("placeholders.js") == SHARED.read_bytes()


def test_the_pattern_is_the_python_one_and_no_other_script_writes_its_own():
    pattern = re.search(r'const PATTERN = "(.+)";', SHARED.read_text("utf-8")).group(1).replace("\\\\", "\\")
    assert pattern == placeholders.PLACEHOLDER_RE.pattern
    for path in BROWSER_CODE:
        if path.name != "placeholders.js":
            assert "[a-z][a-z0-9_]*" not in path.read_text("utf-8"), f"{path} writes the placeholder pattern itself"


def test_the_pages_load_the_shared_file_before_their_scripts():
    for template in (ROOT / "templates" / "phrases" / "search.html",
                     ROOT / "studio" / "templates" / "studio" / "editor.html"):
        text = template.read_text("utf-8")
        assert "{% static 'placeholders.js' %}" in text
        assert text.index("placeholders.js") < max(text.find("search.js'"), text.find("editor.js'"))


@pytest.mark.skipif(shutil.which("node") is None, reason="needs Node.js to run the browser code")
def test_the_browser_functions_give_what_the_python_ones_give_on_the_same_bodies():
    answer = subprocess.run([shutil.which("node"), "-e", NODE_SCRIPT, str(SHARED)], check=True, capture_output=True,
                            input=json.dumps({"bodies": BODIES, "values": VALUES}).encode(), timeout=60)
    browser = json.loads(answer.stdout)
    for body, from_js in zip(BODIES, browser, strict=True):
        assert from_js == _python(body), body
