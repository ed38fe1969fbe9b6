"""Export formats by name, as `GET /api/v1/export/{format}/` offers them."""
from types import SimpleNamespace

from phrases.exporters import ahk, chatwoot, csv_export, espanso
from phrases.exporters import quickphrases as v1

EXPORTERS = {
    "quickphrases": SimpleNamespace(description="the quickphrases/v1 library file (JSON)",
                                    content_type="application/json; charset=utf-8", extension=".json",
                                    export=lambda phrases, language_order=(): v1.export_quickphrases(
                                        phrases, live=True, language_order=language_order),
                                    # Quickphrases' own file: its placeholders are read by the picker and
                                    # the extension, which ask for them; it never goes to a client as is.
                                    left_out=lambda phrases: []),
    "espanso": espanso,
    "ahk": ahk,
    "csv": csv_export,
    "chatwoot": chatwoot,
}
