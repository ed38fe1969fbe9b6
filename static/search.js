// The operator's picker: search as you type, choose with arrows, Enter copies and records the use.
(function () {
  "use strict";
  const section = document.querySelector(".search");
  const input = document.getElementById("q");
  const language = document.getElementById("language");
  const topic = document.getElementById("topic");
  const list = document.getElementById("results");
  const status = document.getElementById("status");
  const csrf = document.querySelector("input[name=csrfmiddlewaretoken]").value;
  let results = [];
  let resultsFor = null;  // the query and filters `results` answer
  let selected = 0;
  let pending = null;
  let sequence = 0;

  function render() {
    list.replaceChildren();
    results.forEach(function (hit, index) {
      const item = document.createElement("li");
      item.className = "result" + (index === selected ? " selected" : "");
      item.dataset.key = hit.key;
      const head = document.createElement("div");
      head.className = "head";
      const title = document.createElement("strong");
      title.textContent = hit.title;
      const meta = document.createElement("span");
      meta.className = "meta";
      meta.textContent = [hit.shortcut, hit.hotkey, hit.language, hit.topic].filter(Boolean).join(" · ");
      head.append(title, meta);
      const body = document.createElement("p");
      body.className = "body";
      body.textContent = hit.body;
      item.append(head, body);
      item.addEventListener("click", function () { selected = index; choose(); });
      list.append(item);
    });
  }

  function currentParams() {
    const params = new URLSearchParams({ q: input.value, limit: "10" });
    if (language.value) params.set("language", language.value);
    if (topic.value) params.set("topic", topic.value);
    return params.toString();
  }

  function search() {
    clearTimeout(pending);
    pending = null;
    return fetchResults(currentParams());
  }

  async function fetchResults(params) {
    const mine = ++sequence;
    const response = await fetch(section.dataset.searchUrl + "?" + params, {
      credentials: "same-origin", headers: { Accept: "application/json" },
    });
    if (mine !== sequence) return;  // a newer keystroke already asked again
    const data = await response.json();
    if (mine !== sequence) return;
    resultsFor = params;
    if (!response.ok) {
      results = [];
      status.textContent = data.detail || Object.values(data).flat().join(" ");
    } else {
      results = data.results;
      status.textContent = results.length ? "" : "Nothing found. Try fewer letters or another word.";
    }
    selected = 0;
    render();
  }

  function copyWithSelection(text) {
    // Fallback where the async clipboard is unavailable or blocked: copy from a hidden textarea.
    const area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.append(area);
    area.select();
    const copied = document.execCommand("copy");
    area.remove();
    input.focus();
    return copied;
  }

  async function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      try {
        const timeout = new Promise(function (resolve, reject) { setTimeout(reject, 800); });
        await Promise.race([navigator.clipboard.writeText(text), timeout]);
        return true;
      } catch (error) { /* fall through to the selection copy */ }
    }
    return copyWithSelection(text);
  }

  async function choose() {
    // Enter pressed before the last keystrokes were searched: answer what is typed now,
    // never the list the previous letters produced.
    if (resultsFor !== currentParams()) await search();
    const hit = results[selected];
    if (!hit) return;
    fetch(section.dataset.usedUrl.replace("KEY", encodeURIComponent(hit.key)), {
      method: "POST", credentials: "same-origin",
      headers: { "X-CSRFToken": csrf, "X-Client": "web", Accept: "application/json" },
    });
    status.textContent = (await copy(hit.body))
      ? "Copied “" + hit.title + "”."
      : "Select the text to copy: " + hit.body;
  }

  function schedule() {
    clearTimeout(pending);
    pending = setTimeout(search, 60);
  }

  input.addEventListener("input", schedule);
  language.addEventListener("change", search);
  topic.addEventListener("change", search);
  input.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown" && results.length) {
      selected = (selected + 1) % results.length; render(); event.preventDefault();
    } else if (event.key === "ArrowUp" && results.length) {
      selected = (selected - 1 + results.length) % results.length; render(); event.preventDefault();
    } else if (event.key === "Enter") {
      choose(); event.preventDefault();
    }
  });
  search();
})();
