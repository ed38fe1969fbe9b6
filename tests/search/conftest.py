import pytest

from phrases import services
from phrases.search.index import Document


def document(key, title, body="", *, language="ru", topic="delivery", topic_id=1, shortcut="", hotkey="", keywords=(),
             topic_name="", family=""):
    """A Document for an index built in memory (no database)."""
    return Document(key, title, body, topic, topic_id, language, shortcut, hotkey, tuple(keywords), topic_name,
                    family)


LIBRARY = {
    "format": "quickphrases/v1",
    "topics": [
        {"slug": "greeting", "name": "Приветствие", "parent": None},
        {"slug": "delivery", "name": "Доставка", "parent": None},
        {"slug": "delivery-pickup", "name": "Самовывоз", "parent": "delivery"},
        {"slug": "payment", "name": "Оплата", "parent": None},
        {"slug": "refunds", "name": "Возвраты", "parent": None},
    ],
    "phrases": [
        {"key": "greeting-ru", "title": "Приветствие", "topic": "greeting", "language": "ru", "shortcut": "/hi",
         "body": "Здравствуйте! Меня зовут {operator_name}, чем могу помочь?", "keywords": ["привет"]},
        {"key": "greeting-en", "title": "Greeting", "topic": "greeting", "language": "en", "shortcut": "/hi",
         "body": "Hello! My name is {operator_name}. How can I help you today?", "keywords": ["hello"]},
        {"key": "greeting-pl", "title": "Powitanie", "topic": "greeting", "language": "pl", "shortcut": "/hi",
         "body": "Dzień dobry! Nazywam się {operator_name}. W czym mogę pomóc?", "keywords": ["cześć"]},
        {"key": "installment-ru", "title": "Рассрочка без переплаты", "topic": "payment", "language": "ru",
         "shortcut": "/credit", "body": "Оформить рассрочку можно при оплате заказа на сайте.", "keywords": []},
        {"key": "delivery-eta-ru", "title": "Сроки доставки", "topic": "delivery", "language": "ru",
         "shortcut": "/eta", "body": "{client_name}, заказ {order_id} будет у Вас {date}.",
         "keywords": ["когда привезут"]},
        {"key": "courier-late-ru", "title": "Курьер опаздывает", "topic": "delivery", "language": "ru",
         "shortcut": "/late", "body": "Курьер немного задерживается, он будет у Вас в течение часа.",
         "keywords": []},
        {"key": "pickup-ru", "title": "Пункты выдачи", "topic": "delivery-pickup", "language": "ru",
         "shortcut": "/pickup", "body": "Забрать заказ можно в любом пункте выдачи: {link}.", "keywords": ["пвз"]},
        {"key": "lift-ru", "title": "Подъём на этаж", "topic": "delivery", "language": "ru", "shortcut": "/lift",
         "body": "Подъём на этаж стоит 150 ₽.", "keywords": []},
        {"key": "refund-timing-en", "title": "Refund timing", "topic": "refunds", "language": "en",
         "shortcut": "/refund", "body": "Your refund of {amount} reaches your card within 3–5 business days.",
         "keywords": ["money back"]},
        {"key": "partial-refund-en", "title": "Partial refund", "topic": "refunds", "language": "en",
         "shortcut": "/partial", "body": "We have refunded {amount} for the missing item.", "keywords": []},
        {"key": "cancel-order-en", "title": "Cancelling an order", "topic": "refunds", "language": "en",
         "shortcut": "/cancel", "body": "Your order has been cancelled and the payment will be returned.",
         "keywords": []},
        {"key": "refund-timing-pl", "title": "Termin zwrotu pieniędzy", "topic": "refunds", "language": "pl",
         "shortcut": "/refund", "body": "Zwrot pieniędzy trwa do 5 dni roboczych.", "keywords": []},
        {"key": "payment-failed-pl", "title": "Płatność nieudana", "topic": "payment", "language": "pl",
         "shortcut": "/fail", "body": "Płatność nie przeszła. Proszę spróbować ponownie lub wybrać BLIK.",
         "keywords": []},
    ],
}


@pytest.fixture(autouse=True)
def _fresh_index(fresh_search_index):
    yield


@pytest.fixture
def library(db):
    document = {**LIBRARY, "phrases": [{**p, "status": "approved"} for p in LIBRARY["phrases"]]}
    services.library_import(document)
    return document


@pytest.fixture
def keys():
    from phrases.search import search_phrases

    def run(query, **kwargs):
        return [hit.key for hit in search_phrases(query, **kwargs)]

    return run
