"""The default brand-voice rules, written from the chat-service standards (shared/standards).

This is data: the migration installs it into the database, where reviewers tune it in the admin,
and the engine falls back to it when no database is at hand (pure unit tests). Term patterns are
case-insensitive regular expressions matched as whole words (a hyphen counts as part of a word,
so "PIN-u" is not the abbreviation "u"); Russian and Polish entries cover inflected forms.
"""
from phrases.lint.findings import ERROR, WARNING

# rule id -> default severity, the rule's limit where it has one, and what it checks.
RULES = {
    "banned-abbreviation": (ERROR, None, "Chat abbreviations such as «спс», «пжлст», «щас», “thx”, “pls”, “pozdr”."),
    "slang": (ERROR, None, "Slang and jargon such as «инфа», «норм», “gonna”, “spoko”."),
    "lowercase-formal-you": (ERROR, None, "Russian formal «Вы», «Вас», «Ваш»… written in lowercase."),
    "sentence-start-lowercase": (ERROR, None, "The text or a sentence after . ! ? … starts in lowercase."),
    "missing-terminal-punctuation": (ERROR, None, "The last sentence has no final . ! ? or …."),
    "too-many-emoji": (WARNING, 2, "More emoji than the limit (the standards allow one or two)."),
    "all-caps": (WARNING, 4, "A word of at least this many letters in capitals that is not an acronym."),
    "too-many-exclamations": (WARNING, 1, "More exclamation marks than the limit."),
    "i-dont-know": (ERROR, None, "«Я не знаю» / “I don't know” / «nie wiem»: promise to find out instead."),
    "redirect-channel": (ERROR, None, "Sends the client to phone, e-mail or an office instead of answering."),
    "legal-reference": (ERROR, None, "Cites laws, articles or regulations."),
    "blame-shift": (ERROR, None, "Blames couriers, colleagues, departments, partners or banks."),
    "cliche": (WARNING, None, "Stock corporate formulas."),
    "too-long": (WARNING, 500, "Longer than this many characters: too long for a messenger."),
    "unknown-placeholder": (ERROR, None, "A {placeholder} that is not configured, or unbalanced braces."),
    "spelling": (WARNING, None, "A word the Hunspell dictionaries and the team dictionary do not know."),
}

