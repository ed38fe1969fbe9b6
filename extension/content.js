// The picker at the caret, in any page's text field (textarea, input, contenteditable), in every frame.
// Opened by the extension's shortcut (Alt+Shift+Q by default) or by typing "//" at the start of the
// field or after a space. Enter inserts the finished text where the caret was, through the page's own
// editing (execCommand insertText), so the page's undo still works. All text shown is built from text
// nodes; the picker lives in a closed shadow root so the page's styles cannot reach it.
/* global QuickphrasesPlaceholders */
(function () {
  "use strict";
  if (window.__quickphrasesPicker) return;
  window.__quickphrasesPicker = true;
  const api = typeof browser !== "undefined" ? browser : chrome;
  const t = function (name, substitutions) { return api.i18n.getMessage(name, substitutions) || name; };
  const P = QuickphrasesPlaceholders;
  const TEXT_INPUTS = new Set(["text", "search", "email", "url", "tel", ""]);
  const SELECTION_MEMORY_MS = 120000;

  let field = null;         // the text field the picker inserts into
  let saved = null;         // where its caret was: {start, end} or a Range
  let trigger = 0;          // characters of a typed "//" to replace on insertion
  let ui = null;            // the open picker
  let lastSelection = { text: "", at: 0 };  // the client's message the operator selected, for suggestions

  function editableOf(node) {
    if (!node || node.nodeType !== 1) return null;
    if (node.tagName === "TEXTAREA") return node.readOnly || node.disabled ? null : node;
    if (node.tagName === "INPUT") return TEXT_INPUTS.has((node.getAttribute("type") || "").toLowerCase()) &&
      !node.readOnly && !node.disabled ? node : null;
    if (node.isContentEditable) {
      let root = node;
      while (root.parentElement && root.parentElement.isContentEditable) root = root.parentElement;
      return root;
    }
    return null;
  }

  function isPlain(el) { return el.tagName === "TEXTAREA" || el.tagName === "INPUT"; }

  function saveCaret(el) {
    if (isPlain(el)) return { start: el.selectionStart, end: el.selectionEnd };
    const selection = el.ownerDocument.getSelection();
    return selection.rangeCount ? selection.getRangeAt(0).cloneRange() : null;
  }

  function textBeforeCaret(el) {
    if (isPlain(el)) return el.value.slice(0, el.selectionStart);
    const selection = el.ownerDocument.getSelection();
    if (!selection.rangeCount) return "";
    const range = el.ownerDocument.createRange();
    range.selectNodeContents(el);
    range.setEnd(selection.getRangeAt(0).startContainer, selection.getRangeAt(0).startOffset);
    return range.toString();
  }

  // "//" at the start of the field or after whitespace; never in "https://" or inside a word.
  function typedTrigger(before) {
    if (!before.endsWith("//")) return false;
    const previous = before.slice(0, -2);
    return previous === "" || /\s$/.test(previous);
  }

  function caretRect(el) {
    const fieldRect = el.getBoundingClientRect();
    if (!isPlain(el)) {
      const selection = el.ownerDocument.getSelection();
      if (selection.rangeCount) {
        const rect = selection.getRangeAt(0).getBoundingClientRect();
        if (rect.width || rect.height) return rect;
      }
      return fieldRect;
    }
    // A mirror of the field with the text up to the caret tells where the caret is.
    const doc = el.ownerDocument;
    const mirror = doc.createElement("div");
    const style = getComputedStyle(el);
    ["fontFamily", "fontSize", "fontWeight", "lineHeight", "letterSpacing", "paddingTop", "paddingLeft",
      "paddingRight", "paddingBottom", "borderTopWidth", "borderLeftWidth", "boxSizing", "width", "textIndent"]
      .forEach(function (p) { mirror.style[p] = style[p]; });
    Object.assign(mirror.style, { position: "fixed", visibility: "hidden", top: "0", left: "0",
      whiteSpace: el.tagName === "TEXTAREA" ? "pre-wrap" : "pre", overflowWrap: "break-word" });
    mirror.textContent = el.value.slice(0, el.selectionEnd);
    const marker = doc.createElement("span");
    marker.textContent = "\u200b";
    mirror.append(marker);
    doc.body.append(mirror);
    const top = marker.offsetTop - el.scrollTop;
    const left = marker.offsetLeft - el.scrollLeft;
    const height = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.3;
    mirror.remove();
    return { left: fieldRect.left + Math.min(left, fieldRect.width), top: fieldRect.top + Math.min(top, fieldRect.height - height),
      bottom: fieldRect.top + Math.min(top, fieldRect.height - height) + height };
  }

  function dateText(date, language) {
    try { return new Intl.DateTimeFormat(language, { day: "numeric", month: "long" }).format(date); }
    catch (error) { return date.toLocaleDateString(); }
  }

  function age(syncedAt) {
    const minutes = Math.round((Date.now() - syncedAt) / 60000);
    const format = new Intl.RelativeTimeFormat(t("locale"), { numeric: "auto" });
    if (minutes < 60) return format.format(-minutes, "minute");
    if (minutes < 60 * 48) return format.format(-Math.round(minutes / 60), "hour");
    return format.format(-Math.round(minutes / 1440), "day");
  }

  function send(message) {
    return api.runtime.sendMessage(message).catch(function () { return { error: "extension" }; });
  }

  // -- the picker ------------------------------------------------------------------------------

  const STYLE = `
    :host { all: initial; }
    .qp { position: fixed; z-index: 2147483647; width: min(26rem, calc(100vw - 16px)); max-height: 22rem; overflow: auto;
      background: #fff; color: #1d2430; border: 1px solid #2456c9; border-radius: 8px; box-shadow: 0 8px 24px rgba(0,0,0,.18);
      font: 14px/1.35 system-ui, sans-serif; padding: 6px; box-sizing: border-box; }
    input { font: inherit; width: 100%; box-sizing: border-box; padding: 5px 7px; border: 1px solid #c9ced6; border-radius: 5px; }
    input:focus { outline: 2px solid #2456c9; outline-offset: 0; }
    ul { list-style: none; margin: 4px 0 0; padding: 0; }
    li { padding: 4px 6px; border-radius: 5px; cursor: pointer; }
    li[aria-selected=true] { background: #e8efff; }
    .title { font-weight: 600; }
    .meta { color: #5b6474; font-size: 12px; margin-left: 6px; }
    .body { color: #39414f; font-size: 12.5px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
    .status { color: #5b6474; font-size: 12px; margin: 4px 2px 0; }
    .status.error { color: #b42318; }
    .caption { color: #5b6474; font-size: 12px; margin: 6px 2px 0; }
    form label { display: block; font-size: 12px; color: #5b6474; margin-top: 5px; }
    .choices { display: flex; flex-wrap: wrap; gap: 4px; margin-top: 3px; }
    .choices button, .choices input, .actions button { font: inherit; font-size: 12px; width: auto; padding: 2px 7px;
      border: 1px solid #c9ced6; border-radius: 5px; background: #fff; color: #1d2430; cursor: pointer; }
    .preview { white-space: pre-wrap; background: #f6f7f9; border-radius: 5px; padding: 4px 6px; margin: 6px 0 0; }
    .actions { display: flex; gap: 6px; align-items: center; margin-top: 6px; }
    .actions button.primary { background: #2456c9; border-color: #2456c9; color: #fff; }
    [aria-invalid=true] { border-color: #b42318; }
    button.link { border: 0; background: none; color: #2456c9; text-decoration: underline; padding: 0; font: inherit; cursor: pointer; }
  `;

  function element(tag, attributes, children) {
    const el = document.createElement(tag);
    Object.entries(attributes || {}).forEach(function ([name, value]) {
      if (name === "text") el.textContent = value; else el.setAttribute(name, value);
    });
    (children || []).forEach(function (child) { el.append(child); });
    return el;
  }

  function open(how) {
    const target = editableOf(document.activeElement);
    if (!target) return false;
    if (ui) { ui.input.focus(); return true; }
    field = target;
    trigger = how === "typed" ? 2 : 0;
    saved = saveCaret(target);
    const host = element("quickphrases-picker");
    const shadow = host.attachShadow({ mode: "closed" });
    const box = element("div", { class: "qp", role: "dialog", "aria-label": t("pickerTitle") });
    const input = element("input", { type: "text", role: "combobox", "aria-expanded": "true", "aria-controls": "qp-list",
      "aria-autocomplete": "list", autocomplete: "off", spellcheck: "false", maxlength: "200",
      placeholder: t("searchPlaceholder"), "aria-label": t("searchPlaceholder") });
    const caption = element("p", { class: "caption", hidden: "" });
    const list = element("ul", { id: "qp-list", role: "listbox", "aria-label": t("pickerTitle") });
    const status = element("p", { class: "status", role: "status" });
    const form = element("form", { hidden: "", novalidate: "" });
    box.append(input, caption, list, form, status);
    shadow.append(element("style", { text: STYLE }), box);
    document.documentElement.append(host);
    const rect = caretRect(target);
    const below = rect.bottom + 4;
    box.style.left = Math.max(8, Math.min(rect.left, window.innerWidth - box.offsetWidth - 8)) + "px";
    box.style.top = (below + 200 < window.innerHeight ? below : Math.max(8, rect.top - box.offsetHeight - 4)) + "px";
    ui = { host: host, box: box, input: input, list: list, status: status, caption: caption, form: form,
           results: [], selected: 0, issued: 0, suggestion: null, filling: null, searched: null };
    mark({ view: "list", status: "", query: "", results: "" });
    input.addEventListener("input", runSearch);
    input.addEventListener("keydown", onSearchKey);
    box.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { event.preventDefault(); event.stopPropagation(); close(true); }
    });
    host.addEventListener("focusout", function () {
      setTimeout(function () { if (ui && ui.host === host && !host.matches(":focus-within")) close(false); }, 150);
    });
    input.focus();
    const message = Date.now() - lastSelection.at < SELECTION_MEMORY_MS ? lastSelection.text : "";
    if (message) {
      send({ type: "suggest", message: message }).then(function (answer) {
        if (!ui || ui.input.value || !answer.results || !answer.results.length) return;
        ui.suggestion = { message: message, language: answer.language || "", shown: answer.results.map(function (h) { return h.key; }) };
        ui.caption.hidden = false;
        ui.caption.textContent = t("suggested");
        show(answer.results);
        mark({ suggested: String(answer.results.length) });
      });
    }
    runSearch();
    return true;
  }

  function close(restore) {
    if (!ui) return;
    endSearch(ui);
    ui.host.remove();
    ui = null;
    if (restore && field) { field.focus(); restoreCaret(); }
  }

  function restoreCaret() {
    if (!saved) return;
    if (isPlain(field)) field.setSelectionRange(saved.start, saved.end);
    else { const s = field.ownerDocument.getSelection(); s.removeAllRanges(); s.addRange(saved); }
  }

  function say(message, isError) {
    ui.status.replaceChildren(message);
    ui.status.className = "status" + (isError ? " error" : "");
  }

  // What the picker shows, as attributes of its host element: counts and states only, never phrase text
  // (the page may read them; tests and the benchmark wait on them).
  function mark(values) { Object.assign(ui.host.dataset, values); }

  function signInHint(reason) {
    mark({ status: "error:" + reason });
    const link = element("button", { type: "button", class: "link", text: t("openOptions") });
    link.addEventListener("click", function () { send({ type: "openOptions" }); });
    ui.status.replaceChildren(t(reason === "revoked" ? "errorRevoked" : "errorSignedOut") + " ", link);
    ui.status.className = "status error";
  }

  async function runSearch() {
    const q = ui.input.value;
    const number = ++ui.issued;
    const answer = await send({ type: "search", q: q });
    if (!ui || number !== ui.issued) return;
    if (answer.error) { show([]); signInHint(answer.error); return; }
    if (ui.suggestion && !q) return;
    ui.caption.hidden = true;
    ui.suggestion = q ? null : ui.suggestion;
    show(answer.results);
    followSearch(q, answer.results[0] && answer.results[0].match);
    mark({ status: answer.offline ? "offline" : "online", query: q, results: String(answer.results.length) });
    if (answer.offline) say(answer.syncedAt ? t("offlineCopy", [age(answer.syncedAt), String(answer.count)]) : t("offlineNoCopy"), !answer.syncedAt);
    else say(answer.results.length ? "" : t("nothingFound"));
  }

  function show(results) {
    ui.results = results;
    ui.selected = 0;
    ui.list.replaceChildren();
    results.forEach(function (hit, index) {
      const item = element("li", { role: "option", id: "qp-" + index, "data-key": hit.key }, [
        element("span", { class: "title", text: hit.title }),
        element("span", { class: "meta", text: [hit.shortcut, hit.language].filter(Boolean).join(" · ") }),
        element("div", { class: "body", text: hit.body }),
      ]);
      item.addEventListener("mousedown", function (event) { event.preventDefault(); ui.selected = index; choose(); });
      ui.list.append(item);
    });
    highlight();
  }

  function highlight() {
    Array.from(ui.list.children).forEach(function (item, index) {
      item.setAttribute("aria-selected", String(index === ui.selected));
      if (index === ui.selected) item.scrollIntoView({ block: "nearest" });
    });
    ui.input.setAttribute("aria-activedescendant", ui.results.length ? "qp-" + ui.selected : "");
  }

  function onSearchKey(event) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (!ui.results.length) return;
      ui.selected = (ui.selected + (event.key === "ArrowDown" ? 1 : ui.results.length - 1)) % ui.results.length;
      highlight();
    } else if (event.key === "Enter") {
      event.preventDefault();
      choose();
    }
  }

  function choose() {
    const hit = ui.results[ui.selected];
    if (!hit) return;
    if (P.names(hit.body).length) openForm(hit); else insert(hit, hit.body);
  }

  // -- the placeholder form --------------------------------------------------------------------

  function openForm(hit) {
    const fallbacks = P.fallbacks(hit.body);
    const form = ui.form;
    form.replaceChildren(element("div", { class: "title", text: hit.title }));
    const fields = [];
    const preview = element("p", { class: "preview", "aria-live": "polite" });
    const values = function () {
      const v = {};
      fields.forEach(function (f) { v[f.name] = f.input.value.trim(); });
      return v;
    };
    const update = function () { preview.textContent = fillForPreview(); };
    const fillForPreview = function () {
      return P.fill(hit.body, values(), function (name) { return "[" + label(name) + "]"; });
    };
    P.names(hit.body).forEach(function (name) {
      const input = element("input", { type: "text", name: name, autocomplete: "off", maxlength: "200", lang: hit.language });
      if (name in fallbacks) input.placeholder = t("fallbackEmpty", [fallbacks[name]]);
      else input.required = true;
      if (name === "operator_name") input.value = lastName;
      input.addEventListener("input", function () { input.removeAttribute("aria-invalid"); update(); });
      form.append(element("label", {}, [label(name), input]));
      if (name === "date") form.append(dateChoices(input, hit.language));
      fields.push({ name: name, input: input });
    });
    const insertButton = element("button", { type: "submit", class: "primary", text: t("insert") });
    const cancel = element("button", { type: "button", text: t("cancel") });
    cancel.addEventListener("click", function () { close(true); });
    form.append(preview, element("div", { class: "actions" }, [insertButton, cancel]));
    form.onsubmit = function (event) {
      event.preventDefault();
      const missing = fields.find(function (f) { return f.input.required && !f.input.value.trim(); });
      if (missing) {
        missing.input.setAttribute("aria-invalid", "true");
        say(t("fillIn", [label(missing.name)]), true);
        missing.input.focus();
        return;
      }
      insert(hit, P.fill(hit.body, values()));
    };
    form.hidden = false;
    mark({ view: "form" });
    ui.input.hidden = true;
    ui.list.hidden = true;
    ui.caption.hidden = true;
    say(t("formKeys"));
    update();
    const first = fields.find(function (f) { return f.input.required && !f.input.value; }) || fields[0];
    first.input.focus();
  }

  function label(name) {
    const text = api.i18n.getMessage("ph_" + name);
    return text || name.replace(/_/g, " ");
  }

  function dateChoices(input, language) {
    const box = element("div", { class: "choices" });
    [[0, "today"], [1, "tomorrow"], [2, "dayAfter"]].forEach(function ([offset, name]) {
      const day = new Date();
      day.setDate(day.getDate() + offset);
      const button = element("button", { type: "button", text: t(name) + " · " + dateText(day, language) });
      button.addEventListener("click", function () {
        input.value = dateText(day, language);
        input.dispatchEvent(new Event("input"));
        input.focus();
      });
      box.append(button);
    });
    const picker = element("input", { type: "date", "aria-label": t("pickDate") });
    picker.addEventListener("change", function () {
      if (!picker.value) return;
      const [y, m, d] = picker.value.split("-").map(Number);
      input.value = dateText(new Date(y, m - 1, d), language);
      input.dispatchEvent(new Event("input"));
      input.focus();
    });
    box.append(picker);
    return box;
  }

  // -- inserting -------------------------------------------------------------------------------

  function insert(hit, text) {
    const suggestion = ui.suggestion && ui.suggestion.shown.includes(hit.key) ? ui.suggestion : null;
    const searched = suggestion ? null : ui.searched;
    ui.searched = null;  // ended in a use: not a search left unanswered
    close(false);
    field.focus();
    restoreCaret();
    const doc = field.ownerDocument;
    if (trigger) {
      if (isPlain(field)) {
        const start = Math.max(0, field.selectionStart - trigger);
        if (field.value.slice(start, field.selectionStart) === "//") field.setSelectionRange(start, field.selectionEnd);
      } else {
        const selection = doc.getSelection();
        for (let i = 0; i < trigger; i++) selection.modify("extend", "backward", "character");
      }
    }
    // execCommand keeps the page's undo stack and fires the input events chat editors listen to.
    let done = false;
    try { done = doc.execCommand("insertText", false, text); } catch (error) { done = false; }
    if (!done) {
      if (isPlain(field)) {
        field.setRangeText(text, field.selectionStart, field.selectionEnd, "end");
        field.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertText", data: text }));
      } else {
        const range = doc.getSelection().getRangeAt(0);
        range.deleteContents();
        range.insertNode(doc.createTextNode(text));
        range.collapse(false);
      }
    }
    trigger = 0;
    send({ type: "used", key: hit.key, suggestion: suggestion,
           search: searched ? { query: searched.query, language: hit.language || "" } : null });
  }

  // -- how searches end --------------------------------------------------------------------------
  // As in the web picker (suggestions/static/suggestions/search_feedback.js, where the rules are explained):
  // a search that ends in a use is a pick for its words; one that ends with no use (the picker closed, or
  // its words replaced by unrelated ones) is sent once with its fullest words and no phrase. Only words
  // count: not a /shortcut, a hotkey, a query its top result matched as one, or under three characters
  // (the server applies the same test). Keystrokes are never sent.

  const HOTKEY_RE = /^(?:(?:ctrl|control|ctl|strg|alt|option|shift|win|super|meta)[\s+-]*)+(?:[a-z0-9]|f(?:[1-9]|1[0-2]))?$|^[\^!+#]+\s*(?:[a-z0-9]|f(?:[1-9]|1[0-2]))?$/i;

  function isWords(query, match) {
    return query.length >= 3 && !query.startsWith("/") && !HOTKEY_RE.test(query) && /\p{L}{2}/u.test(query) &&
      match !== "shortcut" && match !== "hotkey";
  }

  function followSearch(q, match) {
    const query = q.trim().replace(/\s+/g, " ");
    const now = query.toLowerCase();
    const open = ui.searched && ui.searched.query.toLowerCase();
    if (open && now && (open.startsWith(now) || now.startsWith(open))) {
      if (now.length > open.length && isWords(query, match)) ui.searched = { query: query };  // typed on
      return;                                                    // typed on or erased: the same search
    }
    endSearch(ui);                                               // cleared, or replaced by other words
    if (isWords(query, match)) ui.searched = { query: query };
  }

  function endSearch(state) {
    if (!state.searched) return;
    send({ type: "searchEnded", query: state.searched.query });
    state.searched = null;
  }

  // -- wiring ----------------------------------------------------------------------------------

  let lastName = "";
  let shortcut = "alt+shift+q";  // the configured shortcut (the manifest's default until the worker says)
  send({ type: "status" }).then(function (s) {
    lastName = (s && s.name) || "";
    shortcut = s && s.shortcut ? s.shortcut.toLowerCase().replace(/\s/g, "") : "alt+shift+q";
  });

  function combination(event) {
    const parts = [];
    if (event.ctrlKey) parts.push("ctrl");
    if (event.altKey) parts.push("alt");
    if (event.shiftKey) parts.push("shift");
    if (event.metaKey) parts.push("command");
    const key = event.code && event.code.startsWith("Key") ? event.code.slice(3).toLowerCase()
      : event.code && event.code.startsWith("Digit") ? event.code.slice(5) : (event.key || "").toLowerCase();
    parts.push(key);
    return parts.join("+");
  }

  document.addEventListener("keydown", function (event) {
    if (ui) return;
    if (combination(event) === shortcut && editableOf(document.activeElement)) {
      event.preventDefault();
      event.stopPropagation();
      open("shortcut");
    }
  }, true);

  document.addEventListener("input", function (event) {
    if (ui || event.inputType !== "insertText" || event.data !== "/") return;
    const target = editableOf(event.target);
    if (target && typedTrigger(textBeforeCaret(target))) open("typed");
  }, true);

  document.addEventListener("selectionchange", function () {
    if (ui) return;
    const active = editableOf(document.activeElement);
    const text = active ? "" : String(document.getSelection() || "").trim();
    if (text) lastSelection = { text: text.slice(0, 1000), at: Date.now() };
  });

  api.runtime.onMessage.addListener(function (message) {
    if (message && message.type === "open" && document.hasFocus()) open("shortcut");
  });
})();
