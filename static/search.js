// The operator's picker (ARIA combobox): search as you type, choose with the arrows, Enter copies.
// A phrase with {placeholders} first opens one small input per placeholder; the copied text never
// holds a raw {placeholder}. Every sentence shown comes translated from the page (#picker-config).
(function () {
  "use strict";
  const config = JSON.parse(document.getElementById("picker-config").textContent);
  const text = config.messages;
  const input = document.getElementById("q");
  const language = document.getElementById("language");
  const topic = document.getElementById("topic");
  const list = document.getElementById("results");
  const status = document.getElementById("status");
  const caption = document.getElementById("caption");
  const conversation = document.getElementById("conversation");
  const client = document.getElementById("client");
  const fill = document.getElementById("fill");
  const fillTitle = document.getElementById("fill-title");
  const fillFields = document.getElementById("fill-fields");
  const fillPreview = document.getElementById("fill-preview");
  const more = document.getElementById("more");
  const csrf = document.querySelector("input[name=csrfmiddlewaretoken]").value;
  const CLIENT_KEY = "quickphrases.client_name";
  // The language the client writes in (from the client's message box): it ranks first for the conversation.
  const CLIENT_LANGUAGE_KEY = "quickphrases.client_language";
  const languageOrder = config.languageOrder || [];
  // {name} or {name|fallback}: the grammar of phrases/placeholders.py, from static/placeholders.js.
  const P = window.QuickphrasesPlaceholders;
  const hotkeys = new Set(config.hotkeys || []);
  const PAGE = 10, FIRST_PAGE_EMPTY = 20, MORE_STEP = 40;

  const pinned = new Set(config.pinned);
  let results = [];
  let resultsFor = null;  // the query and filters `results` answer
  let selected = 0;
  let issued = 0;         // requests sent, and the newest one whose answer is shown
  let shown = 0;
  let inFlight = null;    // at most one search request at a time; the latest input is asked next
  let again = false;
  let filling = null;     // {hit, fields: [{name, input}]} while the placeholder form is open
  let wanted = null;      // how many results "Show more" asked for (null: the first page)
  let firstNew = null;    // after "Show more": the first result it added, highlighted
  let savedLanguage = language.value;

  function format(message, values) {
    return message.replace(/%\((\w+)\)s/g, function (all, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : all;
    });
  }

  function say(message, kind) {
    status.textContent = message;
    status.className = "picker-status" + (kind ? " " + kind : "");
  }

  // -- language variants -----------------------------------------------------------------------

  // A hit of a language family carries its other languages (`variants`); the operator may switch to one
  // (Alt+←/→ or a chip) before copying. `hit.active` is the language shown; the copied text is its own.
  function versionsOf(hit) {
    if (!hit.variants || !hit.variants.length) return null;
    const own = { key: hit.key, language: hit.language, title: hit.title, body: hit.body,
      shortcut: hit.shortcut, hotkey: hit.hotkey };
    const rank = function (code) {
      const at = languageOrder.indexOf(code);
      return at < 0 ? languageOrder.length : at;
    };
    return [own].concat(hit.variants).sort(function (a, b) {
      return rank(a.language) - rank(b.language) || (a.language < b.language ? -1 : 1);
    });
  }

  function inShownLanguage(hit) {
    if (!hit || !hit.active || hit.active === hit.language) return hit;
    const version = (versionsOf(hit) || []).find(function (v) { return v.language === hit.active; });
    if (!version) return hit;
    // Another variant's words were not what the query matched: no highlights for it.
    return Object.assign({}, hit, version, { highlights: {}, match: "text", variants: [] });
  }

  function switchVariant(index, step, language) {
    const hit = results[index];
    const versions = hit && versionsOf(hit);
    if (!versions) return false;
    const current = versions.findIndex(function (v) { return v.language === (hit.active || hit.language); });
    const next = language ? versions.findIndex(function (v) { return v.language === language; })
      : (current + step + versions.length) % versions.length;
    if (next < 0) return false;
    hit.active = versions[next].language;
    selected = index;
    render();
    say(format(text.switched, { language: config.languageNames[hit.active] || hit.active,
      title: versions[next].title }));
    return true;
  }

  // -- rendering -------------------------------------------------------------------------------

  // Text with the matched words in <mark> and placeholders styled, built from text nodes only.
  // Spans count characters (code points), as the server does, not UTF-16 units.
  function decorated(value, spans, withPlaceholders) {
    const points = Array.from(value || "");
    const flags = new Array(points.length).fill(0);
    (spans || []).forEach(function (span) {
      for (let i = Math.max(0, span[0]); i < Math.min(points.length, span[1]); i++) flags[i] |= 1;
    });
    if (withPlaceholders) {
      let offset = 0;
      const starts = [];  // code-point index of each UTF-16 index
      for (let i = 0; i < points.length; i++) { starts[offset] = i; offset += points[i].length; }
      P.matches(value).forEach(function (match) {
        const end = match.end >= value.length ? points.length : starts[match.end];
        for (let i = starts[match.start]; i < end; i++) flags[i] |= 2;
      });
    }
    const fragment = document.createDocumentFragment();
    let i = 0;
    while (i < points.length) {
      let j = i;
      while (j < points.length && flags[j] === flags[i]) j++;
      const piece = points.slice(i, j).join("");
      let node = document.createTextNode(piece);
      if (flags[i] & 2) {
        const span = document.createElement("span");
        span.className = "ph";
        span.append(node);
        node = span;
      }
      if (flags[i] & 1) {
        const mark = document.createElement("mark");
        mark.append(node);
        node = mark;
      }
      fragment.append(node);
      i = j;
    }
    return fragment;
  }

  function render() {
    list.replaceChildren();
    results.forEach(function (found, index) {
      const hit = inShownLanguage(found);
      const versions = versionsOf(found);
      const highlights = hit.highlights || {};
      const row = document.createElement("li");
      row.setAttribute("role", "none");
      const item = document.createElement("div");
      item.id = "option-" + index;
      item.className = "picker-result" + (index === selected ? " selected" : "");
      item.setAttribute("role", "option");
      item.setAttribute("aria-selected", index === selected ? "true" : "false");
      item.dataset.key = hit.key;
      item.lang = hit.language;

      const head = document.createElement("div");
      head.className = "head";
      const title = document.createElement("strong");
      title.className = "title";
      title.append(decorated(hit.title, highlights.title, false));
      const meta = document.createElement("span");
      meta.className = "meta";
      const topicName = config.topics[hit.topic] || hit.topic_name || hit.topic;  // the page names topics in the reader's language
      [hit.shortcut, hit.hotkey, versions ? null : hit.language, topicName].filter(Boolean).forEach(function (part, n) {
        const piece = document.createElement("span");
        piece.textContent = part;
        if (n === 0 && hit.match === "shortcut" || part === hit.hotkey && hit.match === "hotkey") {
          piece.className = "matched";
        }
        meta.append(piece);
      });
      const pin = document.createElement("button");
      const isPinned = pinned.has(hit.key);
      pin.type = "button";
      pin.className = "pin" + (isPinned ? " on" : "");
      // Beside the option, not inside it (an option holds no controls). Keyboard and screen-reader users
      // pin the highlighted phrase with Alt+P from the search box; the option says whether it is pinned.
      pin.tabIndex = -1;
      pin.setAttribute("aria-hidden", "true");
      pin.title = format(isPinned ? text.unpin : text.pin, { title: hit.title });
      pin.textContent = isPinned ? "★" : "☆";
      pin.addEventListener("click", function (event) {
        event.stopPropagation();
        togglePin(index);
      });
      head.append(title, meta);
      if (versions) {
        // Chips for the mouse; the keyboard switches with Alt+←/→ from the search box, as the option says.
        const chips = document.createElement("span");
        chips.className = "variants";
        chips.setAttribute("aria-hidden", "true");
        versions.forEach(function (version) {
          const chip = document.createElement("span");
          chip.className = "variant" + (version.language === hit.language ? " on" : "");
          chip.textContent = version.language.toUpperCase();
          chip.lang = version.language;
          chip.title = config.languageNames[version.language] || version.language;
          chip.dataset.language = version.language;
          chip.addEventListener("click", function (event) {
            event.stopPropagation();
            input.focus();
            switchVariant(index, 0, version.language);
          });
          chips.append(chip);
        });
        head.append(chips);
        const spoken = document.createElement("span");
        spoken.className = "visually-hidden";
        spoken.textContent = " " + format(text.variantsHint, {
          language: config.languageNames[hit.language] || hit.language,
          others: versions.filter(function (v) { return v.language !== hit.language; })
            .map(function (v) { return config.languageNames[v.language] || v.language; }).join(", "),
        });
        head.append(spoken);
      }

      const body = document.createElement("p");
      body.className = "body";
      body.append(decorated(hit.body, highlights.body, true));
      item.append(head, body);
      if (isPinned) {
        const badge = document.createElement("span");
        badge.className = "visually-hidden";
        badge.textContent = " (" + text.pinnedBadge + ")";
        item.append(badge);
      }
      item.addEventListener("click", function () {
        selected = index;
        input.focus();
        choose();
      });
      row.append(item, pin);
      list.append(row);
    });
    list.dataset.query = resultsFor || "";
    input.setAttribute("aria-expanded", results.length ? "true" : "false");
    showSelected();
  }

  function showSelected() {
    const items = list.querySelectorAll("[role=option]");
    for (let i = 0; i < items.length; i++) {
      items[i].classList.toggle("selected", i === selected);
      items[i].setAttribute("aria-selected", i === selected ? "true" : "false");
    }
    const current = items[selected];
    if (current) {
      input.setAttribute("aria-activedescendant", current.id);
      current.scrollIntoView({ block: "nearest" });
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  }

  // -- searching -------------------------------------------------------------------------------

  function currentParams() {
    const query = input.value;
    // A lone "/" lists every shortcut; otherwise the first page, and more on "Show more".
    const first = query.trim() === "/" ? config.maxLimit : (query.trim() ? PAGE : FIRST_PAGE_EMPTY);
    const params = new URLSearchParams({ q: query, limit: String(Math.min(config.maxLimit, wanted || first)) });
    if (language.value) params.set("language", language.value);
    else if (sessionStorage.getItem(CLIENT_LANGUAGE_KEY)) params.set("prefer", sessionStorage.getItem(CLIENT_LANGUAGE_KEY));
    if (topic.value) params.set("topic", topic.value);
    return params.toString();
  }

  async function fetchResults(params) {
    const mine = ++issued;
    let response, data;
    try {
      response = await fetch(config.searchUrl + "?" + params, {
        credentials: "same-origin", headers: { Accept: "application/json" },
      });
      data = await response.json();
    } catch (error) {
      if (mine > shown) say(text.unavailable);
      return;
    }
    if (mine < shown) return;  // a newer answer is already on screen
    shown = mine;
    resultsFor = params;
    if (!response.ok) {
      results = [];
      say(data.detail || Object.values(data).flat().join(" "));
    } else {
      results = data.results;
      say(results.length ? "" : text.nothingFound);
    }
    const asked = new URLSearchParams(params);
    const empty = !asked.get("q").trim();
    caption.hidden = !(empty && results.length);
    caption.textContent = text.startCaption;
    more.hidden = !(response.ok && results.length >= Number(asked.get("limit")) && results.length < config.maxLimit);
    selected = firstNew !== null && firstNew < results.length ? firstNew : 0;
    firstNew = null;
    render();
    // Other modules of the page (the search feedback) follow what was searched and what it found.
    if (response.ok) {
      document.dispatchEvent(new CustomEvent("quickphrases:searched", { detail: {
        query: asked.get("q"), language: asked.get("language") || "", count: results.length,
        match: results.length ? results[0].match : null,
      } }));
    }
  }

  function search(keepWanted) {
    if (!keepWanted) wanted = null;
    if (inFlight) {
      again = true;
      return inFlight;
    }
    again = false;
    inFlight = fetchResults(currentParams()).finally(function () {
      inFlight = null;
      if (again) search();
    });
    return inFlight;
  }

  // The results for exactly what is typed now (Enter may come before the last letters were searched).
  async function fresh() {
    if (resultsFor === currentParams()) return;
    if (inFlight) await inFlight;
    if (resultsFor !== currentParams()) await fetchResults(currentParams());
  }

  // -- copying ---------------------------------------------------------------------------------

  function copyWithSelection(value) {
    // Where the async clipboard is unavailable or refused: copy from a hidden textarea.
    const area = document.createElement("textarea");
    area.value = value;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.append(area);
    area.select();
    let copied = false;
    try { copied = document.execCommand("copy"); } catch (error) { copied = false; }
    area.remove();
    return copied;
  }

  async function copy(value) {
    if (navigator.clipboard && window.isSecureContext) {
      try {
        const timeout = new Promise(function (resolve, reject) { setTimeout(reject, 800); });
        await Promise.race([navigator.clipboard.writeText(value), timeout]);
        return true;
      } catch (error) { /* fall through to the selection copy */ }
    }
    return copyWithSelection(value);
  }

  function recordUse(hit) {
    fetch(config.usedUrl.replace("KEY", encodeURIComponent(hit.key)), {
      method: "POST", credentials: "same-origin",
      headers: { "X-CSRFToken": csrf, "X-Client": "web", Accept: "application/json" },
    });
  }

  // origin: "search" (a result of the search box) or "suggestion" (the client's message box).
  async function deliver(hit, finished, origin) {
    recordUse(hit);
    // Other modules of the page (the client's message box, the search feedback) learn which phrase was used.
    document.dispatchEvent(new CustomEvent("quickphrases:used",
      { detail: { key: hit.key, language: hit.language, query: input.value, origin: origin || "search" } }));
    const copied = await copy(finished);
    if (copied) say(format(text.copied, { title: hit.title }), "copied");
    else say(format(text.copyByHand, { text: finished }));
    document.querySelector(".picker").dataset.copied = finished;
    input.focus();
    input.select();  // the next letters start a new search
  }

  async function choose() {
    await fresh();
    const hit = inShownLanguage(results[selected]);  // the language variant the operator switched to, if any
    if (!hit) return;
    if (P.names(hit.body).length) openFill(hit, "search");
    else deliver(hit, hit.body, "search");
  }

  // -- filling placeholders --------------------------------------------------------------------

  // {date} is never guessed: it starts empty, with quick choices in the phrase's language.
  function known(name) {
    if (name === "operator_name") return config.operatorName || "";
    if (name === "client_name") return sessionStorage.getItem(CLIENT_KEY) || "";
    return "";
  }

  function dateText(date, languageCode) {
    try {
      return new Intl.DateTimeFormat(languageCode, { day: "numeric", month: "long" }).format(date);
    } catch (error) {
      return date.toLocaleDateString();
    }
  }

  function finishedText(hit) {
    const values = {};
    filling.fields.forEach(function (field) { values[field.name] = field.input.value.trim(); });
    return P.fill(hit.body, values);
  }

  function dateChoices(field, languageCode) {
    const box = document.createElement("span");
    box.className = "picker-date-choices";
    [[0, text.today], [1, text.tomorrow], [2, text.dayAfter]].forEach(function (choice) {
      const button = document.createElement("button");
      button.type = "button";
      const day = new Date();
      day.setDate(day.getDate() + choice[0]);
      button.textContent = choice[1] + " · " + dateText(day, languageCode);
      button.addEventListener("click", function () {
        field.value = dateText(day, languageCode);
        field.dispatchEvent(new Event("input"));
        field.focus();
      });
      box.append(button);
    });
    const picker = document.createElement("input");
    picker.type = "date";
    picker.setAttribute("aria-label", text.pickDate);
    picker.addEventListener("change", function () {
      if (!picker.value) return;
      const parts = picker.value.split("-").map(Number);
      field.value = dateText(new Date(parts[0], parts[1] - 1, parts[2]), languageCode);
      field.dispatchEvent(new Event("input"));
      field.focus();
    });
    box.append(picker);
    return box;
  }

  function updatePreview() {
    const hit = filling.hit;
    fillPreview.replaceChildren();
    const values = {};
    filling.fields.forEach(function (field) { values[field.name] = field.input.value.trim(); });
    P.segments(hit.body).forEach(function (part) {
      if (typeof part === "string") { fillPreview.append(part); return; }
      const piece = document.createElement("span");
      const value = values[part.name] || part.fallback;
      piece.className = value ? "filled" : "ph";
      piece.textContent = value || config.labels[part.name] || part.name;
      fillPreview.append(piece);
    });
  }

  function openFill(hit, origin) {
    filling = { hit: hit, fields: [], origin: origin };
    fillTitle.textContent = format(text.fillTitle, { title: hit.title });
    fillFields.replaceChildren();
    const fallbacks = P.fallbacks(hit.body);
    P.names(hit.body).forEach(function (name) {
      const label = document.createElement("label");
      const labelText = document.createElement("span");
      labelText.textContent = config.labels[name] || name;
      const field = document.createElement("input");
      field.type = "text";
      field.name = name;
      field.required = !(name in fallbacks);
      if (name in fallbacks) field.placeholder = format(text.fallback, { fallback: fallbacks[name] });
      field.autocomplete = "off";
      field.maxLength = 200;
      field.lang = hit.language;
      field.value = known(name);
      if (name === "operator_name" && !config.operatorName) {
        labelText.textContent = text.askDisplayName;
      }
      const error = document.createElement("span");
      error.className = "picker-fill-error";
      error.id = "fill-error-" + name;
      field.setAttribute("aria-describedby", error.id);
      field.addEventListener("input", function () {
        field.removeAttribute("aria-invalid");
        error.textContent = "";
        updatePreview();
      });
      label.append(labelText, field, error);
      fillFields.append(label);
      if (name === "date") fillFields.append(dateChoices(field, hit.language));
      filling.fields.push({ name: name, input: field, error: error });
    });
    fill.hidden = false;
    updatePreview();
    say("");
    const first = filling.fields.find(function (f) { return f.input.required && !f.input.value.trim(); }) ||
      filling.fields[0];
    first.input.focus();
    first.input.select();
  }

  function closeFill() {
    filling = null;
    fill.hidden = true;
    fillFields.replaceChildren();
    input.focus();
  }

  fill.addEventListener("submit", function (event) {
    event.preventDefault();
    if (!filling) return;
    const missing = filling.fields.find(function (f) { return f.input.required && !f.input.value.trim(); });
    if (missing) {
      filling.fields.forEach(function (f) {
        const empty = f.input.required && !f.input.value.trim();
        if (empty) f.input.setAttribute("aria-invalid", "true");
        f.error.textContent = empty ? format(text.fillIn, { label: config.labels[f.name] || f.name }) : "";
      });
      missing.input.focus();
      return;
    }
    const hit = filling.hit;
    const origin = filling.origin;
    const finished = finishedText(hit);  // every {placeholder} replaced by a non-empty value
    const clientField = filling.fields.find(function (f) { return f.name === "client_name"; });
    if (clientField) sessionStorage.setItem(CLIENT_KEY, clientField.input.value.trim());
    const nameField = filling.fields.find(function (f) { return f.name === "operator_name"; });
    if (nameField && !config.operatorName && nameField.input.value.trim()) saveDisplayName(nameField.input.value.trim());
    showConversation();
    closeFill();
    deliver(hit, finished, origin);
  });
  fill.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      event.preventDefault();
      closeFill();
    }
  });
  document.getElementById("fill-cancel").addEventListener("click", closeFill);

  // {operator_name} never falls back to the login name: with no name for clients in the profile, the
  // field starts empty and says so; the name typed there is saved to the profile, so it is asked once.
  function saveDisplayName(name) {
    config.operatorName = name;
    post(config.displayNameUrl, { display_name: name }).then(function (response) {
      if (!response.ok) config.operatorName = "";
    }).catch(function () { config.operatorName = ""; });
  }

  // -- the conversation's client -----------------------------------------------------------------

  function showConversation() {
    const name = sessionStorage.getItem(CLIENT_KEY);
    const writes = sessionStorage.getItem(CLIENT_LANGUAGE_KEY);
    conversation.hidden = !name && !writes;
    client.textContent = [name ? format(text.clientIs, { name: name }) : "",
      writes ? format(text.clientWrites, { language: config.languageNames[writes] || writes }) : ""]
      .filter(Boolean).join(" · ");
  }

  // The client's message box found the language the client writes in: it comes first for this conversation.
  document.addEventListener("quickphrases:client-language", function (event) {
    const code = event.detail && event.detail.language;
    if (!code || !config.languageNames[code] || sessionStorage.getItem(CLIENT_LANGUAGE_KEY) === code) return;
    sessionStorage.setItem(CLIENT_LANGUAGE_KEY, code);
    showConversation();
    if (!language.value) search();
  });

  document.getElementById("new-conversation").addEventListener("click", function () {
    sessionStorage.removeItem(CLIENT_KEY);
    sessionStorage.removeItem(CLIENT_LANGUAGE_KEY);
    if (!language.value) search();
    showConversation();
    say(text.conversationCleared);
    input.focus();
  });

  // -- pins and the remembered language --------------------------------------------------------

  function post(url, payload) {
    return fetch(url, {
      method: "POST", credentials: "same-origin",
      headers: { "X-CSRFToken": csrf, "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify(payload),
      keepalive: true,  // the language is remembered even when the page is being left
    });
  }

  async function togglePin(index) {
    const hit = results[index];
    input.focus();
    if (!hit) return;
    const pin = !pinned.has(hit.key);
    let response;
    try {
      response = await post(config.pinUrl, { key: hit.key, pinned: pin });
    } catch (error) {
      say(format(text.pinFailed, { reason: text.unavailable }));
      return;
    }
    if (!response.ok) {
      const data = await response.json().catch(function () { return {}; });
      say(format(text.pinFailed, { reason: data.detail || response.status }));
      return;
    }
    if (pin) pinned.add(hit.key); else pinned.delete(hit.key);
    say(format(pin ? text.pinned : text.unpinned, { title: hit.title }));
    render();
  }

  // The filters answer as their value changes but keep the focus where it is (WCAG 3.2.2): arrowing
  // through a closed select changes its value on every key. The language is remembered once the user
  // leaves the select (or the page), not on every step.
  function rememberLanguage() {
    if (language.value === savedLanguage) return;
    savedLanguage = language.value;
    post(config.languageUrl, { language: language.value }).catch(function () { /* remembered next time */ });
  }
  language.addEventListener("change", function () { search(); });
  language.addEventListener("blur", rememberLanguage);
  window.addEventListener("pagehide", rememberLanguage);
  topic.addEventListener("change", function () { search(); });

  // The page is a plain GET form for browsers without JavaScript; here the box searches as you type.
  document.getElementById("picker-form").addEventListener("submit", function (event) { event.preventDefault(); });

  more.addEventListener("click", function () {
    firstNew = results.length;
    wanted = Math.min(config.maxLimit, results.length + MORE_STEP);
    search(true);
    input.focus();
  });

  // A phrase's hotkey (e.g. Ctrl+Alt+1) pressed in the search box: the combination as text.
  function hotkeyOf(event) {
    const code = event.code || "";
    let key = null;
    if (/^Key[A-Z]$/.test(code)) key = code.slice(3);
    else if (/^(Digit|Numpad)[0-9]$/.test(code)) key = code.slice(-1);
    else if (/^F([1-9]|1[0-2])$/.test(code)) key = code;
    if (!key) return null;
    const parts = [];
    if (event.ctrlKey) parts.push("Ctrl");
    if (event.altKey) parts.push("Alt");
    if (event.shiftKey) parts.push("Shift");
    if (event.metaKey) parts.push("Win");
    parts.push(key);
    return parts.join("+");
  }

  // -- keyboard and mouse ----------------------------------------------------------------------

  input.addEventListener("input", function () {
    if (filling) closeFill();  // typing a new search abandons the half-filled phrase
    search();
  });
  input.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown" && results.length) {
      selected = (selected + 1) % results.length;
      showSelected();
      event.preventDefault();
    } else if (event.key === "ArrowUp" && results.length) {
      selected = (selected - 1 + results.length) % results.length;
      showSelected();
      event.preventDefault();
    } else if (event.key === "Enter") {
      event.preventDefault();
      choose();
    } else if (event.key === "Escape") {
      event.preventDefault();
      if (input.value) {
        input.value = "";
        search();
      }
      say("");
    } else if ((event.ctrlKey || event.altKey || event.metaKey) && hotkeys.has(hotkeyOf(event))) {
      // Only a live phrase's own hotkey is taken over; every other combination keeps its usual meaning.
      event.preventDefault();
      input.value = hotkeyOf(event);
      search();
    } else if (event.altKey && !event.ctrlKey && !event.shiftKey &&
               (event.key === "ArrowLeft" || event.key === "ArrowRight") && results[selected] &&
               versionsOf(results[selected])) {
      // Another language of the highlighted reply (and never the browser's Back or Forward).
      event.preventDefault();
      switchVariant(selected, event.key === "ArrowRight" ? 1 : -1);
    } else if (event.altKey && !event.ctrlKey && event.code === "KeyP") {
      event.preventDefault();
      togglePin(selected);
    }
  });
  // A click in the results must not take the focus out of the search box.
  list.addEventListener("mousedown", function (event) { event.preventDefault(); });

  document.getElementById("picker-hint").hidden = false;  // the keys it names work only with this script
  // The client's message box (suggestions/static/suggestions/client_message.js) uses a phrase the same way.
  window.quickphrasesPicker = {
    use: function (hit) {
      if (filling) closeFill();
      if (P.names(hit.body).length) openFill(hit, "suggestion");
      else deliver(hit, hit.body, "suggestion");
    },
  };

  showConversation();
  search();
})();