# language -> kind -> [(pattern, suggestion or "")]. Language "*" applies to every language.
TERMS = {
    "ru": {
        "abbreviation": [
            ("спс", "спасибо"), ("пжлст|пжлста|пжста|пж", "пожалуйста"), ("плз|плиз", "пожалуйста"),
            ("нзчт|нзч", "не за что"), ("щас|щаз", "сейчас"), ("ок|окей|оки|ok", "хорошо"),
            ("мб", "может быть"), ("прив", "здравствуйте"), ("спасиб", "спасибо"), ("инет", "интернет"),
            ("чз", "через"), ("тк", "так как"), ("здрасте|здрасьте", "здравствуйте"),
            ("сорян|сори|сорри", "извините"), ("пасиб|пасибо", "спасибо"),
        ],
        "slang": [
            ("инф[ауеоы]й?", "информация"), ("норм|нормас", "хорошо"), ("кароч\\w*|короче(?=,)", ""),
            ("ваще|вааще", "вообще"), ("чел|челик|чела|челу", "клиент"),
            ("косяк\\w*|косяч\\w*|накосяч\\w*", "ошибка"), ("капец|пипец", ""), ("прикол\\w*", ""),
            ("чувак\\w*", ""), ("замут\\w*", ""), ("бабл\\w*", "деньги"), ("го", "давайте"),
            ("зашквар\\w*", ""), ("треш|трэш", ""),
        ],
        "dont-know": [
            ("не\\s+знаю", "уточню и вернусь с ответом"), ("понятия\\s+не\\s+имею", "уточню и вернусь с ответом"),
            ("без\\s+понятия", "уточню и вернусь с ответом"),
        ],
        "redirect": [
            ("(?:по)?звоните|перезвоните|наберите(?:\\s+нас|\\s+номер)?", "ответьте в чате"),
            ("обратитесь\\s+(?:по\\s+телефону|на\\s+горячую|в\\s+(?:офис|отделение|филиал|колл-?центр|call-?центр|"
             "сервисн\\w+\\s+центр|службу|пункт|магазин|банк|поддержку))", "ответьте в чате"),
            ("(?:напишите|пишите|отправьте\\s+письмо)\\s+(?:нам\\s+)?(?:на\\s+)?(?:почту|e-?mail|имейл|электронн\\w+\\s+почт\\w+|"
             "адрес)", "ответьте в чате"),
            ("(?:приходите|приезжайте|подойдите|посетите)\\s+(?:в|к|на)?\\s*(?:наш\\w*\\s+)?(?:офис|отделени\\w+|филиал|"
             "магазин|пункт|сервисн\\w+|салон)", "ответьте в чате"),
            ("горяч\\w+\\s+лини\\w+|колл-?центр\\w*|call-?центр\\w*", "ответьте в чате"),
            ("свяжитесь\\s+с\\s+(?:нами\\s+по\\s+телефону|поддержкой|оператором\\s+по\\s+телефону|банком|"
             "продавцом|производителем)", "ответьте в чате"),
        ],
        "legal": [
            ("согласно\\s+(?:стать\\w+|пункт\\w*|п\\.|закон\\w*|правил\\w*|регламент\\w*|положени\\w+|"
             "внутренн\\w+|ГК|ФЗ|§)", ""),
            ("в\\s+соответствии\\s+с\\s+(?:стать\\w+|пункт\\w*|закон\\w*|правил\\w*|регламент\\w*|положени\\w+|"
             "внутренн\\w+|ГК|ФЗ|требовани\\w+\\s+закон\\w*)", ""),
            ("стать(?:я|и|ей|ю|е)\\s+\\d+", ""), ("п\\.\\s*\\d+(?:\\.\\d+)*\\s+(?:договор|правил|регламент|оферт)\\w*", ""),
            ("закон\\w*\\s+о\\s+защите\\s+прав\\s+потребителей|ЗоЗПП", ""), ("\\d+-ФЗ|ГК\\s+РФ|ФЗ", ""),
            ("(?:по|нашему|нашим|внутренн\\w+)\\s+регламент\\w*|регламент\\w*\\s+(?:компании|магазина)", ""),
            ("по\\s+закону", ""),
        ],
        "blame": [
            ("(?:это\\s+)?(?:вина|ошибка|недосмотр)\\s+(?:курьер\\w*|склад\\w*|банк\\w*|колле\\w+|друг\\w+\\s+отдел\\w*|"
             "служб\\w+\\s+доставки|партн[её]р\\w*|сотрудник\\w*|оператор\\w*|транспортн\\w+\\s+компани\\w+)", ""),
            ("по\\s+вине\\s+(?:курьер\\w*|склад\\w*|банк\\w*|колле\\w+|отдел\\w*|служб\\w+|партн[её]р\\w*|"
             "сотрудник\\w*|транспортн\\w+)", ""),
            ("(?:курьер|склад|банк|коллега|отдел|сотрудник|оператор|партн[её]р|служба\\s+доставки)\\w*\\s+"
             "(?:(?:всё|все|опять|снова|тут|сам)\\s+)?(?:напутал\\w*|перепутал\\w*|ошибл\\w+|виноват\\w*|"
             "накосячил\\w*|потерял\\w*|забыл\\w*|не\\s+довез\\w*|не\\s+сработал\\w*|подвел\\w*|подвёл\\w*|"
             "неправильно\\s+\\w+|не\\s+так\\s+\\w+)", ""),
            ("(?:это\\s+)?не\\s+(?:наша|моя)\\s+вина|(?:мы|я)\\s+(?:тут\\s+)?ни\\s+при\\s+ч[её]м|не\\s+по\\s+нашей\\s+вине|"
             "к\\s+нам\\s+претензи\\w+\\s+нет|это\\s+не\\s+к\\s+нам", ""),
            ("(?:это\\s+)?(?:их|его|её|ее)\\s+(?:ошибка|вина|недосмотр|недоработка)", ""),
            ("виноват\\w*\\s+(?:курьер\\w*|склад\\w*|банк\\w*|колле\\w+|отдел\\w*|служб\\w+|партн[её]р\\w*)", ""),
        ],
        "cliche": [
            ("(?:приносим|примите\\s+наши)\\s+(?:свои\\s+)?извинения\\s+за\\s+(?:доставленные|причин[её]нные)\\s+неудобства",
             "назовите причину и что Вы уже сделали"),
            ("(?:извините|простите)\\s+за\\s+(?:доставленные|причин[её]нные)\\s+неудобства",
             "назовите причину и что Вы уже сделали"),
            ("(?:ваш|ваше|ваша)\\s+(?:звонок|мнение|обращение|вопрос|отзыв)\\s+(?:очень\\s+)?важ(?:ен|но|на)\\s+для\\s+нас", ""),
            ("оставайтесь\\s+на\\s+линии", ""),
            ("благодарим\\s+за\\s+(?:ваше\\s+)?обращение\\s+в\\s+нашу\\s+компанию", ""),
        ],
        "acronym": [
            ("СБП|ИНН|СНИЛС|ОГРН|КПП|БИК|ОСАГО|КАСКО|ГИБДД|МФЦ|ПВЗ|СДЭК|ФНС|НДС|ЖКХ|ООО|ИП|РФ|ПИН|ПУК|СМС", ""),
        ],
    },
    "en": {
        "abbreviation": [
            ("thx|thnx|tnx|ty", "thank you"), ("pls|plz|plss", "please"), ("u", "you"), ("ur", "your"),
            ("asap", "as soon as possible"), ("btw", "by the way"), ("imo|imho", ""), ("np", "no problem"),
            ("b4", "before"), ("gr8", "great"), ("msg", "message"), ("k|kk", "all right"),
            ("r", "are"), ("cuz|coz|bc", "because"), ("tmrw|tmr", "tomorrow"), ("sry|srry", "sorry"),
            ("idk", "I'll find out"), ("w/", "with"), ("rn", "right now"),
        ],
        "slang": [
            ("bro|bruh|dude|buddy", ""), ("gonna", "going to"), ("wanna", "want to"), ("gotta", "have to"),
            ("kinda", "kind of"), ("ain'?t", "is not"), ("lol|lmao|omg|wtf", ""), ("yep|yup|nope|nah", ""),
            ("y'?all", "you"), ("screw(?:ed)?\\s+up", "made a mistake"),
        ],
        "dont-know": [
            ("i\\s+(?:really\\s+)?(?:don'?t|do\\s+not|dunno)\\s+know|i\\s+dunno|i\\s+have\\s+no\\s+idea|no\\s+idea",
             "I'll find out and come back to you"),
            ("i'?m\\s+not\\s+sure\\s+what\\s+to\\s+(?:say|tell\\s+you)", "I'll find out and come back to you"),
        ],
        "redirect": [
            ("(?:please\\s+)?(?:call|phone|ring|dial)\\s+(?:us|our\\s+\\w+|the\\s+(?:hotline|helpline|support|store|shop|office|bank|number|branch)|\\+?\\d)", "answer in the chat"),
            ("give\\s+us\\s+a\\s+(?:call|ring)", "answer in the chat"),
            ("(?:please\\s+)?(?:e-?mail|write\\s+to|send\\s+an?\\s+e-?mail\\s+to|drop\\s+an?\\s+e-?mail\\s+to)\\s+"
             "(?:us|our\\s+\\w+|support|\\S+@\\S+)", "answer in the chat"),
            ("(?:please\\s+)?(?:visit|come\\s+to|go\\s+to|stop\\s+by)\\s+(?:our|the|a|any|your)\\s+(?:nearest\\s+|local\\s+)?"
             "(?:store|shop|office|branch|service\\s+cent(?:er|re)|showroom|outlet)", "answer in the chat"),
            ("(?:contact|reach)\\s+(?:our\\s+|the\\s+|your\\s+)?(?:hotline|call\\s+cent(?:er|re)|customer\\s+service|support\\s+line|"
             "bank|manufacturer|seller)", "answer in the chat"),
            ("hotline|helpline|call\\s+cent(?:er|re)", "answer in the chat"),
        ],
        "legal": [
            ("(?:under|per|pursuant\\s+to|according\\s+to|in\\s+accordance\\s+with|as\\s+stated\\s+in)\\s+"
             "(?:the\\s+|our\\s+)?(?:article|section|clause|paragraph|§|law|act|regulation|regulations|statute|"
             "terms\\s+and\\s+conditions|internal\\s+(?:rules|regulations|policy)|company\\s+(?:policy|regulations)|"
             "consumer\\s+\\w+\\s+(?:act|law|regulations))", ""),
            ("(?:article|section|clause|§)\\s+\\d+[a-z]?(?:\\(\\d+\\))?\\s+of", ""),
            ("consumer\\s+(?:rights|protection)\\s+(?:act|law|directive)", ""),
            ("(?:our|the)\\s+(?:internal\\s+)?regulations\\s+(?:say|state|require|do\\s+not)", ""),
            ("by\\s+law", ""),
        ],
        "blame": [
            ("(?:the\\s+)?(?:courier|driver|warehouse|bank|carrier|colleague|another\\s+department|other\\s+department|"
             "delivery\\s+(?:company|service)|partner|previous\\s+(?:agent|operator))'?s?\\s+(?:fault|mistake|error)", ""),
            ("(?:the\\s+|my\\s+|our\\s+)?(?:courier|driver|warehouse|bank|carrier|colleague|department|delivery\\s+company|"
             "partner|previous\\s+(?:agent|operator))s?\\s+(?:messed\\s+up|screwed\\s+up|made\\s+a\\s+mistake|"
             "got\\s+it\\s+wrong|forgot|is\\s+to\\s+blame|was\\s+wrong|gave\\s+you\\s+wrong|mixed\\s+up)", ""),
            ("(?:it'?s|it\\s+is|this\\s+is|that'?s|that\\s+is)\\s+not\\s+(?:our|my)\\s+fault|not\\s+our\\s+fault", ""),
            ("(?:it'?s|it\\s+is|that'?s|that\\s+is|this\\s+is)\\s+(?:their|his|her)\\s+(?:fault|mistake|error)", ""),
            ("(?:blame|fault\\s+of)\\s+(?:the\\s+)?(?:courier|bank|warehouse|carrier|partner|colleague|department)", ""),
        ],
        "cliche": [
            ("we\\s+(?:sincerely\\s+)?apologi[sz]e\\s+for\\s+(?:any|the)\\s+inconvenience(?:\\s+caused)?",
             "say what went wrong and what you have done"),
            ("(?:sorry|apologies)\\s+for\\s+(?:any|the)\\s+inconvenience", "say what went wrong and what you have done"),
            ("your\\s+(?:call|business|opinion|feedback|request)\\s+is\\s+(?:very\\s+)?important\\s+to\\s+us", ""),
            ("thank\\s+you\\s+for\\s+choosing\\s+our\\s+company", ""),
        ],
        "acronym": [
            ("SIM|SMS|PIN|PUK|LTE|WAN|LAN|USB|HDMI|IBAN|SWIFT|BLIK|GDPR|IMEI|USSD|HTTP|HTTPS|HTML|JSON|API|URL|"
             "VAT|NFC|CVV|CVC|ETA|FAQ|ID|PDF|SSID|VPN|WIFI|DHL|UPS|FEDEX|VISA|PAYPAL|ASAP", ""),
        ],
    },
    "pl": {
        "abbreviation": [
            ("pozdr|pzdr|pozdro", "pozdrawiam"), ("dzieki|dzięks|dzienki|dzk|dzx|thx", "dziękuję"),
            ("pls|plz|prosze", "proszę"), ("nwm", "sprawdzę i wrócę z odpowiedzią"), ("sory|sorka|sorki|sorry", "przepraszam"),
            ("ok(?!\\.\\s*\\d)|oki|okej|okey", "dobrze"), ("btw", "przy okazji"),
        ],
        "slang": [
            ("spoko|spoks|spox", "dobrze"), ("siema|siemka|siemano|elo|hejka|joł|yo", "dzień dobry"),
            ("nara|narka", "do widzenia"), ("ziom\\w*", ""), ("luzik", ""), ("masakra", ""),
            ("ogarn\\w+", "załatwić"), ("hajs\\w*", "pieniądze"), ("czaisz|kumasz", "rozumie Pan/Pani"),
        ],
        "dont-know": [
            ("nie\\s+wiem|nie\\s+mam\\s+pojęcia|nie\\s+mam\\s+pojecia|nie\\s+mam\\s+zielonego\\s+pojęcia",
             "sprawdzę i wrócę z odpowiedzią"),
        ],
        "redirect": [
            ("(?:proszę|prosimy)\\s+(?:o\\s+)?(?:zadzwonić|kontakt\\s+telefoniczny|telefon|napisać\\s+(?:maila|e-?maila|na\\s+adres|do\\s+nas)|"
             "udać\\s+się\\s+do|przyjść\\s+do|odwiedzić)", "proszę odpowiedzieć na czacie"),
            ("zadzwoń|zadzwonić\\s+(?:na|pod)|zadzwoni\\s+Pan|zadzwoni\\s+Pani|wyślij\\s+(?:maila|e-?mail)|napisz\\s+(?:maila|na)",
             "proszę odpowiedzieć na czacie"),
            ("infolinii|infolinię|infolinia|infolinią|call\\s*center|biura\\s+obsługi\\s+klienta", "proszę odpowiedzieć na czacie"),
            ("zapraszamy\\s+do\\s+(?:salonu|oddziału|placówki|biura|sklepu\\s+stacjonarnego|punktu)", "proszę odpowiedzieć na czacie"),
            ("(?:skontaktuj|proszę\\s+skontaktować)\\s+się\\s+z\\s+(?:infolinią|bankiem|kurierem|producentem|działem|biurem)",
             "proszę odpowiedzieć na czacie"),
        ],
        "legal": [
            ("zgodnie\\s+z\\s+(?:art\\.|artykułem|artykułu|ustaw\\w+|regulamin\\w*|przepis\\w+|paragraf\\w*|§|kodeks\\w*|"
             "prawem|polityką|wewnętrzn\\w+|procedur\\w+)", ""),
            ("na\\s+(?:podstawie|mocy)\\s+(?:art\\.|artykułu|ustaw\\w+|regulamin\\w*|przepis\\w+|§|kodeks\\w*)", ""),
            ("art\\.\\s*\\d+|§\\s*\\d+", ""), ("ustaw\\w+\\s+o\\s+prawach\\s+konsumenta|kodeks\\w*\\s+cywiln\\w+", ""),
            ("regulamin\\w*\\s+(?:sklepu|firmy|stanowi|mówi|przewiduje)|(?:nasz|wewnętrzn)\\w*\\s+regulamin\\w*", ""),
        ],
        "blame": [
            ("(?:to\\s+)?(?:wina|błąd)\\s+(?:kuriera|banku|magazynu|firmy\\s+kurierskiej|przewoźnika|kolegi|koleżanki|"
             "innego\\s+działu|działu|partnera|pracownika|konsultanta)", ""),
            ("(?:to\\s+)?(?:ich|jego|jej)\\s+(?:wina|błąd)", ""),
            ("z\\s+winy\\s+(?:kuriera|banku|magazynu|przewoźnika|partnera|kolegi|działu|firmy)", ""),
            ("(?:kurier|bank|magazyn|kolega|koleżanka|dział|przewoźnik|konsultant)\\s+(?:się\\s+)?(?:pomylił\\w*|zawalił\\w*|"
             "zgubił\\w*|źle\\s+\\w+|nie\\s+dopilnował\\w*|pomieszał\\w*|opóźnia\\w*|wstrzymał\\w*|zapomniał\\w*)", ""),
            ("(?:to\\s+)?nie\\s+(?:nasza|moja)\\s+wina|nie\\s+z\\s+naszej\\s+winy|nie\\s+mamy\\s+na\\s+to\\s+wpływu", ""),
            ("przez\\s+(?:kuriera|bank|magazyn|przewoźnika|kolegę|koleżankę)", ""),
        ],
        "cliche": [
            ("przepraszamy\\s+za\\s+(?:wszelkie\\s+)?(?:niedogodności|utrudnienia|kłopoty)", "proszę podać przyczynę i rozwiązanie"),
            ("(?:pana|pani|państwa|twoja|twoje|twój)?\\s*(?:opinia|zdanie|telefon|połączenie|zgłoszenie)\\s+jest\\s+dla\\s+nas\\s+"
             "(?:bardzo\\s+)?ważn\\w+", ""),
        ],
        "acronym": [
            ("BLIK|PESEL|NIP|REGON|KRS|ZUS|VAT|IBAN|SWIFT|PIN|PUK|SMS|SIM|LTE|WAN|USB|HDMI|RODO|NFC|CVV|KSEF|PKO|DPD|"
             "GLS|DHL|UPS|INPOST|FAQ|PDF|IMEI|ID", ""),
        ],
    },
}

# Words after which a full stop does not end a sentence ("т. е.", "np.", "e.g.").
SENTENCE_ABBREVIATIONS = {
    "ru": {"т", "е", "к", "д", "п", "г", "гг", "руб", "коп", "ул", "см", "стр", "тыс", "млн", "млрд", "им", "пр",
           "др", "мин", "сек", "ч", "шт", "кв", "эт", "корп", "обл", "св", "тел", "напр", "прим", "т.е", "т.к",
           "т.д", "т.п", "и.о"},
    "en": {"e.g", "i.e", "etc", "approx", "mr", "mrs", "ms", "dr", "no", "vs", "st", "apt", "incl", "min", "max",
           "p", "pp", "a.m", "p.m", "u.s"},
    "pl": {"np", "tj", "itd", "itp", "ok", "godz", "ul", "nr", "zł", "tzn", "tzw", "m.in", "wg", "ds", "dot",
           "pon", "wt", "śr", "czw", "pt", "sob", "ndz", "min", "tys", "mln", "ew", "pkt", "r", "w.w"},
}
