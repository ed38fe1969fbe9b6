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
    "redirect-channel": (ERROR, None, "Asks the client to call, e-mail, write to or visit another channel (phone, "
                                      "hotline, e-mail, office, shop, bank) instead of answering in the chat."),
    "legal-reference": (ERROR, None, "Cites laws, articles or regulations."),
    "blame-shift": (ERROR, None, "Puts a fault on a third party (courier, colleague, warehouse, bank, partner…) "
                                 "or disowns the problem."),
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
            ("не\\s+могу\\s+(?:знать|сказать)", "уточню и вернусь с ответом"),
            ("(?:я\\s+|мы\\s+)?не\\s+(?:представляю|представляем|знаем|в\\s+курсе)|не\\s+имею\\s+(?:ни\\s+малейшего\\s+)?"
             "(?:понятия|представления)|(?:мне|нам)\\s+(?:это\\s+)?неизвестно|(?:мне\\s+)?(?:сложно|трудно)\\s+сказать|"
             "(?:бог|кто)\\s+его\\s+знает|знать\\s+не\\s+знаю", "уточню и вернусь с ответом"),
        ],
        "redirect": [
            ("ждём\\s+Вас\\s+(?:в|на)\\s+(?:нашем\\s+|любом\\s+)?(?:офисе|магазине|салоне|отделении|филиале|сервисном\\s+центре)",
             "ответьте в чате"),
        ],
        "request": [
            ("пожалуйста|нужно|надо|необходимо|следует|стоит|лучше|придётся|придется|требуется|должны|можете|можно|"
             "рекомендуем|рекомендую|советуем|советую|просим|прошу|попрошу|приглашаем|предлагаем|имеет\\s+смысл|"
             "проще|удобнее", ""),
            # «Могу лишь посоветовать позвонить», «Попробуйте дозвониться»: advice and attempts are requests too.
            ("(?:могу|можем)\\s+(?:лишь\\s+|только\\s+)?(?:посоветовать|порекомендовать)|посоветую|порекомендую|попробуйте|постарайтесь", ""),
            # «Достаточно зайти в любой салон»: enough is asked as surely as «нужно».
            ("достаточно", ""),
            # «А Вы не пробовали позвонить в банк?»: a question about trying asks the client to try.
            ("не\\s+пробовали|пробовали\\s+ли", ""),
        ],
        "call": [
            ("позвонить|звонить|перезвонить|созвониться|прозвонить|дозвониться|дозваниваться", "ответьте в чате"),
            ("набрать(?:,?\\s+пожалуйста,?)?\\s+(?:нас|нам|мы|номер\\s+(?:телефона|горяч\\w+)|\\+?\\d|(?:наш\\w*\\s+)?(?:горяч\\w+|колл-?центр\\w*|"
             "поддержк\\w+|телефон\\w*))", "ответьте в чате"),
        ],
        "contact": [
            ("написать|писать|обратиться|обращаться|связаться|связываться|уточнить|узнать|спросить|выяснить|"
             "запросить|пожаловаться|задать|задавать|отправить\\s+(?:письм\\w+|запрос\\w*|заявк\\w+|обращени\\w+|e-?mail)|заполнить|заполнять|оставить\\s+(?:заявк\\w+|обращени\\w+)|"
             "подать|подавать", "ответьте в чате"),
        ],
        "visit": [
            ("прийти|приходить|приехать|приезжать|подъехать|подъезжать|подойти|подходить|зайти|заходить|посетить|"
             "посещать|отнести|относить|отвезти|отвозить|принести|приносить|привезти|привозить|сходить|съездить|"
             "обратиться|обращаться|заглянуть|сдать|сдавать", "ответьте в чате"),
            # The visit as a noun, asked as a requirement («требуется визит в сервисный центр»: redirect.py).
            ("визит\\w*|посещени\\w+", "ответьте в чате"),
            ("поехать|ехать|езжать|пойти|идти|отправиться|направиться|доехать|дойти|наведаться", "ответьте в чате"),
        ],
        "channel": [
            ("по\\s+(?:номеру\\s+)?телефон\\w*|(?:на|по)\\s+номер\\w*\\s+телефон\\w*|телефон\\w*\\s+(?:горяч\\w+|поддержк\\w+)", ""),
            ("горяч\\w+\\s+лини\\w+|колл-?центр\\w*|call-?центр\\w*|контакт-?центр\\w*", ""),
            ("(?:электронн\\w+\\s+)?почт\\w+|e-?mail\\w*|имейл\\w*|и-?мейл\\w*|мейл\\w*|емейл\\w*|(?:на|по)\\s+адрес\\w*", ""),
            ("whatsapp|вотсап\\w*|ватсап\\w*|telegram|телеграм\\w*|viber|вайбер\\w*|вконтакте|соцсет\\w+|"
             "социальн\\w+\\s+сет\\w+|инстаграм\\w*|instagram|фейсбук\\w*|facebook|одноклассник\\w*|твиттер\\w*|мессенджер\\w*", ""),
            # A form the client fills in elsewhere: «форма обратной связи», «форма на сайте».
            ("форм\\w+\\s+(?:обратной\\s+связи|обращения|для\\s+обращений|на\\s+сайте)|личн\\w+\\s+кабинет\\w*\\s+на\\s+сайте", ""),
            ("служб\\w+\\s+поддержки|поддержк\\w+", ""),
            ("туда|(?:к\\s+)?(?:ним|нему|ней)|им", ""),
        ],
        "venue": [
            ("офис\\w*|отделени\\w+|филиал\\w*|магазин\\w*|салон\\w*|шоу-?рум\\w*|сервисн\\w+\\s+центр\\w*|"
             "сервис|мастерск\\w+|банк|лично", ""),
            # A notary's office: «Вам надо к нотариусу».
            ("нотариус\\w*|нотариальн\\w+\\s+контор\\w+", ""),
            # A pick-up point too: going there to collect the order («за заказом») is read in redirect.py.
            ("таможн\\w+|налогов\\w+\\s+инспекци\\w+|МФЦ|пункт\\w*\\s+(?:выдачи|самовывоза)|ПВЗ|постамат\\w*", ""),
        ],
        "chat": [
            ("чат\\w*|сюда|здесь|в\\s+этом\\s+окне|в\\s+(?:этой\\s+)?переписк\\w+|в\\s+этом\\s+диалоге", ""),
        ],
        "legal": [
            ("согласно\\s+(?:стать\\w+|пункт\\w*|п\\.|закон\\w*|правил\\w*|регламент\\w*|положени\\w+|"
             "внутренн\\w+|ГК|ФЗ|§)", ""),
            ("в\\s+соответствии\\s+со?\\s+(?:стать\\w+|пункт\\w*|закон\\w*|правил\\w*|регламент\\w*|положени\\w+|"
             "внутренн\\w+|ГК|ФЗ|требовани\\w+\\s+закон\\w*)", ""),
            ("стать(?:я|и|ей|ёй|ю|е)\\s+\\d+", ""), ("п\\.\\s*\\d+(?:\\.\\d+)?(?:\\.\\d+)?\\s+(?:договор|правил|регламент|оферт)\\w*", ""),
            ("закон\\w*\\s+о\\s+защите\\s+прав\\s+потребителей|ЗоЗПП", ""), ("\\d+-ФЗ|ГК\\s+РФ|ФЗ", ""),
            ("(?:по|нашему|нашим|внутренн\\w+)\\s+регламент\\w*|регламент\\w*\\s+(?:компании|магазина)", ""),
            ("по\\s+закону", ""),
            ("по\\s+(?:нашим|внутренним|действующим)\\s+правилам|положено\\s+по\\s+(?:закону|правилам|регламенту|инструкции)|"
             "согласно\\s+(?:услови\\w+\\s+)?(?:публичн\\w+\\s+)?(?:договор\\w*|оферт\\w*|политик\\w+)", ""),
            ("(?:по\\s+)?правил\\w*\\s+(?:нашей\\s+|нашего\\s+)?(?:компании|магазина|сервиса|фирмы|банка)|"
             "по\\s+(?:условиям|требованиям|нормам)\\s+(?:нашей\\s+|нашего\\s+)?(?:компании|магазина|договора|оферты)", ""),
            ("в\\s+соответствии\\s+со?\\s+(?:договор\\w*|оферт\\w*|(?:\\w+\\s+)?(?:услови|правил|политик|соглашени|положени)\\w*)|"
             "на\\s+основании\\s+(?:\\w+\\s+)?(?:положени\\w+|договор\\w*|закон\\w*|правил\\w*|стать\\w+|регламент\\w*|оферт\\w*)", ""),
            # Any wording that cites a document: «как указано в договоре», «по условиям гарантии», «закон не
            # позволяет», «раздел 7 соглашения», «пользовательское соглашение».
            ("(?:как\\s+)?(?:указано|прописано|сказано|написано|предусмотрено|закреплено|оговорено|установлено|описано|"
             "определено)\\s+в\\s+(?:\\w+\\s+)?(?:договор|оферт|соглашени|правил|регламент|закон|политик|услови|стать|"
             "кодекс|инструкци)\\w*", ""),
            ("пользовательск\\w+\\s+соглашени\\w+|лицензионн\\w+\\s+соглашени\\w+|публичн\\w+\\s+оферт\\w*", ""),
            ("по\\s+(?:услови|требовани|норм|правил)\\w*\\s+(?:\\w+\\s+)?(?:гаранти|договор|оферт|соглашени|возврат|"
             "обслуживани|продаж|закон|компани|магазин|сервис|банк|перевоз|эксплуатаци|пользовани|тариф|страховани|акци)\\w*", ""),
            ("согласно\\s+(?:\\w+\\s+)?(?:услови|соглашени|оферт|договор|правил|политик|регламент|закон|требовани)\\w*", ""),
            ("(?:закон|договор|оферт|регламент|политик|правил)\\w*\\s+(?:\\w+\\s+)?(?:не\\s+)?(?:позволя|разреша|"
             "запреща|предусматрива|требу|обязыва|допуска|исключа)\\w*", ""),
            ("(?:раздел|пункт|стать|глав|параграф)[а-яё]*\\s+\\d+(?:\\.\\d+)?(?:\\.\\d+)?\\s+(?:\\w+\\s+)?(?:договор|правил|регламент|"
             "оферт|соглашени|закон|кодекс|политик|услови)\\w*", ""),
            # A normative document as the one that allows, forbids or obliges («инструкция компании не разрешает»,
            # «кодекс не обязывает»), as the source one follows («согласно нашим внутренним правилам», «мы
            # руководствуемся правилами»), or named as law («законодательство», «постановление правительства»).
            ("(?:закон|законодательств|кодекс|регламент|правил|политик|оферт|инструкци|постановлени|положени|норм)\\w*\\s+"
             "(?:\\w+\\s+){0,2}(?:не\\s+)?(?:позволя|разреша|запреща|обязыва|требу|предусматрива|допуска|предписыва|гласит|"
             "устанавлива)\\w*", ""),
            ("согласно\\s+(?:\\w+\\s+){0,2}(?:правил|регламент|политик|инструкци|положени|норм|требовани)\\w*|"
             "руководству\\w+\\s+(?:\\w+\\s+)?(?:правил|закон|регламент|политик|инструкци|положени|норм)\\w*|"
             "регламентиру\\w+|законодательств\\w+|постановлени\\w+\\s+правительства|(?:гражданск|налогов|трудов)\\w+\\s+кодекс\\w*|"
             "таковы\\s+(?:требования|правила|нормы)", ""),
        ],
        "blame": [
            ("(?:вина|ошибка|ошибки|ошибке|ошибкой|недосмотр\\w*|недоработк\\w+|оплошност\\w+|халатност\\w+)\\s+{third-party}", ""),
            # Eighth round: a third party's carelessness by any word for it («невнимательность сборщика»).
            ("(?:невнимательност|небрежност|нерасторопност|некомпетентност|безответственност|неаккуратност|забывчивост)\\w*\\s+"
             "{third-party}", ""),
            ("по\\s+(?:вине|недосмотру|ошибке)\\s+{third-party}|из-за\\s+(?:ошибки\\s+)?{third-party}", ""),
            ("(?:из-за\\s+)?(?:ошибк\\w+|сбо(?:й|я|ю|ем|е|и|ев)|проблем\\w*|неполад\\w+|задержк\\w+|халатност\\w+|"
             "недосмотр\\w*|невнимательност\\w+)\\s+(?:(?:произош|возник|случил|был)\\w*\\s+)?(?:у|на\\s+стороне)\\s+{third-party}", ""),
            ("виноват\\w*\\s+(?:во\\s+вс[её]м\\s+)?{third-party}", ""),
            ("(?:это\\s+)?не\\s+(?:наша|моя)\\s+(?:вина|ошибка|проблема|недоработка)|(?:мы|я)\\s+(?:тут\\s+|здесь\\s+)?ни\\s+при\\s+ч[её]м|"
             "не\\s+по\\s+нашей\\s+вине|(?:мы|я)\\s+не\\s+виноват\\w*|не\\s+(?:мы|я)(?=\\s*[.!?]|\\s*$)", ""),
            ("к\\s+нам\\s+претензи\\w+\\s+(?:нет|быть\\s+не\\s+может)|(?:претензи\\w+|вопрос\\w*)\\s+(?:это\\s+)?не\\s+к\\s+нам|это\\s+не\\s+к\\s+нам", ""),
            ("(?:их|его|её|ее)\\s+(?:ошибка|вина|недосмотр|недоработка|проблема|косяк)|по\\s+(?:их|его|её|ее)\\s+вине", ""),
            # Their fault in any word for one: «это их сбой», «его промах», «их упущение».
            ("(?:их|его|её|ее)\\s+(?:сбо(?:й|я|ю|ем|е)|промах\\w*|упущени\\w+|недоч[её]т\\w*|оплошност\\w+|просч[её]т\\w*|"
             "халатност\\w+|недосмотр\\w*|недоработк\\w+|ошибк\\w+|вин(?:а|ы|у|ой)|глюк\\w*|накладк\\w+)", ""),
            ("на\\s+(?:совести|ответственности)\\s+(?:{third-party}|их|его|её|ее)|претензи\\w+(?:[\\s,]+\\w+){0,2}?[\\s,]+к\\s+{third-party}|"
             "ответственност\\w+\\s+(?:за\\s+\\w+\\s+)?(?:лежит|лежать|несёт|несет|нести)\\s+(?:на\\s+)?{third-party}", ""),
        ],
        "third-party": [
            ("курьер\\w*|водител\\w*|экспедитор\\w*|мастер|мастера|мастеру|мастером|мастере|мастеров|техник|монтажник\\w*|"
             "установщик\\w*|инженер\\w*", ""),
            ("коллег\\w*|сотрудник\\w*|менеджер\\w*|оператор\\w*|консультант\\w*|специалист\\w*|администратор\\w*|"
             "диспетчер\\w*|логист|логиста|логисты|логистов|сборщик\\w*|упаковщик\\w*|кладовщик\\w*|бухгалтер\\w*", ""),
            ("(?:отдел|склад|поставщик|подрядчик|перевозчик|маркетплейс|эквайер|банк)(?:а|у|ом|е|и|ы|ов|ам|ами|ах)?|"
             "производител(?:ь|я|ю|ем|е|и|ей|ям|ями|ях)|продав(?:ец|ца|цу|цом|це|цы|цов)|партн[её]р(?:а|у|ом|е|ы|ов)?|"
             "эквайринг\\w*|почт(?:а|ы|е|у|ой)|почтов\\w+\\s+служб\\w+|завод\\w*(?:-изготовител\\w+)?|изготовител\\w+", ""),
            ("(?:\\w+-)?партн[её]р\\w*|продав\\w+-партн[её]р\\w*|банк-эмитент\\w*", ""),
            ("служб\\w+\\s+доставки|транспортн\\w+\\s+компани\\w+|курьерск\\w+\\s+(?:служб|компани)\\w+|"
             "плат[её]жн\\w+\\s+(?:систем|сервис|шлюз|агрегатор|провайдер|оператор|организаци)\\w*|сервисн\\w+\\s+центр\\w*|"
             "почт\\w+\\s+росси\\w+|сдэк|боксберри|пэк", ""),
            # Families of third parties: movers and fitters, customs, pick-up points, providers, insurers.
            ("грузчик\\w*|такелажник\\w*|носильщик\\w*|ремонтник\\w*|сантехник\\w*|электрик\\w*|сборщик\\w*|"
             "провайдер\\w*|страховщик\\w*|страхов\\w+\\s+компани\\w+|таможн(?:я|и|е|ю|ей)|таможенник\\w*|"
             "таможенн\\w+\\s+(?:служб|орган|пост)\\w*|фабрик\\w+|типографи\\w+|пункт\\w*\\s+выдачи|ПВЗ|"
             "сортировочн\\w+\\s+центр\\w*|оператор\\w*\\s+связи", ""),
            # Travel and housing: airlines, hotels, tour operators, landlords, developers, management companies.
            ("авиакомпани\\w+|авиаперевозчик\\w*|гостиниц\\w+|отел(?:ь|я|ю|ем|е|и|ей|ям|ями|ях)|хостел\\w*|"
             "туроператор\\w*|турагент\\w*|турагентств\\w+|аэропорт\\w*|арендодател\\w+|застройщик\\w*|"
             "управляющ\\w+\\s+компани\\w+|депо", ""),
            # A third party's system or site acts for it: «система партнёра», «сайт банка», «партнёрский сервис».
            ("(?:систем|сервис|сайт|сервер|приложени|платформ)\\w*\\s+(?:партн[её]р|банк|провайдер|поставщик|перевозчик|"
             "эквайер|маркетплейс|агрегатор|курьерск|логист|служб)\\w*|партн[её]рск\\w+\\s+(?:систем|сервис|сайт|сервер|"
             "приложени|платформ)\\w*|агрегатор\\w*|биллинг\\w*|платёжн\\w+\\s+агрегатор\\w*|эмитент\\w*", ""),
            # Eighth round: "the system" that acts by itself, processing and settlement centres, a department
            # named by what it does («отдел логистики», «служба поддержки»).
            ("систем(?:а|ы|е|у|ой)|(?:процессингов|расч[её]тн|клирингов)\\w+\\s+центр\\w*|процессинг\\w*|"
             "служб\\w+\\s+(?:поддержки|логистики|сборки|монтажа)", ""),
            # Tenth round: another shift, head office, a department named with a hyphen («ИТ-отдел»), IT staff.
            ("(?:предыдущ|ночн|дневн|утренн|вечерн|прошл|друг)\\w+\\s+смен\\w*|(?:головн|центральн|главн)\\w+\\s+офис\\w*|"
             "(?:ит|it|айти|юр|пиар|hr|тех|бэк)-отдел\\w*|айтишник\\w*|ит-(?:служб|специалист)\\w*", ""),
        ],
        "fault": [
            ("ошибиться|перепутать|напутать|спутать|запутать|потерять|утерять|забыть|задержать|затянуть|сорвать|"
             "испортить|повредить|сломать|разбить|поцарапать|помять|накосячить|недоглядеть|проглядеть|упустить|"
             "проворонить|прошляпить|провалить|подвести|профукать|просрочить|завалить|не\\s+справиться|"
             "задерживать|терять|путать|портить|повреждать|ломать|ронять|забывать|"
             "ошибаться|опаздывать|затягивать|срывать", ""),
            ("не\\s+(?:приехал|приехала|приехали|пришёл|пришел|пришла|пришли|явился|явилась|явились|привёз|привез|"
             "привезла|привезли|перезвонил|перезвонила|перезвонили|нашёл|нашел|нашла|нашли|нашло)|"
             "хотя\\s+(?:и\\s+)?(?:должен|должна|должны|обязан|обязана|обязаны)\\s+(?:был|была|были)", ""),
            ("не\\s+(?:довезти|доставить|передать|сообщить|предупредить|проверить|уследить|доложить|вложить|положить|"
             "учесть|оформить|обработать|подтвердить|забронировать|согласовать|уведомить)", ""),
            # A third party that did not do its job: «не нашли», «не отгрузил», «не провёл» (past tense only,
            # checked in blame.py: «не отгрузит» is a plan, not a fault).
            ("не\\s+(?:найти|отыскать|отгрузить|отправить|выслать|провести|зачислить|перечислить|перевести|вернуть|"
             "выдать|упаковать|подключить|установить|починить|отремонтировать|собрать|забрать|вывезти|записать|внести|"
             "выполнить|исполнить|отследить|сохранить|приложить|отметить|позвонить|ответить|отреагировать)", ""),
            ("задержаться|затеряться|порвать|погнуть|продавить|расколоть|поломать|залить|испачкать|перепутывать|"
             "недовложить|недоложить|недовезти|пересортировать|затерять|разбивать|царапать|задвоить|продублировать|"
             "списать\\s+дважды|отменить\\s+по\\s+ошибке", ""),
            ("(?:допустить|совершить|сделать)\\s+(?:\\w+\\s+)?(?:ошибка|промах|оплошность|брак)|"
             "(?:ошибка|промах|оплошность|брак)\\s+(?:\\w+\\s+)?(?:допустить|совершить|сделать)", ""),
            ("по\\s+ошибк\\w+|по\\s+невнимательност\\w+|не\\s+(?:тот|ту|того|той|то|те|тех|туда|так)|не\\s+по\\s+адресу|неправильн\\w*|неверн\\w*|ошибочн\\w*|"
             "бракованн\\w*|виноват\\w*", ""),
            # Semantic classes of a job done wrong: acting without the client's consent, the wrong (someone
            # else's) item, rough handling, holding the client's money or parcel.
            ("без\\s+(?:Вашего|Вашей|вашего|вашей|согласия|ведома)\\s*(?:согласия|ведома|разрешения|подтверждения|клиента)?|"
             "чуж(?:ой|ого|ому|им|ом|ая|ую|ие|их|ими|ое)", ""),
            ("бросать|бросить|кидать|кинуть|швырять|швырнуть|пинать|пнуть|волочь|сбросить|зависнуть|застрять|затеряться|"
             "потеряться|придержать|удерживать", ""),
            # The wrong recipient or place, a job done leaving something out, acting on one's own, rudeness.
            ("(?:другому|чужому|не\\s+тому)\\s+(?:клиенту|человеку|покупателю|получателю|адресату|соседу)|"
             "в\\s+друг(?:ой|ое|ую)\\s+(?:город|адрес|пункт|отделение|магазин|регион|дом|подъезд)", ""),
            ("(?:(?:отправи|привезл|доставил|присла|упакова|собра|установи|подключи|верну|выда)(?:л|ла|ли|ло)|привез|привёз)\\s+(?:\\w+\\s+){0,2}?без\\s+"
             "(?!(?:доплат|оплат|предоплат|комисси|задерж|проблем|очеред|переплат)\\w*)\\w+", ""),
            ("самовольно|по\\s+своей\\s+(?:инициативе|воле)|по-своему|под\\s+дожд\\w+|без\\s+присмотра|"
             "нахамить|хамить|грубить|нагрубить|накричать|огрызаться|груб(?:о|ил|ила|или|ый|ым)", ""),
            # Dragging one's feet, leaving a job half done.
            ("тянуть\\s+(?:время|резину)|тянуть\\s+с|затянуть\\s+с|волокит\\w*|медлить|на\\s+полпути|недоделать|не\\s+доделать", ""),
            # A job done badly or late, by its manner: «упаковал небрежно», «доставил с опозданием».
            ("небрежно|халатно|некачественно|кое-как|спустя\\s+рукава|с\\s+опозданием|не\\s+вовремя|не\\s+в\\s+срок", ""),
            # Stopping the client's payment or order: «отклонил платёж», «заблокировал перевод».
            ("отклонить|заблокировать|заморозить|аннулировать", ""),
            # Eighth round: letting the client down in colloquial verbs («тормозит», «обманул», «схалтурил»).
            ("тормозить|обмануть|обманывать|надуть|халтурить|схалтурить|продинамить|динамить|проспать", ""),
            # Ninth round: a failed attempt followed by leaving («не дозвонился и уехал», «не застал и увёз»), a
            # reputation for failing («известен задержками», «славится опозданиями»), poor quality supplied.
            ("(?:не\\s+)?(?:дозвониться|застать|достучаться)\\s+(?:\\w+\\s+){0,3}?и\\s+(?:уехать|увезти|уйти|забрать|отвезти|укатить)|"
             "(?:известный|славиться|прославиться)\\s+(?:\\w+\\s+)?(?:задержка|опоздание|ошибка|медлительность|проволочка|путаница|"
             "срыв|поломка|потеря)|(?:плохой|низкий|ужасный|отвратительный|сомнительный)\\s+качество|некачественный", ""),
            # Tenth round: a third party overloaded or not coping («курьеры перегружены»), a defect sent («прислал с
            # браком»), blocking in the present («провайдер блокирует сайт»).
            ("перегрузить|перегруженный|не\\s+справляться|с\\s+(?:брак|дефект)\\w*|"
             # blocking or rejecting something of ours or the client's in the present (not a rule about cards in general)
             "(?:блокирует|блокируют|отклоняет|отклоняют)\\s+(?:все\\s+)?(?:наш|ваш|этот|эту|это|эти)\\w*|"
             "недо(?:крутить|тянуть|вернуть|клеить|делать|закрутить|собрать|упаковать|оформить|слать|смотреть)|"
             "недо(?:крути|тяну|верну|клеи|дела|закрути|собра|упакова|оформи|сла|смотре)(?:л|ла|ли|ло)", ""),
            # Messing up in colloquial verbs («намудрили», «напортачил»), a delay of any length («с трёхдневным
            # опозданием»), running behind, leaving the parcel at the door or in the street.
            ("намудрить|начудить|напортачить|нахимичить|наломать\\s+дров|с\\s+\\w+\\s+(?:опозданием|задержкой)|"
             "отставать\\s+от\\s+(?:график|срок)\\w*|"
             "оставил(?:а|и)?\\s+(?:\\w+\\s+){0,2}?(?:у\\s+(?:дверь|двери|порог|порога|подъезд|подъезда)|под\\s+(?:дверь|дверью)|на\\s+(?:порог|пороге|улица|улице|лестница|лестнице))", ""),
            # Causing the problem: «вызвал задержку», «создал путаницу» (lemmas).
            ("(?:вызвать|создать|спровоцировать|устроить)\\s+(?:\\w+\\s+)?(?:задержка|проблема|путаница|сбой|неразбериха|накладка|"
             "ошибка|неудобство)", ""),
            ("опоздать|уронить|не\\s+в\\s+(?:тот|ту|то|те|того|той|тех)|не\\s+на\\s+(?:тот|ту|то|те)", ""),
            # Refusing, acting without warning, charging twice, a system failing, an error made (words between).
            ("отказаться|отказать|отказываться|без\\s+(?:всякого\\s+|какого-либо\\s+)?(?:предупреждени|уведомлени|согласовани|"
             "объяснени)\\w*|(?:дважды|повторно|два\\s+раза)\\s+(?:списать|провести|снять|выставить|оформить)|"
             "(?:списать|провести|снять)\\s+(?:\\w+\\s+){0,2}?(?:дважды|повторно|два\\s+раза)", ""),
            ("без\\s+(?:всякой\\s+|какой-либо\\s+|видимой\\s+)?причины|ни\\s+с\\s+того\\s+ни\\s+с\\s+сего|"
             "упасть|сломаться|сбой|глюк|"
             "зависнуть|зависать|сбоить|глючить|(?:дать|давать)\\s+сбой|(?:выдать|выдавать)\\s+ошибка|"
             "(?:допустить|совершить|сделать)\\s+(?:\\w+\\s+){0,3}?(?:ошибка|промах|оплошность)|"
             "(?:ошибка|промах|оплошность)\\s+(?:\\w+\\s+){0,3}?(?:допустить|совершить|сделать)", ""),
        ],
        "disown": [
            # The act left to the third party's own account: «это его личная инициатива», «их решение».
            ("(?:это\\s+)?(?:его|её|ее|их)\\s+(?:личн\\w+\\s+|собственн\\w+\\s+)?(?:инициатив\\w+|дело|решени\\w+)", ""),
            # A third party's act set against ours: «…, а не наш магазин», «без нашего участия».
            ("а\\s+не\\s+(?:мы|я|наш\\w*|мо[йяеи]\\w*)(?=[\\s.,!?;]|$)|без\\s+(?:нашего|моего|нашей|моей)\\s+(?:участия|ведома|согласия|"
             "вмешательства|разрешения|вины|уведомления|ведения)", ""),
            ("(?:вопрос\\w*|претензи\\w+)\\s+(?:\\w+\\s+)?к\\s+(?:нему|ней|ним)|обращайтесь\\s+к\\s+(?:нему|ней|ним)", ""),
            # Tenth round: resignation that hands the problem to whoever is named («что тут поделаешь», «ничего не попишешь»).
            ("работа(?:ет|ют|ть),?\\s+(?:так,?\\s+)?как\\s+работа(?:ет|ют|ть)|что\\s+(?:же\\s+|тут\\s+|здесь\\s+|уж\\s+)?(?:поделать|поделаешь)|ничего\\s+не\\s+(?:поделаешь|попишешь|поделать)", ""),
            ("(?:мы|я)\\s+(?:тут\\s+|здесь\\s+)?бессильн\\w*|(?:мы\\s+|я\\s+)?ничего\\s+(?:(?:с\\s+этим|тут)\\s+)?(?:сделать\\s+)?не\\s+мож\\w+|"
             "не\\s+мож\\w+\\s+ничего\\s+(?:с\\s+этим\\s+)?сделать", ""),
            ("от\\s+нас\\s+(?:тут\\s+|здесь\\s+)?(?:это\\s+|ничего\\s+)?не\\s+завис\\w+|не\\s+в\\s+наш\\w+\\s+(?:власти|силах|компетенции)|"
             "(?:на|с)\\s+(?:их|его|её|ее)\\s+сторон\\w+|мы\\s+не\\s+(?:несём|несем)\\s+ответственност\\w+", ""),
            ("(?:нам|нас)\\s+(?:ничего\\s+|никогда\\s+)?не\\s+(?:сообщ|предупрежд|предупред|говор|сказал)\\w*|не\\s+к\\s+(?:нам|мне)", ""),
            # The act disowned as a decision: «это не наше решение», «не мы это решали».
            ("не\\s+(?:наше|моё|мое)\\s+решени\\w*|не\\s+(?:мы|я)\\s+(?:это\\s+)?(?:решали|решил|решила|решили|выбирали)", ""),
        ],
        "cliche": [
            ("(?:приносим|примите\\s+наши)\\s+(?:свои\\s+)?извинения\\s+за\\s+(?:доставленные|причин[её]нные)\\s+неудобства",
             ""),
            ("(?:извините|простите)\\s+за\\s+(?:доставленные|причин[её]нные)\\s+неудобства",
             ""),
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
            ("(?:i'?ve\\s+)?(?:got\\s+)?no\\s+clue|not\\s+a\\s+clue|(?:i\\s+)?(?:haven'?t|have\\s+not)\\s+(?:got\\s+)?"
             "(?:a|the\\s+(?:faintest|slightest|foggiest))\\s+(?:idea|clue)|your\\s+guess\\s+is\\s+as\\s+good\\s+as\\s+mine|"
             "beats\\s+me|who\\s+knows|(?:we|i)\\s+(?:really\\s+)?(?:don'?t|do\\s+not)\\s+know|(?:i'?m|i\\s+am)\\s+"
             "(?:not\\s+(?:sure|certain)|unsure|clueless)|i\\s+(?:can'?t|cannot)\\s+(?:say|tell)", "I'll find out and come back to you"),
        ],
        "redirect": [
            ("we\\s+(?:look\\s+forward\\s+to\\s+seeing|will\\s+be\\s+(?:happy|glad)\\s+to\\s+see)\\s+you\\s+(?:in|at)\\s+(?:our|the|any)\\s+"
             "(?:store|shop|office|branch|showroom)", "answer in the chat"),
        ],
        "request": [
            ("please|pls|plz|kindly|you(?:'ll|\\s+will|'d|\\s+would)?\\s+(?:need|have|want)\\s+to|you\\s+(?:should|must|can|could|may|might)"
             "(?:\\s+(?:only|also|just|always))?(?:\\s+(?:want|wish|prefer)\\s+to)?|you'?d\\s+better|(?:it'?s\\s+)?(?:best|better|easier|faster|quickest)\\s+to", ""),
            ("(?:we|I)(?:'d|\\s+would)?\\s+(?:(?:recommend|suggest|advise)(?:\\s+(?:that\\s+)?you)?|ask\\s+you\\s+to|invite\\s+you\\s+to|"
             "encourage\\s+you\\s+to)", ""),
            # "You may want to call", "your best option is to speak to", "we'd ask that you pop into".
            ("you\\s+(?:may|might)\\s+(?:want|wish|prefer)\\s+to|your\\s+best\\s+(?:option|move|choice)\\s+(?:is|would\\s+be)\\s+to|"
             "(?:we|i)(?:'d|\\s+would)?\\s+(?:ask|suggest|recommend)\\s+that\\s+you", ""),
            ("feel\\s+free\\s+to|make\\s+sure\\s+(?:to|you)|be\\s+sure\\s+to|remember\\s+to|(?:don'?t|do\\s+not)\\s+forget\\s+to|"
             "try(?:\\s+to)?|the\\s+(?:best|fastest|quickest|only)\\s+way\\s+is\\s+to|you\\s+are\\s+welcome\\s+to", ""),
            ("the\\s+(?:best|easiest|fastest|quickest|simplest|only|right)\\s+(?:option|way|thing|choice|move|step)\\s+"
             "(?:is|would\\s+be|will\\s+be)\\s+to|your\\s+best\\s+bet\\s+is\\s+to", ""),
            # A polite question ("Could you contact our hotline?") and "all you need to do is" ask as an imperative does.
            ("have\\s+you\\s+(?:tried|thought\\s+of|considered)|did\\s+you\\s+try", ""),
            ("(?:could|can|would|will)\\s+you|all\\s+you\\s+(?:need|have)\\s+to\\s+do\\s+is(?:\\s+to)?|"
             "you\\s+(?:only|just)\\s+(?:need|have)\\s+to", ""),
        ],
        "call": [
            ("call(?:ing)?|phon(?:e|ing)|ring(?:ing)?|dial(?:ling)?|telephon(?:e|ing)|e-?mail(?:ing)?|(?:give|drop)\\s+(?:\\w+(?:['’]\\w+)?\\s+){0,4}?an?\\s+(?:call|ring|e-?mail|line)", "answer in the chat"),
        ],
        "contact": [
            ("writ(?:e|ing)(?:\\s+to)?|contact(?:ing)?|reach(?:ing)?(?:\\s+out\\s+to)?|get\\s+in\\s+touch(?:\\s+with)?|talk\\s+to|speak\\s+(?:to|with)|"
             "ask|check\\s+with|message|text|turn\\s+to|apply\\s+to|complain\\s+to|send\\s+(?:an?\\s+)?(?:e-?mail|message|letter|request)|"
             "send\\s+(?:it|them|(?:your|the)\\s+(?:\\w+\\s+)?(?:complaint|claim|documents?|application|form|letter|request|appeal))|"
             "fill\\s+(?:in|out)|submit|lodge|file|(?:drop|send|leave)\\s+(?:us|them|him|her)\\s+an?\\s+(?:line|message|note|DM)", "answer in the chat"),
            # Handing the matter over: "take it up with", "raise it with", "shoot an email to".
            ("take\\s+(?:it|this|that|the\\s+(?:matter|issue|question|problem|complaint))\\s+up\\s+with|"
             "raise\\s+(?:it|this|that|the\\s+(?:matter|issue|question|problem|complaint))\\s+with|follow\\s+up\\s+with|"
             "deal\\s+directly\\s+with|liaise\\s+with|(?:shoot|fire\\s+off|drop)\\s+(?:\\w+\\s+){0,3}?an?\\s+(?:e-?mail|message|note|letter)|"
             # "Try our Facebook page", "try the hotline": trying another channel (not "try the bank app").
             "try(?=\\s+(?:our|the|their)\\s+(?:facebook|instagram|twitter|whatsapp|telegram|messenger|hotline|helpline|"
             "call\\s+cent|support\\s+line))",
             "answer in the chat"),
        ],
        "visit": [
            ("visit(?:ing)?|com(?:e|ing)(?:\\s+(?:in|over|down|by))?|go(?:ing)?|head(?:ing)?|stop\\s+by|drop\\s+by|pop\\s+(?:in|into|by|over)|bring|take|walk\\s+in|"
             "return\\s+(?:it|them|the\\s+\\w+)", "answer in the chat"),
        ],
        "channel": [
            ("(?:by|over\\s+the|on\\s+the|via)\\s+(?:phone|telephone|e-?mail)|(?:phone|telephone|contact)\\s+number|e-?mail(?:\\s+address)?|"
             "inbox|hotline|helpline|call\\s+cent(?:er|re)|support\\s+line|(?:customer|client)\\s+(?:service|support|care)|support\\s+team|"
             "support|whatsapp|telegram|messenger|(?:to|at)\\s+(?:the|this|our|that)\\s+address|them", ""),
            ("facebook|instagram|twitter|linkedin|social\\s+media|(?:web|contact|support|online|complaints?)\\s+form", ""),
        ],
        "venue": [
            ("store|stores|shop|shops|office|offices|branch|branches|service\\s+cent(?:er|re)s?|showroom|outlet|repair\\s+shop|bank|"
             "counter|in\\s+person|premises|point\\s+of\\s+sale", ""),
            ("pick-?up\\s+points?|collection\\s+points?|parcel\\s+(?:lockers?|shops?)|depot|post\\s+office", ""),
            ("repair\\s+cent(?:er|re)s?|head\\s+office|(?:by|via)\\s+post", ""),
            ("notary|notaries|notary\\s+public|solicitor'?s\\s+office", ""),
        ],
        "chat": [
            ("chat|here|this\\s+(?:conversation|thread|window)", ""),
        ],
        "legal": [
            ("(?:under|per|pursuant\\s+to|according\\s+to|in\\s+accordance\\s+with|as\\s+stated\\s+in)\\s+"
             "(?:the\\s+|our\\s+)?(?:article|section|clause|paragraph|§|law|act|regulation|regulations|statute|"
             "terms\\s+and\\s+conditions|internal\\s+(?:rules|regulations|policy)|company\\s+(?:policy|regulations)|"
             "consumer\\s+\\w+\\s+(?:act|law|regulations))", ""),
            ("(?:article|section|clause|§)\\s+\\d+[a-z]?(?:\\(\\d+\\))?\\s+of", ""),
            ("consumer\\s+(?:rights|protection)\\s+(?:act|law|directive)", ""),
            # Any wording that cites a document: "as per our T&Cs", "covered by clause 8.3", "the terms of
            # service say", "our returns policy doesn't allow".
            ("(?:as\\s+per|per|under|according\\s+to|in\\s+line\\s+with|in\\s+accordance\\s+with|"
             "pursuant\\s+to|covered\\s+by|governed\\s+by|as\\s+(?:stated|set\\s+out|specified|laid\\s+down|outlined|"
             "described|defined)\\s+in)\\s+(?:the\\s+|our\\s+|this\\s+|its\\s+)?(?:\\w+(?:['’]s)?\\s+){0,2}?(?:terms|t&cs?|"
             "conditions\\s+of\\s+(?:sale|use|service)|(?:user|sales?|purchase|service|rental|lease|loan|credit|licen[cs]e)\\s+"
             "agreement|contract|polic(?:y|ies)|rules|regulations?|law|act|directive|statute|clause|article|section|paragraph)", ""),
            # The conditions a carrier, a fare or a warranty comes with: "per the airline's conditions of carriage".
            ("(?:as\\s+per|per|under|according\\s+to|in\\s+line\\s+with|in\\s+accordance\\s+with|pursuant\\s+to|"
             "covered\\s+by|governed\\s+by|as\\s+(?:stated|set\\s+out|specified|laid\\s+down|outlined|described)\\s+in)\\s+"
             "(?:the\\s+|our\\s+|this\\s+|its\\s+|their\\s+)?(?:\\w+(?:['’]s)?\\s+){0,2}?(?:conditions\\s+of\\s+(?:sale|use|"
             "service|carriage|purchase|booking|hire|rental|travel|transport|contract|business)|(?:general|standard|fare|"
             "booking|ticket|ticketing|warranty|guarantee|insurance|rental|hire|delivery)\\s+(?:conditions|rules))", ""),
            ("(?:clause|section|article|paragraph|para\\.|§)\\s*\\d+(?:\\.\\d+)?(?:\\.\\d+)?[a-z]?(?:\\(\\d+\\))?\\s+of|clause\\s+\\d+(?:\\.\\d+)?(?:\\.\\d+)?", ""),
            ("(?:terms(?:\\s+(?:of\\s+(?:service|sale|use)|and\\s+conditions))?|t&cs?|polic(?:y|ies)|regulations?|law|contract|"
             "(?:user|sales?|purchase|service)\\s+agreement|conditions\\s+of\\s+(?:carriage|sale|use|service|purchase|booking))\\s+(?:clearly\\s+|also\\s+|only\\s+|explicitly\\s+)?(?:says?|said|"
             "states?|stated|requires?|forbids?|prohibits?|allows?|permits?|excludes?|doesn'?t|does\\s+not|don'?t|do\\s+not|"
             "won'?t|will\\s+not|cannot|can'?t)", ""),
            ("(?:our|the)\\s+(?:internal\\s+)?regulations\\s+(?:say|state|require|do\\s+not)", ""),
            ("internal\\s+(?:rules|regulations|policy|policies|procedures?)|"
             "(?:those|these)\\s+are\\s+(?:the\\s+|our\\s+)?(?:(?:store|shop|company)(?:'s)?\\s+)?(?:rules|regulations|terms)|"
             "(?:rules|regulations|policy|terms)\\s+of\\s+(?:the|our)\\s+(?:store|shop|company)|"
             "the\\s+law\\s+(?:requires|says|states|forbids|prohibits|obliges|does\\s+not\\s+allow|doesn'?t\\s+allow)|"
             "(?:required|prohibited|forbidden)\\s+by\\s+law|legally\\s+(?:required|obliged|bound)", ""),
            ("by\\s+law", ""),
            ("(?:as\\s+per|per|under|according\\s+to|in\\s+line\\s+with|in\\s+accordance\\s+with|as\\s+stated\\s+in)\\s+"
             "(?:the\\s+|our\\s+)?(?:company\\s+|store\\s+|shop\\s+|return\\s+|refund\\s+|returns\\s+|delivery\\s+|warranty\\s+)?"
             "(?:terms|policy|policies|rules|t&cs?)", ""),
            ("(?:company|store|shop)\\s+(?:policy|rules|regulations)\\s+(?:says?|states?|requires?|forbids?|prohibits?|"
             "(?:does|do)\\s+not\\s+allow|doesn'?t\\s+allow|don'?t\\s+allow)", ""),
            # A normative document as the one that allows, forbids or obliges ("GDPR rules prevent me"), as the
            # source one follows ("as stipulated in the contract", "against our policy"), or cited by number.
            ("(?:rules|regulations|laws?|polic(?:y|ies)|terms|t&cs?|contract|agreement|gdpr)\\s+(?:\\w+\\s+)?(?:prevents?|forbids?|"
             "obliges?|mandates?|stipulates?|prohibits?|(?:don'?t|doesn'?t|do\\s+not|does\\s+not)\\s+(?:let|allow|permit))|"
             "(?:our|the|company|store|shop)\\s+policy\\s+is\\s+(?:that|not\\s+to)", ""),
            ("against\\s+(?:our\\s+|the\\s+)?(?:company\\s+|store\\s+|shop\\s+|internal\\s+)?(?:policy|rules|regulations|terms|the\\s+law)|"
             "as\\s+(?:stipulated|provided|required|prescribed|mandated|set\\s+forth)\\s+(?:in|by)\\s+(?:the\\s+|our\\s+)?"
             "(?:\\w+\\s+)?(?:contract|agreement|terms|law|act|policy|rules|regulations|section|clause|article)|"
             "(?:section|clause|article|paragraph)\\s+\\d+(?:\\.\\d+)?(?:\\.\\d+)?\\s+(?:says|states|requires|provides|allows|forbids|prohibits)|gdpr", ""),
        ],
        "blame": [
            ("{third-party}(?:'s|s'|’s)?\\s+(?:fault|mistake|error|blunder|screw-?up|negligence|carelessness|oversight|mix-?up)", ""),
            # Eighth round: a problem caused by a third party, said in the passive ("the delay was caused by the carrier").
            ("(?:caused|created|triggered|made)\\s+by\\s+(?:the\\s+|a\\s+|an\\s+|your\\s+)?{third-party}", ""),
            # Sixth round: the fault put on a third party in so many words ("that's on the carrier").
            ("(?:that'?s|it'?s|this\\s+is|that\\s+is|it\\s+is|it\\s+was|that\\s+was)\\s+(?:all\\s+)?on\\s+(?:the\\s+)?{third-party}", ""),
            ("(?:fault|mistake|error|blame)\\s+(?:of|by|on)\\s+(?:the\\s+|our\\s+|your\\s+|a\\s+)?{third-party}|"
             "blame\\s+(?:the\\s+|our\\s+|your\\s+)?{third-party}|(?:because\\s+of|due\\s+to|thanks\\s+to)\\s+(?:the\\s+|our\\s+|your\\s+)?{third-party}", ""),
            ("(?:(?:it'?s|it\\s+is|this\\s+is|that'?s|that\\s+is|it\\s+was|that\\s+was)\\s+)?not\\s+(?:our|my)\\s+(?:fault|mistake|problem|responsibility|doing)", ""),
            ("(?:isn'?t|is\\s+not|wasn'?t|was\\s+not|not)\\s+on\\s+(?:us|me)|(?:that'?s|it'?s|this\\s+is|that\\s+is|it\\s+is)\\s+on\\s+(?:them|him|her)|"
             "nothing\\s+to\\s+do\\s+with\\s+us|(?:we|I)\\s+(?:are|am|'re|'m)\\s+not\\s+(?:to\\s+blame|responsible)", ""),
            ("(?:their|his|her)\\s+(?:fault|mistake|error|problem|screw-?up)|not\\s+(?:ours|mine|us)", ""),
            ("(?:is|was|'s)\\s+(?:all\\s+)?down\\s+to\\s+(?:the\\s+|our\\s+|your\\s+)?{third-party}|"
             "(?:problem|issue|fault|blame|responsibility)\\s+(?:lies|rests|is|sits|goes|falls)\\s+(?:with|to|on)\\s+(?:the\\s+|our\\s+|your\\s+)?{third-party}", ""),
        ],
        "third-party": [
            ("couriers?|drivers?|technicians?|engineers?|installers?|repairm[ae]n|colleagues?|departments?|warehouse(?:\\s+team)?s?|"
             "manufacturers?|partners?|banks?|contractors?|subcontractors?|dispatchers?|carriers?|suppliers?|sellers?|vendors?|"
             "merchants?|managers?|packers?|agents?|operators?|accounting|accountants?|logistics(?:\\s+team)?|retailers?|"
             "(?:card\\s+)?issuers?", ""),
            ("staff|pickup\\s+points?|parcel\\s+lockers?", ""),
            # People named by the job they do for us: "the delivery guy", "the warehouse folks", "repair men".
            ("(?:delivery|shipping|courier|warehouse|repair|service|installation|logistics|billing|payments?)\\s+"
             "(?:guys?|m[ae]n|person|people|boys?|folks|lady|ladies|staff|crew|desk|driver|drivers)", ""),
            ("(?:payment|card)\\s+(?:provider|processor|system|gateway|company|service)s?|"
             "(?:delivery|shipping|courier|logistics|transport|postal)\\s+(?:company|companies|service|services|partner|partners|firm|team)|"
             "service\\s+cent(?:er|re)s?|repair\\s+shop|post\\s+office|(?:previous|other|another)\\s+(?:agent|operator|consultant|department)", ""),
            ("movers?|removal\\s+(?:team|company|firm|men)|removals\\s+(?:team|company|firm)|loaders?|porters?|fitters?|"
             "assemblers?|plumbers?|electricians?|builders?|workers?|employees?|crew|customs(?:\\s+(?:office|officers?|"
             "authorit(?:y|ies)))?|acquir(?:er|ers|ing\\s+banks?)|marketplace(?:\\s+(?:sellers?|vendors?))?", ""),
            ("(?:mail|postal)\\s+(?:carriers?|workers?|staff)|post(?:man|men)|royal\\s+mail|parcelforce|usps|evri|hermes|"
             "dpd|dhl|fedex|inpost|insurers?|(?:internet|network|mobile|broadband|payment)\\s+providers?|factory|"
             "factories|printers|sorting\\s+(?:centre|center|hub|office)", ""),
            # Travel and housing: airlines, hotels, tour operators, landlords, depots.
            ("airlines?|air\\s+carriers?|hotels?|hostels?|(?:tour|travel)\\s+(?:operators?|agents?|agenc(?:y|ies))|airports?|"
             "landlords?|property\\s+(?:owners?|managers?|management)|letting\\s+agents?|depots?|hosts?", ""),
            # Shop staff, any kind of provider, and a third party's system acting for it ("the partner's API").
            ("clerks?|cashiers?|(?:shop|store|sales)\\s+(?:assistants?|staff|reps?|team)|salespe(?:rson|ople)|"
             "(?:\\w+\\s+)?providers?|processors?|aggregators?|gateways?|"
             "(?:partner|bank|carrier|supplier|courier|provider|vendor|issuer)(?:'s|s')?\\s+(?:system|api|website|site|app|"
             "server|platform|portal)s?", ""),
            # Eighth round: "the system" acting by itself, processing and clearing centres, a department named by
            # what it does ("the assembly team", "the returns desk").
            ("systems?|(?:processing|clearing)\\s+(?:cent(?:re|er)s?|houses?)|"
             "(?:assembly|installation|fitting|returns|fulfil?ment|packing)\\s+(?:teams?|departments?)", ""),
            # Tenth round: another shift, head office, IT or accounts named by their team.
            ("(?:previous|last|night|day|morning|evening|earlier|weekend)\\s+shifts?|head\\s+office|headquarters|"
             "(?:central|main)\\s+office|IT\\s+(?:department|team|support|guys|people|staff|desk|folks)|"
             "(?:accounts|finance|billing|purchasing|procurement)\\s+(?:department|team|dept)|repair\\s+cent(?:re|er)s?", ""),
        ],
        "fault": [
            # Semantic classes of a job done wrong: acting without the client's consent, the wrong (someone
            # else's, an older) item, rough handling, holding the client's money, letting us down.
            ("without\\s+(?:asking|telling|warning|informing|consulting|notifying|checking\\s+with)\\s+(?:you|the\\s+client)|"
             "without\\s+your\\s+(?:consent|permission|approval|knowledge|agreement|signature)|"
             "(?:an?\\s+)?(?:older|outdated|someone\\s+else's|another\\s+(?:customer|client)'s)\\s+"
             "(?:model|item|order|parcel|size|colou?r|version|address|product)", ""),
            ("threw|thrown|tossed|chucked|dumped|kicked|dragged|let\\s+(?:us|you|me|them)\\s+down|"
             "(?:is|are|was|were|has\\s+been|have\\s+been)\\s+(?:still\\s+)?(?:holding|sitting\\s+on|keeping|withholding)\\s+"
             "(?:on\\s+to\\s+)?(?:your|the)\\s+(?:money|refund|payment|funds|parcel|order|deposit)|withheld", ""),
            # The wrong recipient or place, a job done leaving something out, acting on one's own, rudeness.
            ("to\\s+(?:a|the|an)\\s+(?:different|wrong|another)\\s+(?:town|city|address|person|customer|client|neighbou?r|"
             "building|house|flat|branch|store|locker|country|region)|to\\s+someone\\s+else", ""),
            ("(?:shipped|sent|delivered|packed|brought|installed|returned|assembled|fitted|dispatched)\\s+(?:\\w+\\s+){0,2}?without\\s+"
             "(?!(?:any\\s+)?(?:extra\\s+|additional\\s+)?(?:charge|fee|cost|payment|delay|problems?|issues?|fuss|trouble))\\w+", ""),
            ("on\\s+(?:its|his|her|their)\\s+own(?:\\s+initiative)?|in\\s+the\\s+rain|unattended|on\\s+the\\s+(?:pavement|sidewalk|street)|"
             "(?:was|were)\\s+(?:rude|impolite|unfriendly|aggressive)|rudely|yelled|shouted|swore|flooded|soaked|leaked|spilled|burnt|"
             "shattered|chipped|scuffed|skipped", ""),
            # Getting it wrong by the verb's own form ("misdescribed", "misquoted", "overcharged"); dragging one's
            # feet; leaving a job half done.
            ("mis(?!s)(?:[a-z]{3,12})ed|(?:over|under)(?:charged|billed|booked|estimated|quoted)|"
             "dragg(?:ing|ed)\\s+(?:its|their|his|her)\\s+feet|taking\\s+(?:its|their|his|her)\\s+(?:sweet\\s+)?time|"
             "walked\\s+off|abandoned|halfway\\s+through|half-?finished|half-?done", ""),
            # A job done badly or late, by its manner ("packed it carelessly", "delivered it two days late").
            ("carelessly|sloppily|poorly|badly|negligently|(?:\\w+\\s+){1,2}(?:days?|hours?|weeks?)\\s+late|too\\s+late", ""),
            # A habit of failing: "keeps losing paperwork", "kept missing the slot".
            ("(?:keeps?|kept|keeping)\\s+(?:on\\s+)?(?:losing|forgetting|mixing|missing|messing|delaying|ignoring|"
             "cancell?ing|breaking|damaging|dropping|mislabell?ing|misplacing|rejecting|declining|getting\\s+(?:\\w+\\s+){0,2}?wrong)", ""),
            ("lost|misplaced|mislaid|forgot|forgotten|mixed\\s+(?:\\w+(?:['’]\\w+)?\\s+){0,2}?up|messed\\s+(?:\\w+(?:['’]\\w+)?\\s+){0,2}?up|screwed\\s+(?:\\w+(?:['’]\\w+)?\\s+){0,2}?up|"
             "made\\s+(?:a|an)\\s+(?:mistake|error|blunder)|got\\s+(?:\\w+(?:['’]\\w+)?\\s+){0,2}?wrong|wrong|incorrect(?:ly)?|delayed|held\\s+up|"
             "damaged|broke|dropped\\s+the\\s+ball|failed\\s+to|mishandled|mislabell?ed|overcharged|ignored|defective|faulty", ""),
            # Eighth round: stopping the client's payment or order (as «заблокировал», «odrzucił»; "the declined
            # payment" is a state, not an act), and causing the problem ("the carrier caused the delay").
            ("(?:has|have|had|is\\s+having|are\\s+having|was\\s+having|were\\s+having)\\s+(?:(?:some|technical|serious|major|ongoing|"
             "temporary|more|the\\s+same)\\s+)?(?:outages|glitches|issues|"
             "problems|trouble|difficulties)|(?:takes?|took|taking)\\s+(?:forever|ages|too\\s+long)|"
             "without\\s+(?:finishing|completing|fixing|checking|calling|waiting|ringing|knocking|delivering|leaving\\s+a\\s+note)", ""),
            # The one answerable or the reason ("the carrier is responsible for the delay", "the bank is the reason…"):
            # a fault whose subject is read as for any other.
            ("(?:is|are|was|were)\\s+(?:the\\s+(?:reason|cause)\\s+(?:for|of|why|that|your|the)|responsible\\s+for\\s+"
             "(?:the\\s+|this\\s+|your\\s+)?(?:\\w+\\s+)?(?:delays?|damage|mistakes?|errors?|problems?|issues?|loss|breakage|broken|lost|"
             "missing|late|wrong|damaged))", ""),
            # Each starts at its rare word (a term starting at "is" / "was" is tried at every one of them).
            ("held\\s+(?:back\\s+)?by|(?<=is\\s|as\\s|re\\s|en\\s)(?:(?:very|really|so|too|extremely)\\s+)?slow|without\\s+(?:asking|telling|warning|informing|consulting|"
             "notifying)(?!\\s+(?:for|about|of|to))(?=\\s*[.,;!?]|\\s*$)", ""),
            ("(?<!the\\s)(?<!a\\s)(?<!your\\s)(?<!this\\s)(?<!that\\s)(?<!any\\s)(?:blocked|rejected|declined)|froze|caused\\s+(?:the|a|an|this|that|your|these|those)\\s+(?:\\w+\\s+)?(?:delay|delays|problem|"
             "problems|issue|issues|damage|mix-?up|error|errors|confusion|trouble|failure)", ""),
            ("(?:held|kept|sat\\s+on)\\s+(?:\\w+\\s+){0,3}?for\\s+(?:\\w+\\s+)?(?:days|weeks|months|ages|too\\s+long)|"
             "double[- ]charged|charged\\s+(?:\\w+\\s+)?twice|duplicated|double[- ]booked|overbooked", ""),
            ("(?:was|were|arrived|came|turned\\s+up|showed\\s+up)\\s+late|dropped(?!\\s+(?:off|by|in|it\\s+off))", ""),
            # Ninth round: a failed attempt followed by leaving ("couldn't reach you and left", "got no answer and drove
            # off"), a reputation for failing ("known for slow dispatch", "always late"), poor quality supplied.
            ("(?:reach|contact|find)\\s+(?:you|anyone|anybody)\\s+(?:\\w+\\s+){0,2}?and\\s+(?:left|drove\\s+(?:off|away)|went\\s+(?:away|back)|"
             "took|returned)|no\\s+(?:answer|reply|response|one\\s+(?:home|in|there))\\s+(?:\\w+\\s+){0,2}?and\\s+(?:left|drove\\s+(?:off|away)|"
             "went\\s+(?:away|back)|took|returned)", ""),
            ("(?:known|notorious|famous)\\s+for\\s+(?:\\w+\\s+)?(?:delays|slow|late|losing|mistakes|"
             "errors|mix-?ups|breakages|damage|problems)|(?:always|forever|constantly|notoriously|perpetually)\\s+(?:late|slow|behind)|"
             "(?:poor|low|bad|shoddy|terrible|questionable)[- ]quality|shoddy|substandard", ""),
            # Tenth round: a third party overloaded, or blocking something of ours or the client's.
            ("overpromised|underdelivered|under-delivered|(?:dragging|dragged|drags)\\s+(?:\\w+\\s+){0,2}?out|"
             "(?<=is\\s|re\\s)(?:down|offline)(?=\\s*[.,;!?]|\\s+(?:again|today|now|right\\s+now|at\\s+the\\s+moment|since))|"
             "botched|bungled|fumbled|goofed|cocked\\s+(?:\\w+\\s+)?up|(?:running|fell|falling|fallen|way|far|weeks?|days?)\\s+behind\\s+schedule|"
             "left\\s+(?:\\w+\\s+){0,2}?(?:outside|on\\s+the\\s+(?:doorstep|porch|step|steps|stairs|street|pavement)|at\\s+the\\s+door|by\\s+the\\s+door)", ""),
            ("overloaded|overwhelmed|swamped|understaffed|short-staffed|snowed\\s+under|"
             "(?:blocking|throttling|rejecting|declining)(?=\\s+(?:all\\s+)?(?:our|your|this|these|that|it|them)\\s)", ""),
            ("went\\s+down|crashed|(?:had|has|was\\s+having)\\s+(?:an?\\s+)?(?:outage|glitch|failure|technical\\s+(?:issue|problem)s?)|"
             "(?:shipped|sent|dispatched|delivered|processed|handed\\s+over)\\s+(?:\\w+\\s+)?late|"
             "should\\s+have\\s+(?:called|come|arrived|delivered|checked|told|informed|waited|brought|passed|processed|contacted)|"
             "(?:was|were)\\s+supposed\\s+to\\s+(?:call|come|arrive|deliver|check|tell|inform|wait|bring|pass|process|contact)", ""),
            ("(?:didn'?t|did\\s+not|never)\\s+(?:pass|tell|told|update|updated|inform|informed|deliver|delivered|check|checked|bother|"
             "passed|process|processed)|(?:is|are|was|were)\\s+(?:to\\s+blame|wrong)", ""),
            # Verbs of failing by their families: damage, losing the way, getting it wrong, not doing the job.
            ("crushed|scratched|dented|smashed|cracked|ruined|broken|tore|torn|ripped|bent|spoiled|soiled|stained|"
             "punctured|misrouted|missent|mis-sent|misdelivered|misdirected|mistyped|misspell?t|misspelled|misread|"
             "overlooked|neglected|omitted|left\\s+(?:\\w+\\s+)?(?:out|behind)|by\\s+(?:mistake|accident)|accidentally|"
             "mistakenly|in\\s+error|erroneously|lost\\s+track\\s+of", ""),
            ("(?:didn'?t|did\\s+not|never|couldn'?t|could\\s+not|wasn'?t\\s+able\\s+to|weren'?t\\s+able\\s+to)\\s+"
             "(?:find|found|locate|ship|shipped|send|sent|dispatch|dispatched|arrive|arrived|show|showed|turn|turned|"
             "collect|collected|pick|picked|load|loaded|pack|packed|include|included|return|returned|refund|refunded|credit|"
             "credited|transfer|transferred|notify|notified|call|called|connect|connected|install|installed|fix|fixed|"
             "release|released|answer|answered|reply|replied|record|recorded|register|registered)", ""),
            ("(?:didn'?t|did\\s+not|never)\\s+(?:confirm|confirmed|book|booked|reserve|reserved|honou?r|honou?red)", ""),
            # A job left undone ("didn't finish", "hasn't processed"), refusing, a missed date, acting without
            # warning, a system failing.
            ("(?:didn'?t|did\\s+not|never|hasn'?t|has\\s+not|haven'?t|have\\s+not|couldn'?t|could\\s+not)\\s+(?:yet\\s+|even\\s+)?"
             "(?:finish|finished|complete|completed|process|processed|forward|forwarded|approve|approved|activate|activated|"
             "apply|applied|follow|followed|honou?r|honou?red|update|updated|submit|submitted|handle|handled|release|released|"
             "bother|keep|kept|stick|stuck|meet|met|show\\s+up|turn\\s+up|get\\s+back)", ""),
            ("refused|refuses|refusing|missed\\s+(?:the|our|your|its|their|a|an|his|her)\\s+(?:\\w+\\s+){0,2}?(?:date|deadline|slot|window|"
             "appointment|delivery|pickup|pick-up|collection|visit|cut-?off|time|connection)|"
             "without\\s+(?:any\\s+)?(?:warning|notice|notification|telling\\s+(?:us|anyone))", ""),
            ("for\\s+no\\s+(?:good\\s+|apparent\\s+|clear\\s+)?reason|without\\s+(?:any\\s+)?(?:reason|explanation)|"
             "glitch(?:ed|ing)|(?:hold|holds|holding)\\s+(?:\\w+\\s+){0,2}?up|(?:went\\s+through|processed|taken|debited|deducted)\\s+twice|"
             "(?:kept|keeps)\\s+(?:timing\\s+out|failing|crashing|freezing|rejecting|declining|dropping)|timed\\s+out|froze|"
             "(?:went|was|were)\\s+(?:offline|down)|(?:charged|billed|debited)\\s+(?:\\w+\\s+){0,2}?(?:twice|double)", ""),
        ],
        "disown": [
            # The act left to the third party's own account ("that's on him", "their own decision").
            ("(?:that'?s|it'?s|that\\s+was|it\\s+was)\\s+(?:on\\s+(?:him|her|them)|(?:his|her|their)\\s+(?:own\\s+)?(?:decision|call|initiative|"
             "doing|business))", ""),
            # Where the fault sat, named after a third party ("glitched on the partner's end"), like "on their side".
            ("(?:on|at)\\s+(?:the\\s+)?{third-party}(?:'s|s'|’s)?\\s+(?:end|side)", ""),
            # A third party's act set against ours: "…, not us", "not on our store", "without our input".
            ("not\\s+(?:on\\s+|with\\s+|by\\s+|from\\s+)?(?:us|me|our\\s+(?:store|shop|team|side|end|company|staff))(?=[\\s.,!?;]|$)|"
             "without\\s+(?:our|my)\\s+(?:input|knowledge|involvement|consent|approval|say|permission|fault)|"
             "without\\s+(?:telling|asking|informing|consulting|notifying)\\s+(?:us|me)", ""),
            ("not\\s+(?:our|my)\\s+(?:decision|choice|call|idea)|(?:we|I)\\s+(?:didn'?t|did\\s+not)\\s+(?:decide|choose)\\s+(?:that|this|it)|"
             "nothing\\s+(?:we|I)\\s+can\\s+do|(?:we|I)\\s+(?:can'?t|cannot|can\\s+not)\\s+do\\s+anything|on\\s+their\\s+(?:side|end)|"
             "out\\s+of\\s+our\\s+hands|beyond\\s+our\\s+control|(?:we|I)\\s+(?:have|had)\\s+no\\s+(?:control|influence|say)|"
             "up\\s+to\\s+(?:them|him|her)|take\\s+it\\s+up\\s+with\\s+(?:them|him|her)|"
             "(?:they|he|she)\\s+never\\s+(?:tell|told|inform|informed|update|updated)\\s+(?:us|me)", ""),
            # Tenth round: resignation that hands the problem to whoever is named ("what can you do, couriers…").
            ("(?:works?|operates?)\\s+(?:the\\s+way|how)\\s+(?:it|they)\\s+(?:works?|does|do)|it\\s+is\\s+what\\s+it\\s+is|"
             "what\\s+can\\s+(?:you|one)\\s+do(?=\\s*[,.?!;:…—-]|\\s*$)|there'?s\\s+nothing\\s+to\\s+be\\s+done", ""),
        ],
        "cliche": [
            ("we\\s+(?:sincerely\\s+)?apologi[sz]e\\s+for\\s+(?:any|the)\\s+inconvenience(?:\\s+caused)?",
             ""),
            ("(?:sorry|apologies)\\s+for\\s+(?:any|the)\\s+inconvenience", ""),
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
            ("nie\\s+mam\\s+(?:zielonego\\s+|najmniejszego\\s+|bladego\\s+)?(?:pojęcia|pojecia)|nie\\s+wiemy|"
             "nie\\s+orientuj(?:ę|e|emy)\\s+się|trudno\\s+(?:mi\\s+|nam\\s+)?(?:powiedzieć|powiedziec)|"
             "nie\\s+jeste(?:m|śmy)\\s+(?:pew(?:ien|na|ni)|w\\s+stanie\\s+powiedzieć)|kto\\s+to\\s+wie|"
             "nie\\s+potrafi(?:ę|e|my)\\s+powiedzieć", "sprawdzę i wrócę z odpowiedzią"),
        ],
        "redirect": [
            ("zapraszamy\\s+do\\s+(?:naszego\\s+|najbliższego\\s+)?(?:salonu|oddziału|placówki|biura|sklepu|punktu\\s+serwisowego|serwisu)",
             "proszę odpowiedzieć na czacie"),
        ],
        "request": [
            ("proszę|prosimy|prosiłbym|prosiłabym|musi\\s+(?:Pan|Pani)|muszą\\s+Państwo|trzeba|należy|najlepiej|warto|"
             "powin\\w+|może\\s+(?:Pan|Pani)|mogą\\s+Państwo|można|zachęcam\\w*|polecam\\w*|radzimy|radzę|sugeruj\\w*|doradzam\\w*|"
             "zalecam\\w*|rekomendu\\w*|niech|wystarczy|"
             "zapraszam\\w*", ""),
            # «Czy próbował Pan dzwonić na infolinię?»: a question about trying asks the client to try.
            ("próbował\\w*\\s+(?:Pan|Pani)|probowal\\w*\\s+(?:Pan|Pani)|próbowali\\s+Państwo|probowali\\s+Panstwo", ""),
        ],
        "call": [
            ("zadzwoni\\w*|zadzwoń\\w*|dzwoni\\w*|dzwoń\\w*|zatelefonowa\\w*|zatelefonuj\\w*|przedzwoni\\w*", "proszę odpowiedzieć na czacie"),
        ],
        "contact": [
            ("napisa\\w*|napisz\\w*|pisa\\w*|pisz|piszcie|skontaktowa\\w*\\s+się|skontaktuj\\w*\\s+się|kontaktowa\\w*\\s+się|kontakt|"
             "zwróci\\w*\\s+się|zwróć\\w*\\s+się|zgłosi\\w*\\s+się|zgłoś\\w*\\s+się|zapyta\\w*|zapytaj\\w*|porozmawia\\w*|"
             "dopyta\\w*|wypełni\\w*|złożyć|składać|się\\s+(?:skontaktowa|kontaktowa|zgłosi|zwróci)\\w*|wysła\\w*\\s+(?:maila|e-?maila|wiadomość|zapytanie|zgłoszenie|reklamację)|wyślij\\w*\\s+(?:maila|e-?maila|wiadomość|zapytanie|zgłoszenie|reklamację)",
             "proszę odpowiedzieć na czacie"),
        ],
        "visit": [
            ("przyjść|przyjdź\\w*|przyjecha\\w*|przyjedź\\w*|przyjeżdża\\w*|udać\\s+się|udaj\\w*\\s+się|się\\s+udać|odwiedzi\\w*|"
             "odwiedź\\w*|zanieść|zanieś\\w*|zawieźć|zawieź\\w*|przynieść|przynieś\\w*|podjecha\\w*|podjedź\\w*|podejść|"
             "podejdź\\w*|zgłosić\\s+się|zgłoś\\w*\\s+się|się\\s+zgłosi\\w*|wpaść|wpadnij\\w*|zajrze\\w*|zajrzyj\\w*|zapraszam\\w*|"
             "odwiedzeni\\w+|wizyt\\w+",
             "proszę odpowiedzieć na czacie"),
            ("pojecha\\w*|pojedź\\w*|jecha\\w*|jedź\\w*|pójść|pójdź\\w*|iść|idź\\w*|wybra\\w*\\s+się|wybierz\\w*\\s+się|"
             "dojecha\\w*|dojedź\\w*|dojść|dojdź\\w*", "proszę odpowiedzieć na czacie"),
        ],
        "channel": [
            ("infolini\\w+|call\\s*cent\\w*|telefon\\w*|(?:na|pod)\\s+numer\\w*|mail\\w*|e-?mail\\w*|(?:na|pod)\\s+adres\\w*|"
             "biur\\w+\\s+obsługi(?:\\s+klienta)?|obsług\\w+\\s+klienta|whatsapp|messenger\\w*|telegram\\w*|facebook\\w*|instagram\\w*|"
             "media\\w*\\s+społecznościow\\w+|formularz\\w*\\s+(?:kontaktow|reklamacyjn|zgłoszeniow|na\\s+stronie)\\w*|"
             "(?:z|do)\\s+(?:nimi|nich|nim|niego|nią|niej)", ""),
        ],
        "venue": [
            ("sklep\\w*|salon\\w*|oddzia\\w+|biur\\w*|placówk\\w+|siedzib\\w+|punkt\\w*\\s+serwisow\\w+|serwis\\w*|osobiście|"
             "bank|banku", ""),
            # A pick-up point too: going there for the parcel («po paczkę») is read in redirect.py.
            ("punkt\\w*\\s+(?:obsługi|sprzedaży|odbioru)|urz(?:ą|ę)d\\w*|paczkomat\\w*", ""),
            ("notariusz\\w*|kancelari\\w+\\s+notarialn\\w+", ""),
        ],
        "chat": [
            ("czat\\w*|chat\\w*|tutaj|tu|w\\s+tej\\s+rozmowie|w\\s+tym\\s+oknie", ""),
        ],
        "legal": [
            ("zgodnie\\s+z\\s+(?:art\\.|artykułem|artykułu|ustaw\\w+|regulamin\\w*|przepis\\w+|paragraf\\w*|§|kodeks\\w*|"
             "prawem|polityką|wewnętrzn\\w+|procedur\\w+)", ""),
            ("na\\s+(?:podstawie|mocy)\\s+(?:art\\.|artykułu|ustaw\\w+|regulamin\\w*|przepis\\w+|§|kodeks\\w*)", ""),
            ("art\\.\\s*\\d+|§\\s*\\d+", ""),
            ("zgodnie\\s+z\\s+(?:pkt\\.?|punktem|ust\\.|ustępem|umową|warunkami\\s+(?:umowy|regulaminu|sprzedaży|promocji))|"
             "wewnętrzn\\w+\\s+(?:procedur\\w*|przepis\\w*|zasad\\w*|regulacj\\w+|polityk\\w+|instrukcj\\w+)|"
             "(?:procedury|regulamin|zasady|polityka)\\s+(?:\\w+\\s+)?(?:nie\\s+)?(?:pozwala\\w*|zabrania\\w*|wymaga\\w*|przewiduj\\w*)", ""), ("ustaw\\w+\\s+o\\s+prawach\\s+konsumenta|kodeks\\w*\\s+cywiln\\w+", ""),
            ("regulamin\\w*\\s+(?:sklepu|firmy|stanowi|mówi|przewiduje)|(?:nasz|wewnętrzn)\\w*\\s+regulamin\\w*", ""),
            # Any wording that cites a document: «zgodnie z OWU», «Par. 12 regulaminu», «warunki gwarancji nie
            # obejmują», «według regulaminu».
            ("(?:zgodnie\\s+z|według|wedle|na\\s+podstawie|na\\s+mocy|w\\s+myśl|w\\s+świetle)\\s+(?:\\w+\\s+)?(?:warunk\\w+\\s+"
             "(?:gwarancji|umowy|regulaminu|sprzedaży|zwrotu|ubezpieczenia|usługi|korzystania|świadczenia|przewozu|"
             "taryfy|rezerwacji|najmu|dostawy|promocji|oferty)|OWU|ogóln\\w+\\s+"
             "warunk\\w+|regulamin\\w*|umow\\w+|ustaw\\w+|przepis\\w+|polityk\\w+|kodeks\\w*)", ""),
            ("(?:par\\.|paragraf(?:u|em|ie)?|pkt\\.?|punkt(?:u|em|cie)?|ust\\.|ustęp(?:u|ie)?|rozdział(?:u|em|ie)?|art\\.|artykuł(?:u|em|e)?)\\s*\\d+(?:\\.\\d+)?(?:\\.\\d+)?"
             "\\s+(?:\\w+\\s+)?(?:regulamin|umow|ustaw|kodeks|OWU|warunk|polityk)\\w*", ""),
            ("(?:warunk\\w+\\s+(?:gwarancji|umowy|regulaminu|sprzedaży|zwrotu|ubezpieczenia)|regulamin\\w*|umow\\w+|"
             "polityk\\w+\\s+\\w+|przepis\\w+|ustaw\\w+|OWU)\\s+(?:\\w+\\s+)?(?:nie\\s+)?(?:obejmuj|pozwala|przewiduj|"
             "dopuszcza|zabrania|wyklucza|wymaga|stanowi|zakazuj|przewidzia)\\w*|OWU", ""),
            ("(?:według|wedle|zgodnie\\s+z)\\s+(?:naszym\\s+|naszą\\s+|naszymi\\s+)?(?:regulamin\\w*|polityk\\w+|zasad\\w+|przepis\\w+|"
             "umow\\w+|par\\.|paragraf\\w*)|takie\\s+są\\s+(?:przepisy|zasady|reguły)|"
             "przepisy\\s+(?:nie\\s+)?(?:pozwalają|zabraniają|wymagają|mówią|zakazują)|zasad\\w+\\s+(?:firmy|sklepu)", ""),
            ("wynika\\s+to\\s+z\\s+(?:\\w+\\s+)?(?:przepis|ustaw|regulamin|umow|kodeks|polityk|zasad|procedur)\\w*|"
             "przepis\\w*\\s+prawa|prawa\\s+konsumenckiego|RODO", ""),
            ("(?:przepis|procedur|zasad|regulacj|instrukcj)\\w*\\s+wewnętrzn\\w+|"
             "(?:przepisy|regulamin|procedury|polityka)\\s+(?:\\w+\\s+){1,2}(?:nie\\s+)?(?:pozwalają|zabraniają|wymagają|zakazują|"
             "przewidują|dopuszczają|pozwala|zabrania|wymaga|przewiduje|dopuszcza)", ""),
        ],
        "blame": [
            # Sixth round: a fault placed on a third party's side («wina leży po stronie przewoźnika»).
            # Tenth round: a delay or fault arising on a third party's side («opóźnienie powstało po stronie dostawcy»),
            # or a failure at it («u dostawcy znowu awaria»).
            ("u\\s+{third-party}\\s+(?:\\w+\\s+)?(?:awari|usterk|problem|błąd|blad|błęd|bled|opóźnieni|opoznieni|bałagan|balagan)\\w*", ""),
            ("(?:opóźnieni|opoznieni|błąd|blad|błęd|bled|usterk|awari|pomyłk|pomylk|problem)\\w*\\s+(?:\\w+\\s+)?(?:powsta|wystąpi|wystapi|"
             "nastąpi|nastapi|pojawi|zdarzy)\\w*\\s+po\\s+stronie\\s+{third-party}", ""),
            ("(?:win\\w*|błąd|blad|problem|usterk\\w*|pomyłk\\w*|pomylk\\w*)\\s+(?:\\w+\\s+)?(?:leży|lezy|jest|był|byl|była|byla|leżała|lezala)\\s+"
             "po\\s+stronie\\s+{third-party}", ""),
            ("(?:to\\s+)?(?:wina|winą|winy|błąd|błędu|błędem|pomyłka|pomyłki|pomyłkę|pomyłką|niedopatrzenie|niedopatrzenia|"
             "zaniedbanie)\\s+{third-party}", ""),
            ("(?:to\\s+)?(?:ich|jego|jej)\\s+(?:wina|błąd|pomyłka|problem|awaria|usterka|niedopatrzenie|zaniedbanie|"
             "przeoczenie|niedociągnięcie)", ""),
            # Eighth round: the blame borne by a third party («winę ponosi przewoźnik»), a problem «przez» it.
            ("(?:win(?:ę|e)|odpowiedzialnoś(?:ć|c)|odpowiedzialnosc)\\s+(?:za\\s+\\w+\\s+)?ponosi\\s+{third-party}", ""),
            ("przez\\s+{third-party}\\s+(?:\\w+\\s+){0,2}?(?:się\\s+|sie\\s+)?(?:opóźni|opozni|spóźni|spozni|utkn|zagin|przedłuż|"
             "przedluz|wstrzyma)\\w*", ""),
            # Ninth round: «przez» a third party with a neutral verb and a bad outcome («Przez kuriera paczka dotarła
            # dzień później», «przez przewoźnika przyjechała uszkodzona»).
            ("przez\\s+{third-party}\\s+(?:\\w+\\s+){1,3}?p[óo][źz]niej", ""),
            ("przez\\s+{third-party}\\s+(?:\\w+\\s+){1,2}?(?:uszkodzon|zniszczon|zgniecion|rozbit)\\w*", ""),
            ("z\\s+(?:winy\\s+|powodu\\s+(?:błędu\\s+)?){third-party}|za\\s+(?:to|\\w+)\\s+odpowiada\\s+{third-party}", ""),
            ("(?:to\\s+)?nie\\s+(?:nasza|moja)\\s+wina|nie\\s+z\\s+naszej\\s+winy|nie\\s+(?:nasz|mój)\\s+błąd|nie\\s+(?:nasz|nasza|mój|moja)(?=\\s*[.!,;]|$)|"
             "nie\\s+jesteśmy\\s+(?:temu\\s+)?winni|(?:my\\s+)?(?:nic\\s+)?(?:tu\\s+|tutaj\\s+|w\\s+tym\\s+)?nie\\s+zawinili(?:śmy|smy)|"
             "nie\\s+(?:my|ja)(?=\\s*[.!?]|\\s*$)|nie\\s+mamy\\s+z\\s+tym\\s+nic\\s+wspólnego", ""),
        ],
        "third-party": [
            ("kurier\\w*|kierowc\\w+|in(?:ż|z)ynier\\w*|technik|technika|technikowi|serwisant\\w*|monter\\w*|instalator\\w*|koleg\\w+|koleżank\\w+|"
             "pracownik\\w*|konsultant\\w*|dyspozytor\\w*|kierownik\\w*|menedżer\\w*|magazynier\\w*|ksi(?:ę|e)gow\\w+", ""),
            ("dział|działu|działowi|działem|dziale|działy|magazyn|magazynu|magazynowi|magazynem|magazynie|producent\\w*|partner\\w*|"
             "bank|banku|bankowi|bankiem|banki|przewoźnik\\w*|dostawc\\w+|sprzedawc\\w+|podwykonawc\\w+|wykonawc\\w+|"
             "serwis|serwisu|serwisowi|serwisem|operator\\w*|poczt\\w+|poczcie|inpost\\w*|dpd|dhl|gls|ups", ""),
            ("firm\\w+\\s+kuriersk\\w+|system\\w*\\s+płatności|operator\\w*\\s+płatności|bramk\\w+\\s+płatnicz\\w+", ""),
            ("tragarz\\w*|celni(?:k|cy|ka|kom|ków|kami)|urz(?:ą|ę)d\\w*\\s+celn\\w+|służb\\w+\\s+celn\\w+|"
             "firm\\w+\\s+(?:przewozow|transportow|logistyczn|spedycyjn|przeprowadzkow|montażow)\\w+|spedytor\\w*|"
             "hydraulik\\w*|elektryk\\w*|ubezpieczyciel\\w*|fabryk\\w+|punkt\\w*\\s+odbioru|paczkomat\\w*|"
             "ekip\\w+\\s+(?:montażow|remontow|transportow|kuriersk|monterów)\\w*|marketplace\\w*|sortowni\\w*|"
             "dostawc\\w+\\s+internetu", ""),
            # Travel and housing: airlines, hotels, tour operators, landlords, developers.
            ("lini\\w+\\s+lotnicz\\w+|przewoźnik\\w*\\s+lotnicz\\w+|hotel(?:u|owi|em|e|i|ach|ami|om|i)?|hostel\\w*|"
             "biur\\w+\\s+podróży|touroperator\\w*|organizator\\w*\\s+wycieczk\\w+|lotnisk\\w+|wynajmując\\w+|"
             "właściciel\\w*\\s+(?:mieszkania|lokalu|obiektu|apartamentu)|deweloper\\w*|zarządc\\w+", ""),
            # Card issuers, providers of any kind, shop staff, a third party's system.
            ("wydawc\\w+|wystawc\\w+\\s+kart\\w*|emitent\\w*|usługodawc\\w+|dostawc\\w+\\s+\\w+|ekspedient\\w*|kasjer\\w*|"
             "(?:system|serwer|aplikacj|platform|stron)\\w*\\s+(?:partner|bank|przewoźnik|dostawc|operator|kurier|magazyn)\\w*", ""),
            # Eighth round: "the system" acting by itself, processing and settlement centres, accounting.
            ("system(?:u|owi|em|ie|y)?|centr(?:um|ach|a)\\s+(?:rozliczeniow|przetwarzani|obsługi|obslugi)\\w*|ksi(?:ę|e)gowoś\\w*|"
             "ksiegowosc\\w*|zesp(?:ół|ol|ołu|olu)\\s+(?:montażow|montazow|logistyczn|magazynow|serwisow|techniczn)\\w*", ""),
            # Tenth round: another shift, head office, a department typed without diacritics, IT staff.
            ("(?:poprzedni|nocn|dzienn|porann|wieczorn|wcześniejsz|wczesniejsz)\\w*\\s+zmian\\w*|centra(?:la|li|lę|lą|le)|"
             "dzia(?:l|lu|lowi|lem|le|ly)|informaty(?:k|ka|cy|ków|kow|kom|kami)", ""),
        ],
        "fault": [
            ("(?:pomyli|zawali|zgubi|uszkodzi|zniszczy|opóźni|przetrzyma|zaniedba|pomiesza|namiesza|zapomnia|zepsu|"
             "pogubi|przeoczy|pokpi|sknoci|spapra|pochrzani|zmarnowa|zawini|wstrzyma|zatrzyma|przetrzyma)(?:ł|l)\\w*", ""),
            ("(?:zniszczon|uszkodzon|zagubion|zgubion|opóźnion|pomylon|zepsut|zaginion)\\w*\\s+(?:(?!przez\\b)\\w+\\s+){0,3}?przez|"
             "(?:popełni|zrobi)(?:ł|l)\\w*\\s+błąd|błąd\\s+(?:popełni|zrobi)(?:ł|l)\\w*|"
             "powin(?:ien|na|ni)\\s+(?:był|była|byli|byl|byla)", ""),
            ("nie\\s+(?:dopilnowa|dostarczy|przekaza|poinformowa|sprawdzi|wysła|dowióz|dowioz|zgłosi|zarejestrowa|"
             "przyjecha|dojecha|dotar|oddzwoni)(?:ł|l)\\w*", ""),
            # Families: damaging («porysował», «zgniótł», «stłukł»), losing («zapodział»), not doing the job
            # («nie przetworzył», «nie znalazł»), passive with «przez».
            ("(?:porysowa|zarysowa|podrapa|zgni(?:ó|o)t|pogni(?:ó|o)t|stłuk|potłuk|rozbi|podar|rozdar|pogi(?:ę|ą)|wygi(?:ę|ą)|"
             "pobrudzi|zabrudzi|zala|zawieruszy|zapodzia|zamieni|pomiesza|przekręci|pokręci)(?:ł|l)\\w*", ""),
            ("nie\\s+(?:przetworzy|znalaz|odnalaz|wyda|odda|zwróci|zaksięgowa|spakowa|zapakowa|nada|odebra|podłączy|"
             "zamontowa|naprawi|przela|zrealizowa|wykona|załadowa|przywióz|przywioz|doręczy|zadzwoni|odpisa|odpowiedzia|"
             "zaktualizowa|zwolni|wypuści|przepuści|odprawi|doszed|doszł|zabra|potwierdzi|zarezerwowa)(?:ł|l)\\w*", ""),
            ("(?:porysowan|zarysowan|zgniecion|pogniecion|stłuczon|rozbit|zalan|podart|zawieruszon|zatrzyman|przetrzyman|"
             "wstrzyman|zablokowan|pomieszan|zamienion|zdublowan|zduplikowan|podwojon|anulowan|odwołan|zaniżon|zawyżon)\\w*\\s+przez", ""),
            ("zdublowa(?:ł|l)\\w*|zduplikowa(?:ł|l)\\w*|pobra(?:ł|l)\\w*\\s+(?:\\w+\\s+)?(?:dwukrotnie|podwójnie|dwa\\s+razy)|"
             "przez\\s+(?:sw\\w+\\s+|ich\\s+|jego\\s+|jej\\s+)?(?:błąd|błędy|awari\\w+|usterk\\w+|zaniedbani\\w+)", ""),
            # The wrong place, whatever it is: «pod złymi drzwiami», «do złego bloku», «na złe piętro».
            ("(?:pod|do|na|w|we|przed|przy|z|ze)\\s+zł(?:ą|y|a|e|ego|ej|ych|ym|ymi|ymi)\\s+\\w+", ""),
            ("zł(?:ą|y|a|e|ego|ej|ych|ym|ymi)(?=\\s+(?:cen|adres|kolor|rozmiar|model|produkt|towar|informacj|numer|kwot|termin|reszt|wersj|częś|czes|dat|"
             "etykiet|paragon|faktur|kabel|kabl|część|czesc|przesyłk|przesylk|paczk|miejsc|dzień|dzien|godzin|klient|odbiorc)\\w*)", ""),
            ("przez\\s+(?:pomyłkę|nieuwagę|przypadek)|omyłkowo|pomyłkowo|win(?:ny|na|ni|ne)|źle|błędn\\w+|niewłaściw\\w+|niepoprawn\\w+|wadliw\\w+|zgubion\\w+|uszkodzon\\w+\\s+przez|"
             "nie\\s+(?:ten|tę|to|tego|te|tych)(?=\\s+\\w)", ""),
            # Semantic classes of a job done wrong: acting without the client's consent, the wrong (someone
            # else's, an old) item, rough handling, holding the client's money or parcel, letting us down.
            ("bez\\s+(?:Pana|Pani|Państwa|Panstwa|Twojej|Twojego|pana|pani)\\s+(?:zgody|wiedzy|akceptacji|potwierdzenia|"
             "pozwolenia)|cudz\\w+|(?:star|starsz|inn)(?:y|ym|a|ą|e|ego|ej)\\s+(?:adres|model|rozmiar|kolor|wersj|towar|produkt)\\w*", ""),
            ("(?:rzuci|wrzuci|rzuca|cisną|cisna|kopną|kopna|przerzuci|zawi(?:ó|o)d|zawiod)(?:ł|l)\\w*|zawiedli\\w*|"
             "(?:utknę|utkne|utkną|utkna|zagina|zaginę|zagine)(?:ł|l)\\w*|trzyma\\w*\\s+(?:\\w+\\s+)?(?:pieniądze|pieniadze|zwrot|środki|srodki|"
             "paczk\\w+|przesyłk\\w+|przesylk\\w+|zamówieni\\w+|zamowieni\\w+)", ""),
            # The wrong recipient or place, a job done leaving something out, acting on one's own, rudeness.
            ("(?:do|pod)\\s+(?:innego|złego|zlego|inny|zły|zly)\\s+(?:miasta|adresu|adres|punktu|paczkomatu|oddziału|oddzialu|"
             "sklepu|budynku|domu)|innemu\\s+(?:klientowi|odbiorcy|kupującemu|kupujacemu|sąsiadowi|sasiadowi)", ""),
            ("(?:wysła|wysla|przywióz|przywioz|dostarczy|spakowa|zamontowa|zainstalowa|przysła|przysla|odda|wyda|podłączy|podlaczy)"
             "(?:ł|l)\\w*\\s+(?:\\w+\\s+){0,2}?bez\\s+(?!(?:dopłat|doplat|opłat|oplat|problem|opóźnie|opoznie|kolejk)\\w*)\\w+", ""),
            ("samowolnie|na\\s+własną\\s+rękę|na\\s+wlasna\\s+reke|na\\s+deszczu|bez\\s+(?:nadzoru|opieki)|"
             "niemi(?:ł|l)\\w*|niegrzeczn\\w*|nieuprzejm\\w*|chamsk\\w*|(?:na)?krzycza(?:ł|l)\\w*|pomin(?:ą|ę|a|e)(?:ł|l)\\w*", ""),
            # Dragging one's feet, leaving a job half done.
            ("guzdr\\w+|ociąga\\w*|ociaga\\w*|przeciąg(?:ną|na|nę|ne)(?:ł|l)\\w*|przeciag(?:na|ne)(?:ł|l)\\w*|zwleka\\w*|"
             "w\\s+(?:połowie|polowie)\\s+(?:prac|montażu|montazu|roboty|naprawy)|porzuci(?:ł|l)\\w*|zesz(?:ł|l)\\w*\\s+z\\s+(?:budowy|placu)", ""),
            # A job done badly or late, by its manner: «spakował niedbale», «dostarczył z opóźnieniem».
            ("niedbale|byle\\s+jak|na\\s+odwal|z\\s+opóźnieniem|z\\s+opoznieniem|za\\s+późno|za\\s+pozno|nie\\s+na\\s+czas|"
             "nie\\s+w\\s+terminie|po\\s+terminie", ""),
            # Stopping the client's payment or order: «odrzucił płatność», «zablokował przelew».
            ("(?:odrzuci|zablokowa|zamrozi|wstrzyma|anulowa)(?:ł|l)\\w*", ""),
            # Eighth round: letting the client down in colloquial verbs («nawalił», «schrzanił», «oszukał»).
            ("(?:nawali|schrzani|skopa|oszuka)(?:ł|l)\\w*", ""),
            # Tenth round: more colloquial verbs of messing up («nabroił», «spartaczył»), a delay of any length («z
            # trzydniowym opóźnieniem»), leaving the parcel at the door or outside.
            ("(?:nabroi|spartaczy|sfuszerowa|narozrabia|nakręci|nakreci|naknoci)(?:ł|l)\\w*|z\\s+\\w+\\s+(?:opóźnieniem|opoznieniem|poślizgiem|poslizgiem)|"
             "zostawi(?:ł|l)\\w*\\s+(?:\\w+\\s+){0,2}?(?:pod\\s+drzwiami|przed\\s+drzwiami|na\\s+wycieraczce|na\\s+progu|na\\s+klatce|na\\s+ulicy|przed\\s+blokiem)", ""),
            # Ninth round: a failed attempt followed by leaving («nie dodzwonił się i odjechał», «nie zastał i zabrał»),
            # a reputation for failing («słynie z opóźnień», «znany z pomyłek»), poor quality supplied.
            ("(?:nie\\s+)?(?:dodzwoni|zasta)(?:ł|l)\\w*\\s+(?:\\w+\\s+){0,4}?i\\s+(?:odjecha|pojecha|zabra|wróci|wroci|odwi(?:ó|o)z|zawi(?:ó|o)z|"
             "odszed|poszed)(?:ł|l)?\\w*|(?:dodzwoni(?:ć|c))\\s+(?:\\w+\\s+){0,2}?i\\s+(?:odjecha|pojecha|zabra|wróci|wroci|odszed|poszed)\\w*", ""),
            ("(?:słyn|slyn|znan)\\w*\\s+(?:\\w+\\s+)?z\\s+(?:opóźnie|opoznie|spóźnie|spoznie|błęd|bled|pomyłek|pomylek|problem|"
             "zgubie|uszkodze|awari|powolnoś|powolnos)\\w*|(?:słab|slab|kiepsk|marn|niskiej|złej|zlej|fataln)\\w*\\s+jakoś(?:ci)?|"
             "(?:słab|slab|kiepsk|marn|niskiej|złej|zlej|fataln)\\w*\\s+jakosci|niskiej\\s+jako\\w+|bubl\\w*", ""),
            # Tenth round: prolonging is a fault unless what was prolonged is a validity («przedłużył certyfikat»);
            # a third party overloaded («kurierzy są przeciążeni»), blocking in the present («blokuje stronę»).
            ("przedłuży(?:ł|l)\\w*(?!\\s+(?:\\w+\\s+)?(?:certyfikat|umow|ważnoś|waznos|gwarancj|subskrypcj|abonament|licencj|dostęp|"
             "dostep|polis|rezerwacj|kart|domen|kont|termin\\s+zwrotu|termin\\s+płatności))", ""),
            ("przeciąga\\w*|przeciaga\\w*|przeciążen\\w*|przeciazen\\w*|nie\\s+wyrabia\\w*|(?:blokuj|odrzuca)\\w*(?=\\s+(?:wszystkie\\s+)?(?:nasz|Pan|Pani|Państw|Panstw|t(?:en|ę|e|ą|ego)\\s))", ""),
            # Causing the problem: «spowodował opóźnienie», «spowodowane przez kuriera».
            ("spowodowa(?:ł|l)\\w*\\s+(?:\\w+\\s+)?(?:opóźnieni|opoznieni|problem|zamieszani|błąd|blad|usterk|szkod|awari)\\w*|"
             "spowodowan\\w*\\s+(?:\\w+\\s+){0,2}?przez", ""),
            ("spóźni\\w*|upuści(?:ł|l)\\w*|nie\\s+do\\s+(?:tego|tej|tych)", ""),
            # Refusing, acting without warning, a system failing.
            ("bez\\s+(?:żadnego\\s+|zadnego\\s+)?(?:powodu|przyczyny|wyjaśnienia)|"
             "odmówi(?:ł|l)\\w*|odmawia(?:ł|l)\\w*|bez\\s+(?:żadnego\\s+)?(?:uprzedzenia|ostrzeżenia|powiadomienia|zapowiedzi|"
             "informowania|uzgodnienia)|zawiesza(?:ł|l)\\w*|zawiesi(?:ł|l)\\w*|wysypa(?:ł|l)\\w*|(?:pobra|obciąży|naliczy)(?:ł|l)\\w*\\s+"
             "(?:\\w+\\s+){0,2}?(?:dwukrotnie|podwójnie|dwa\\s+razy)|(?:dwukrotnie|podwójnie|dwa\\s+razy)\\s+(?:pobra|obciąży|naliczy)(?:ł|l)\\w*", ""),
        ],
        "disown": [
            # The act left to the third party's own account: «to jego sprawa», «ich decyzja».
            ("(?:to\\s+)?(?:jego|jej|ich)\\s+(?:własna\\s+|wlasna\\s+)?(?:sprawa|decyzja|inicjatywa|wymysł|wymysl)", ""),
            # The act disowned as a decision: «to nie nasza decyzja», «nie my o tym decydowaliśmy».
            ("nie\\s+(?:nasza|moja)\\s+decyzja|nie\\s+(?:my|ja)\\s+(?:o\\s+tym\\s+)?decydowa\\w*", ""),
            # A third party's act set against ours: «…, a nie my», «bez naszej wiedzy».
            ("a\\s+nie\\s+(?:my|ja|nasz\\w*|m(?:ó|o)j\\w*)(?=[\\s.,!?;]|$)|bez\\s+(?:naszej|naszego|mojej|mojego)\\s+(?:wiedzy|zgody|"
             "udziału|udzialu|winy|wpływu|wplywu|zgłoszenia|zgloszenia|akceptacji)", ""),
            ("nie\\s+mamy\\s+(?:na\\s+to\\s+)?(?:żadnego\\s+)?wpływu|nic\\s+(?:tu\\s+|z\\s+tym\\s+)?nie\\s+(?:możemy|mogę)\\s+(?:zrobić|poradzić)|"
             "(?:to\\s+)?nie\\s+(?:od\\s+nas|ode\\s+mnie)\\s+zależy|po\\s+(?:ich|jego|jej)\\s+stronie", ""),
            # Tenth round: resignation that hands the problem to whoever is named («cóż zrobić, kurierzy…»).
            ("dzia(?:ł|l)(?:a|aj(?:ą|a)),?\\s+(?:tak,?\\s+)?jak\\s+dzia(?:ł|l)(?:a|aj(?:ą|a))|c(?:ó|o)(?:ż|z)\\s+(?:tu\\s+)?(?:zrobić|zrobic|poradzić|poradzic|począć|poczac)|nic\\s+się\\s+nie\\s+poradzi|nic\\s+sie\\s+nie\\s+poradzi", ""),
            ("(?:mieć\\s+)?(?:pretensj\\w+|skarg\\w+|reklamacj\\w+|pytani\\w+|uwagi)\\s+(?:proszę\\s+kierować\\s+)?do\\s+(?:niego|niej|nich)", ""),
        ],
        "cliche": [
            ("przepraszamy\\s+za\\s+(?:wszelkie\\s+)?(?:niedogodności|utrudnienia|kłopoty)", ""),
            ("(?:(?:pana|pani|państwa|twoja|twoje|twój)\\s+)?(?:opinia|zdanie|telefon|połączenie|zgłoszenie)\\s+jest\\s+dla\\s+nas\\s+"
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
