import pytest

from phrases.search.live_index import live_index


@pytest.fixture(autouse=True)
def _fresh_search_index():
    # The library page's search box uses the process-wide live index; ids are reused after each
    # test's rollback, so an index left behind could look current to the next test.
    live_index.reset()
    yield
    live_index.reset()
