"""Done-check of issue #20 (the operator side): with a library's parallel phrases linked into families by
their shared shortcut, a brand-new operator (no profile) typing each shared shortcut gets the phrase in
their browser's language first, and the family once, under a Russian, an English and a Polish browser."""
import json
from collections import defaultdict
from pathlib import Path

import pytest
from django.conf import settings

from phrases import services
from phrases.search.evaluation import link_families_by_shortcut
from phrases.search.live_index import live_index

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_search_index")]

BROWSERS = {"ru": "ru-RU,ru;q=0.9,en;q=0.5", "en": "en-US,en;q=0.9", "pl": "pl-PL,pl;q=0.9,en;q=0.5"}


def own_language_first(api_client, library):
    """{browser language: (shared shortcuts answered in it first, shared shortcuts that have it)}, and the
    failures; each family must show once."""
    document = link_families_by_shortcut(library)
    document = {**document, "phrases": [{**p, "status": "approved"} for p in document["phrases"]]}
    services.library_import(document)
    live_index.reset()
    families = defaultdict(dict)
    for phrase in document["phrases"]:
        if phrase.get("family"):
            families[phrase["shortcut"]][phrase["language"]] = phrase["key"]
    counts, failures = {}, []
    for browser, accept in BROWSERS.items():
        having = [shortcut for shortcut, variants in families.items() if browser in variants]
        good = 0
        for shortcut in having:
            results = api_client.get("/api/v1/search/", {"q": shortcut}, HTTP_ACCEPT_LANGUAGE=accept).json()["results"]
            keys = [hit["key"] for hit in results]
            family_keys = set(families[shortcut].values())
            if keys[:1] == [families[shortcut][browser]] and len(family_keys & set(keys)) == 1:
                good += 1
            else:
                failures.append((browser, shortcut, keys[:3]))
        counts[browser] = (good, len(having))
    return counts, failures


def test_the_starter_library_answers_every_shared_shortcut_in_the_browser_language(api):
    library = json.loads((Path(settings.BASE_DIR) / "fixtures" / "starter_library.json").read_text(encoding="utf-8"))
    counts, failures = own_language_first(api["operator"], library)
    print("starter library:", {browser: f"{good}/{total}" for browser, (good, total) in counts.items()})
    assert not failures
    assert all(total for _good, total in counts.values())


def test_the_dev_library_answers_every_shared_shortcut_in_the_browser_language(api, dev_library):
    library = json.loads(dev_library.read_text(encoding="utf-8"))
    counts, failures = own_language_first(api["operator"], library)
    print("dev library:", {browser: f"{good}/{total}" for browser, (good, total) in counts.items()})
    assert not failures
