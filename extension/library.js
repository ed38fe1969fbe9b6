// The extension's copy of the approved library, searched on the device when the server is away.
// Only what GET /api/v1/sync/ returns is kept: approved text, nothing else.
(function (root) {
  "use strict";

  function fold(text) {
    return (text || "").toLowerCase().replace(/ё/g, "е").normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/ł/g, "l");
  }

  function words(text) { return fold(text).split(/[^\p{L}\p{N}/]+/u).filter(Boolean); }

  // A phrase as the search needs it, built once per phrase when the copy is loaded.
  function prepare(phrase) {
    const head = words([phrase.title, (phrase.keywords || []).join(" ")].join(" "));
    const body = words(phrase.body.replace(new RegExp(root.QuickphrasesPlaceholders.PATTERN, "g"), " "));
    return { phrase: phrase, head: head, body: body, shortcut: (phrase.shortcut || "").toLowerCase() };
  }

  function matchWord(word, list) {
    for (let i = 0; i < list.length; i++) if (list[i].startsWith(word)) return list[i] === word ? 2 : 1;
    return 0;
  }

  // Every query word must begin a word of the phrase; title and keywords count more than the body;
  // an exact or begun /shortcut comes first; the operator's languages first among equals.
  function search(prepared, query, options) {
    const wanted = words(query);
    const shortcutQuery = query.trim().toLowerCase();
    const languages = options.languages || [];
    const limit = options.limit || 8;
    const scored = [];
    for (let i = 0; i < prepared.length; i++) {
      const item = prepared[i];
      let score = 0;
      if (item.shortcut && shortcutQuery.startsWith("/")) {
        if (item.shortcut === shortcutQuery) score = 1000;
        else if (item.shortcut.startsWith(shortcutQuery)) score = 500 - item.shortcut.length;
        else continue;
      } else {
        let ok = wanted.length > 0;
        for (let w = 0; w < wanted.length && ok; w++) {
          const head = matchWord(wanted[w], item.head);
          const body = head ? 0 : matchWord(wanted[w], item.body);
          if (!head && !body) ok = false;
          score += head ? 10 * head : 3 * body;
        }
        if (!ok && wanted.length) continue;
      }
      const rank = languages.indexOf(item.phrase.language);
      scored.push({ score: score + (rank < 0 ? 0 : (languages.length - rank) * 0.5), item: item });
    }
    scored.sort(function (a, b) { return b.score - a.score || a.item.phrase.title.localeCompare(b.item.phrase.title); });
    return scored.slice(0, limit).map(function (entry) { return entry.item.phrase; });
  }

  root.QuickphrasesLibrary = { fold: fold, prepare: prepare, search: search };
})(typeof globalThis !== "undefined" ? globalThis : self);
