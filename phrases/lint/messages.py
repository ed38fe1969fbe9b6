"""Finding messages in the phrase's language (English for any other)."""

MESSAGES = {
    "banned-abbreviation": {
        "ru": "Сокращение «{word}» в чате с клиентом недопустимо.",
        "en": "Chat abbreviation “{word}”: write the word out.",
        "pl": "Skrót „{word}” jest niedopuszczalny w rozmowie z klientem.",
    },
    "slang": {
        "ru": "Сленг «{word}»: пишите нейтрально.",
        "en": "Slang “{word}”: keep the tone neutral.",
        "pl": "Slang „{word}”: proszę pisać neutralnie.",
    },
    "lowercase-formal-you": {
        "ru": "Обращение к клиенту пишется с заглавной буквы: «{suggestion}».",
        "en": "Formal Russian “you” is capitalised: “{suggestion}”.",
        "pl": "Formalne rosyjskie „Вы” piszemy wielką literą: „{suggestion}”.",
    },
    "sentence-start-lowercase": {
        "ru": "Предложение начинается со строчной буквы.",
        "en": "The sentence starts with a lowercase letter.",
        "pl": "Zdanie zaczyna się małą literą.",
    },
    "missing-terminal-punctuation": {
        "ru": "В конце сообщения нет точки, вопросительного или восклицательного знака.",
        "en": "The message does not end with a full stop, question mark or exclamation mark.",
        "pl": "Na końcu wiadomości brakuje kropki, znaku zapytania lub wykrzyknika.",
    },
    "too-many-emoji": {
        "ru": "Эмодзи: {count}; допускается не больше {limit}.",
        "en": "{count} emoji; at most {limit} are allowed.",
        "pl": "Emoji: {count}; dozwolone najwyżej {limit}.",
    },
    "all-caps": {
        "ru": "Слово «{word}» написано заглавными буквами: это воспринимается как крик.",
        "en": "“{word}” is in capitals, which reads as shouting.",
        "pl": "Słowo „{word}” jest napisane wielkimi literami, co brzmi jak krzyk.",
    },
    "too-many-exclamations": {
        "ru": "Восклицательных знаков: {count}; допускается не больше {limit}.",
        "en": "{count} exclamation marks; at most {limit} allowed.",
        "pl": "Wykrzykników: {count}; dozwolone najwyżej {limit}.",
    },
    "i-dont-know": {
        "ru": "Нельзя говорить клиенту «не знаю»: пообещайте уточнить и вернуться с ответом.",
        "en": "Never say “I don't know”: promise to find out and come back.",
        "pl": "Nie mówimy „nie wiem”: proszę obiecać, że sprawdzimy i wrócimy z odpowiedzią.",
    },
    "redirect-channel": {
        "ru": "Клиента отправляют в другой канал («{word}»): ответьте в чате.",
        "en": "Sends the client to another channel (“{word}”): answer in the chat.",
        "pl": "Odsyła klienta do innego kanału („{word}”): proszę odpowiedzieć na czacie.",
    },
    "legal-reference": {
        "ru": "Ссылка на законы или регламенты («{word}»): объясните своими словами.",
        "en": "Cites laws or regulations (“{word}”): explain in plain words.",
        "pl": "Powołanie się na przepisy („{word}”): proszę wyjaśnić własnymi słowami.",
    },
    "blame-shift": {
        "ru": "Перекладывание вины («{word}»): признайте проблему и скажите, что делаете.",
        "en": "Shifts the blame (“{word}”): own the problem and say what you are doing.",
        "pl": "Przerzucanie winy („{word}”): proszę przyjąć problem i powiedzieć, co robimy.",
    },
    "cliche": {
        "ru": "Шаблонная фраза «{word}»: скажите по-человечески.",
        "en": "Stock phrase “{word}”: say it like a person.",
        "pl": "Szablonowa formułka „{word}”: proszę napisać po ludzku.",
    },
    "too-long": {
        "ru": "Сообщение длиннее {limit} символов ({count}): для мессенджера это слишком много.",
        "en": "{count} characters, over the {limit}-character limit for a messenger.",
        "pl": "Wiadomość ma {count} znaków, więcej niż {limit}: za długa na komunikator.",
    },
    "unknown-placeholder": {
        "ru": "{detail}",
        "en": "{detail}",
        "pl": "{detail}",
    },
    "spelling": {
        "ru": "Возможная ошибка: «{word}».",
        "en": "Possible misspelling: “{word}”.",
        "pl": "Możliwa literówka: „{word}”.",
    },
}


def message(rule: str, language: str, **values) -> str:
    texts = MESSAGES[rule]
    return texts.get(language, texts["en"]).format(**values)
