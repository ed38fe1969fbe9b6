"""Synthetic client messages for the suggestion benchmarks: what clients write to a shop's support chat, in
Russian, English and Polish (60/20/20, as the synthetic library), one to three sentences with a greeting or
none, the problem, a detail with numbers (an order, a date, an amount) and sometimes a closing remark, typos
and lower case included. Deterministic for a given seed; reads nothing outside the repository."""
import random

PROBLEMS = {
    "ru": ["где мой заказ", "заказ до сих пор не пришёл", "курьер не приехал, весь день ждала дома",
           "привезли не тот товар", "коробка пришла мятая, чайник внутри треснул",
           "хочу вернуть пылесос, не подошёл по мощности", "как оформить возврат",
           "деньги за возврат так и не пришли", "списали деньги дважды за один заказ",
           "можно оплатить в рассрочку", "не проходит оплата картой", "промокод не работает",
           "можно забрать заказ самовывозом", "хочу поменять адрес доставки", "как отменить заказ",
           "статус заказа не меняется уже неделю", "не могу войти в личный кабинет",
           "пришёл не тот размер куртки", "товар оказался бракованным", "когда снова появится в наличии"],
    "en": ["where is my order", "my parcel is late and nobody answers the phone", "the courier never came",
           "I got the wrong item", "the box arrived crushed and the kettle inside is cracked",
           "I want to return the vacuum cleaner", "how do I get a refund", "my refund has not arrived yet",
           "I was charged twice for one order", "can I pay in installments", "my card payment keeps failing",
           "the promo code does not work", "can I pick the order up myself", "I need to change the delivery address",
           "how do I cancel my order", "the tracking status has not changed for a week",
           "I cannot log in to my account", "the jacket is the wrong size", "the item is faulty"],
    "pl": ["gdzie jest moje zamówienie", "paczka jeszcze nie dotarła", "kurier nie przyjechał",
           "dostałem nie ten produkt", "karton przyszedł zgnieciony, czajnik jest pęknięty",
           "chcę zwrócić odkurzacz", "jak zrobić zwrot", "pieniądze za zwrot jeszcze nie wróciły",
           "pobrano opłatę dwa razy za jedno zamówienie", "czy mogę zapłacić w ratach",
           "płatność kartą nie przechodzi", "kod rabatowy nie działa", "czy mogę odebrać zamówienie osobiście",
           "chcę zmienić adres dostawy", "jak anulować zamówienie", "status przesyłki nie zmienia się od tygodnia",
           "nie mogę zalogować się na konto", "kurtka ma zły rozmiar", "produkt jest uszkodzony"],
}
GREETINGS = {"ru": ["здравствуйте", "добрый день", "привет", "доброе утро"],
             "en": ["hello", "hi", "good morning", "hi there"],
             "pl": ["dzień dobry", "cześć", "witam"]}
DETAILS = {
    "ru": ["заказ {number}", "номер заказа {number}", "оплатил {day} числа", "заказывала {weeks} недели назад",
           "сумма {amount} руб", "обещали привезти {day}-го", "трек {number}"],
    "en": ["order {number}", "order number {number}", "paid on the {day}th", "ordered {weeks} weeks ago",
           "it was {amount} dollars", "it was due on the {day}th", "tracking {number}"],
    "pl": ["zamówienie {number}", "numer zamówienia {number}", "zapłaciłem {day}-go", "zamawiałem {weeks} tygodnie temu",
           "kwota {amount} zł", "miało być {day}-go", "przesyłka {number}"],
}
CLOSINGS = {"ru": ["помогите пожалуйста", "что делать?", "жду ответа", "сколько можно ждать?!", "спасибо"],
            "en": ["please help", "what should I do?", "waiting for your answer", "this is ridiculous", "thanks"],
            "pl": ["proszę o pomoc", "co mam zrobić?", "czekam na odpowiedź", "to jakiś żart", "dziękuję"]}


def _typo(rng, text):
    words = text.split()
    position = rng.randrange(len(words))
    word = words[position]
    if len(word) > 4:
        cut = rng.randrange(1, len(word) - 1)
        words[position] = word[:cut] + word[cut + 1:]
    return " ".join(words)


def generate(count: int, seed: int = 5) -> list[dict]:
    """`count` messages as the API takes them: {"message", "language"} (the language is what the client
    writes in; the benchmark leaves it out of a third of the requests, so it is detected)."""
    rng = random.Random(seed)
    made = []
    for _ in range(count):
        language = rng.choices(["ru", "en", "pl"], weights=[6, 2, 2])[0]
        parts = []
        if rng.random() < 0.6:
            parts.append(rng.choice(GREETINGS[language]))
        problem = rng.choice(PROBLEMS[language])
        if rng.random() < 0.3:
            problem = _typo(rng, problem)
        parts.append(problem)
        if rng.random() < 0.7:
            parts.append(rng.choice(DETAILS[language]).format(
                number=rng.randint(100000, 9999999), day=rng.randint(1, 28), weeks=rng.randint(2, 4),
                amount=rng.randint(5, 900) * 10))
        if rng.random() < 0.4:
            parts.append(rng.choice(CLOSINGS[language]))
        text = ", ".join(parts)
        text = text[0].upper() + text[1:] if rng.random() < 0.5 else text
        made.append({"message": text, "language": language})
    return made
