// The phrase editor: brand-voice findings as you type (highlighted in place, one-click fixes), preview,
// shortcut and hotkey collision checks, hotkey capture, keyword chips and the key made from the title.
// The form works without this script; it only adds feedback while typing.
(function () {
  "use strict";
  const form = document.getElementById("editor");
  if (!form) return;
  document.documentElement.classList.add("js");
  const T = JSON.parse(document.getElementById("editor-strings").textContent);
  const samples = JSON.parse(document.getElementById("preview-samples").textContent);
  const csrf = form.querySelector("input[name=csrfmiddlewaretoken]").value;
  const body = document.getElementById("id_body");
  const backdrop = form.querySelector(".lint-backdrop");
  const language = document.getElementById("id_language");
  const status = document.getElementById("findings-status");
  const list = document.getElementById("findings-list");
  const preview = document.getElementById("preview");
  const counter = document.getElementById("body-count");
  let findings = [];
  let lintSeq = 0;

  function fmt(text, values) {
    return text.replace(/%\((\w+)\)s/g, function (_, name) { return values[name]; });
  }
  function debounce(fn, ms) {
    let timer = null;
    return function () { clearTimeout(timer); timer = setTimeout(fn, ms); };
  }

  // The linter counts code points; JavaScript strings count UTF-16 units (emoji take two).
  function unitOffset(text, codePoints) {
    let units = 0, seen = 0;
    for (const ch of text) {
      if (seen === codePoints) break;
      units += ch.length; seen += 1;
    }
    return units;
  }

  function autosize() {
    body.style.height = "auto";
    body.style.height = body.scrollHeight + 2 + "px";
  }

  function paintBackdrop(active) {
    const text = body.value;
    const frag = document.createDocumentFragment();
    let at = 0;
    findings.slice().sort(function (a, b) { return a.from - b.from; }).forEach(function (f) {
      if (f.from < at || f.to <= f.from) return;  // overlapping spans: the first one is marked
      frag.append(text.slice(at, f.from));
      const mark = document.createElement("mark");
      mark.className = f.severity + (f === active ? " active" : "");
      mark.textContent = text.slice(f.from, f.to);
      frag.append(mark);
      at = f.to;
    });
    frag.append(text.slice(at) + "\n");  // a trailing newline keeps the last line's height
    backdrop.replaceChildren(frag);
  }

  function renderFindings() {
    list.replaceChildren();
    const errors = findings.filter(function (f) { return f.severity === "error"; }).length;
    status.textContent = findings.length ? fmt(T.findings, {errors: errors, warnings: findings.length - errors})
      : (body.value.trim() ? T.noFindings : "");
    findings.forEach(function (f) {
      const item = document.createElement("li");
      item.className = "finding " + f.severity;
      const pill = document.createElement("span");
      pill.className = "pill " + f.severity;
      pill.textContent = f.severity === "error" ? T.error : T.warning;
      item.append(pill);
      if (f.to > f.from) {
        const show = document.createElement("button");
        show.type = "button";
        show.className = "quote";
        const fragment = body.value.slice(f.from, f.to);
        show.textContent = "«" + fragment + "»";
        show.title = T.show;
        show.setAttribute("aria-label", fmt(T.showFragment, {text: fragment}));
        show.addEventListener("click", function () {
          body.focus();
          body.setSelectionRange(f.from, f.to);
          paintBackdrop(f);
        });
        item.append(show);
      }
      const message = document.createElement("span");
      message.textContent = f.message;
      item.append(message);
      if (f.suggestion !== null && f.suggestion !== undefined && f.suggestion !== "" && f.to > f.from) {
        const apply = document.createElement("button");
        apply.type = "button";
        apply.className = "apply";
        // The visible words are the name: what is replaced, and by what.
        apply.textContent = fmt(T.applyFragment, {text: body.value.slice(f.from, f.to), suggestion: f.suggestion});
        apply.addEventListener("click", function () {
          body.focus();
          body.setSelectionRange(f.from, f.to);
          // execCommand keeps the change in the text box's undo history; the fallback does not.
          if (!document.execCommand || !document.execCommand("insertText", false, f.suggestion)) {
            body.setRangeText(f.suggestion, f.from, f.to, "end");
          }
          onBodyInput();
          lintNow();
        });
        item.append(apply);
      }
      list.append(item);
    });
    paintBackdrop(null);
  }

  function lintNow() {
    const text = body.value;
    const seq = ++lintSeq;
    if (!text.trim() || !language.value) { findings = []; renderFindings(); return; }
    fetch(form.dataset.lintUrl, {
      method: "POST", credentials: "same-origin",
      headers: {"Content-Type": "application/json", "X-CSRFToken": csrf, "Accept": "application/json"},
      body: JSON.stringify({body: text, language: language.value}),
    }).then(function (response) {
      if (!response.ok) throw new Error(response.status);
      return response.json();
    }).then(function (data) {
      if (seq !== lintSeq || body.value !== text) return;  // a newer text is on its way
      findings = data.issues.map(function (issue) {
        return {severity: issue.severity, message: issue.message, suggestion: issue.suggestion,
                from: unitOffset(text, issue.start), to: unitOffset(text, issue.end)};
      });
      renderFindings();
      if ((data.unavailable || []).indexOf("spelling") >= 0) status.textContent += " " + T.spellingOff;
    }).catch(function () {
      if (seq === lintSeq) status.textContent = T.lintFailed;
    });
  }
  const lintSoon = debounce(lintNow, 350);

  function renderPreview() {
    // Each placeholder as its sample, else its fallback, else "{name}" (static/placeholders.js).
    preview.textContent = window.QuickphrasesPlaceholders.fill(body.value, samples, function (name) {
      return "{" + name + "}";
    });
  }

  function onBodyInput() {
    // Until the next answer, keep marks only where the text before them is unchanged.
    findings = findings.filter(function (f) { return f.to <= body.value.length; });
    paintBackdrop(null);
    autosize();
    renderPreview();
    counter.textContent = fmt(T.chars, {count: body.value.length, max: body.maxLength});
  }

  body.addEventListener("input", function () { onBodyInput(); lintSoon(); });
  language.addEventListener("change", function () { lintNow(); checkTriggers(); suggestKey(); });
  window.addEventListener("resize", debounce(function () { autosize(); paintBackdrop(null); }, 100));

  // --- Shortcut and hotkey: taken or free, as you type -------------------------------------
  const shortcut = document.getElementById("id_shortcut");
  const hotkey = document.getElementById("id_hotkey");
  let checkSeq = 0;
  function checkTriggers() {
    const params = new URLSearchParams({key: form.dataset.key || (document.getElementById("id_key") || {}).value || "",
                                        language: language.value, shortcut: shortcut.value.trim(),
                                        hotkey: hotkey.value.trim(),
                                        family: ((document.getElementById("id_family") || {}).value || "").trim()});
    const seq = ++checkSeq;
    fetch(form.dataset.checkUrl + "?" + params, {credentials: "same-origin", headers: {"Accept": "application/json"}})
      .then(function (r) { return r.ok ? r.json() : {}; })
      .then(function (data) {
        if (seq !== checkSeq) return;
        [["shortcut", shortcut], ["hotkey", hotkey]].forEach(function (pair) {
          const out = document.getElementById(pair[0] + "-status");
          const answer = data[pair[0]];
          out.className = "check-status" + (answer ? (answer.free ? " free" : " taken") : "");
          out.textContent = answer ? (answer.free ? "✓ " + T.free : answer.message) : "";
          pair[1].setAttribute("aria-invalid", answer && !answer.free ? "true" : "false");
        });
      }).catch(function () {});
  }
  const checkSoon = debounce(checkTriggers, 300);
  shortcut.addEventListener("input", checkSoon);
  hotkey.addEventListener("input", checkSoon);
  const familyInput = document.getElementById("id_family");
  if (familyInput) familyInput.addEventListener("input", checkSoon);

  // Pressing a combination in the hotkey field writes it in the contract's form, e.g. Ctrl+Alt+1.
  hotkey.addEventListener("keydown", function (event) {
    if (!(event.ctrlKey || event.altKey || event.metaKey)) return;  // plain typing and Tab work as usual
    const code = event.code || "";
    let key = null;
    if (/^Key[A-Z]$/.test(code)) key = code.slice(3);
    else if (/^(Digit|Numpad)[0-9]$/.test(code)) key = code.slice(-1);
    else if (/^F([1-9]|1[0-2])$/.test(code)) key = code;
    if (["Control", "Alt", "Shift", "Meta", "AltGraph"].indexOf(event.key) >= 0) return;
    event.preventDefault();
    const out = document.getElementById("hotkey-status");
    if (!key) { out.className = "check-status taken"; out.textContent = T.hotkeyHint; return; }
    const parts = [];
    if (event.ctrlKey) parts.push("Ctrl");
    if (event.altKey) parts.push("Alt");
    if (event.shiftKey) parts.push("Shift");
    if (event.metaKey) parts.push("Win");
    parts.push(key);
    hotkey.value = parts.join("+");
    checkTriggers();
  });

  // --- The key made from the title (new phrases) --------------------------------------------
  const keyInput = document.getElementById("id_key");
  const keySuggestion = document.getElementById("key-suggestion");
  const title = document.getElementById("id_title");
  function suggestKey() {
    if (!keyInput || keyInput.value.trim() || !title.value.trim()) { if (keySuggestion) keySuggestion.textContent = ""; return; }
    const params = new URLSearchParams({title: title.value, language: language.value});
    fetch(form.dataset.checkUrl + "?" + params, {credentials: "same-origin"})
      .then(function (r) { return r.ok ? r.json() : {}; })
      .then(function (data) {
        if (data.key) { keySuggestion.textContent = fmt(T.keyWillBe, {key: data.key}); keyInput.placeholder = data.key; }
      }).catch(function () {});
  }
  if (keyInput) {
    title.addEventListener("input", debounce(suggestKey, 300));
    keyInput.addEventListener("input", debounce(suggestKey, 300));
  }

  // --- Keywords as chips: Enter or a comma makes a chip; × or Backspace removes one -----------
  const chips = document.getElementById("chips");
  const keywordInput = document.getElementById("keyword-input");
  function decorate(chip) {
    const box = chip.querySelector("input");
    const remove = document.createElement("button");
    remove.type = "button";
    remove.textContent = "×";
    remove.setAttribute("aria-label", fmt(T.remove, {word: box.value}));
    remove.addEventListener("click", function () { chip.remove(); keywordInput.focus(); });
    chip.append(remove);
  }
  function addChip(word) {
    word = word.replace(/\s+/g, " ").trim();
    if (!word) return;
    const existing = Array.from(chips.querySelectorAll(".chip input")).map(function (b) { return b.value.toLowerCase(); });
    if (existing.indexOf(word.toLowerCase()) >= 0) return;
    const chip = document.createElement("label");
    chip.className = "chip";
    const box = document.createElement("input");
    box.type = "checkbox"; box.name = "keywords"; box.value = word; box.checked = true; box.tabIndex = -1;
    const text = document.createElement("span");
    text.textContent = word;
    chip.append(box, " ", text);
    decorate(chip);
    chips.insertBefore(chip, keywordInput);
  }
  chips.querySelectorAll(".chip").forEach(function (chip) { chip.querySelector("input").tabIndex = -1; decorate(chip); });
  keywordInput.addEventListener("keydown", function (event) {
    if (event.key === "Enter" || event.key === ",") {
      event.preventDefault();
      addChip(keywordInput.value);
      keywordInput.value = "";
    } else if (event.key === "Backspace" && !keywordInput.value) {
      const chipsNow = chips.querySelectorAll(".chip");
      if (chipsNow.length) chipsNow[chipsNow.length - 1].remove();
    }
  });
  keywordInput.addEventListener("paste", function () {
    setTimeout(function () {
      const parts = keywordInput.value.split(",");
      if (parts.length > 1) { parts.slice(0, -1).forEach(addChip); keywordInput.value = parts[parts.length - 1]; }
    });
  });
  form.addEventListener("submit", function () {
    if (keywordInput.value.trim()) { addChip(keywordInput.value); keywordInput.value = ""; }
  });

  onBodyInput();
  lintNow();
  if (shortcut.value || hotkey.value) checkTriggers();
  const errors = document.getElementById("form-errors");
  const stale = document.getElementById("stale");
  const saved = document.querySelector("main .messages");
  if (errors) errors.focus();
  else if (stale) { stale.tabIndex = -1; stale.focus(); }
  else if (saved) {
    // After "Save draft" the page reloads: focus lands on the status message, which is read out.
    saved.tabIndex = -1;
    saved.focus();
  }
})();
