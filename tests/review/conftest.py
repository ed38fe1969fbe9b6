import pytest

from phrases import services


@pytest.fixture
def submitted(make_phrase, writer):
    """A phrase waiting for review, submitted by the writer with a note."""

    def make(**fields):
        note = fields.pop("note", "")
        phrase = make_phrase(**fields)
        return services.phrase_submit(phrase=phrase, actor=writer, note=note)

    return make


@pytest.fixture
def as_reviewer(client, reviewer):
    client.force_login(reviewer)
    return client


@pytest.fixture
def as_writer(client, writer):
    client.force_login(writer)
    return client
