"""The picker page without JavaScript: a GET form whose results the server renders; bad input is a 400."""
import pytest

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_search_index")]


def test_the_search_form_works_without_javascript(client, operator, make_live_phrase, make_phrase):
    make_live_phrase(key="late-ru", title="Курьер опаздывает", body="Курьер будет у Вас через час.")
    make_phrase(key="draft-ru", title="Курьер черновик", body="Неодобренный текст.")
    client.force_login(operator)
    page = client.get("/", {"q": "курьер", "language": "ru", "topic": ""}).content.decode()
    assert '<form class="picker-filters" method="get"' in page and 'name="q" value="курьер"' in page
    results = page.split('class="picker-static"')[1].split("</section>")[0]
    assert "Курьер будет у Вас через час." in results
    assert "Неодобренный текст" not in page  # operators never see unapproved text


def test_bad_search_input_without_javascript_is_a_400_naming_the_field(client, operator):
    client.force_login(operator)
    response = client.get("/", {"q": "x", "language": "xx"})
    assert response.status_code == 400 and "language:" in response.content.decode()


def test_the_page_without_a_query_renders_no_results_block(client, operator):
    client.force_login(operator)
    assert 'class="picker-static"' not in client.get("/").content.decode()
