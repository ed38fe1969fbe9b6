// The picker's "Client's message" box: paste what the client wrote (or Alt+V to paste the clipboard), see up
// to three suggested replies with why, 1–3 uses one (then the placeholder form as for any phrase), ✕ or
// Delete dismisses. What the operator does is sent back as feedback: a use is a pick; a message replaced or
// left with no use records the dismissals (or that nothing fitted). How searches end is sent by
// search_feedback.js. All sentences come translated from the page (data-msg-* attributes).
const box = document.getElementById("client-message-box");
const area = document.getElementById("client-message");
const list = document.getElementById("client-suggestions");
const status = document.getElementById("client-message-status");
const csrf = document.querySelector("input[name=csrfmiddlewaretoken]").value;
const DEBOUNCE_MS = 250;

let suggestions = [];      // the hits shown, in order
let current = null;        // {message, language, dismissed: [], sent: false} for the message shown
let pending = null;        // the key of a suggestion being used (its placeholder form may be open)
let timer = null;
let asked = 0;

function message(name, values) {
  const template = box.dataset[name] || "";
  return template.replace(/%\((\w+)\)s/g, (all, key) => (values && key in values ? String(values[key]) : all));
}

function say(text) { status.textContent = text; }

// The box grows with the message (up to a few lines, then it scrolls), so a pasted message can be read whole.
function fit() {
  area.style.height = "auto";
  area.style.height = Math.min(area.scrollHeight + 2, 160) + "px";
}

// A phrase's text with its {placeholders} marked as in the results list (text nodes only).
function bodyWithPlaceholders(text) {
  const fragment = document.createDocumentFragment();
  const P = window.QuickphrasesPlaceholders;
  if (!P) { fragment.append(text); return fragment; }
  let at = 0;
  P.matches(text).forEach((match) => {
    fragment.append(text.slice(at, match.start));
    const slot = document.createElement("span");
    slot.className = "ph";
    slot.textContent = text.slice(match.start, match.end);
    fragment.append(slot);
    at = match.end;
  });
  fragment.append(text.slice(at));
  return fragment;
}

function post(url, payload, keepalive) {
  return fetch(url, {
    method: "POST", credentials: "same-origin", keepalive: Boolean(keepalive),
    headers: { "X-CSRFToken": csrf, "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify(payload),
  });
}

function sendFeedback(chosen, keepalive) {
  if (!current || current.sent) return;
  current.sent = true;
  post(box.dataset.feedbackUrl, {
    message: current.message, language: current.language, chosen: chosen, dismissed: current.dismissed,
  }, keepalive).catch(() => { /* feedback is best effort */ });
}

function render() {
  list.replaceChildren();
  suggestions.forEach((hit, index) => {
    const item = document.createElement("li");
    item.className = "client-suggestion";
    item.dataset.key = hit.key;
    const number = document.createElement("span");
    number.className = "client-suggestion-number";
    number.textContent = String(index + 1);
    number.setAttribute("aria-hidden", "true");
    const use = document.createElement("button");
    use.type = "button";
    use.className = "client-suggestion-use";
    use.setAttribute("aria-label", message("msgUse", { title: hit.title, number: index + 1 }));
    const title = document.createElement("strong");
    title.textContent = hit.title;
    const why = document.createElement("span");
    why.className = "client-suggestion-why";
    why.textContent = hit.why;
    const body = document.createElement("span");
    body.className = "client-suggestion-body";
    body.append(bodyWithPlaceholders(hit.body));
    use.append(title, why, body);
    use.addEventListener("click", () => useSuggestion(index));
    const dismiss = document.createElement("button");
    dismiss.type = "button";
    dismiss.className = "client-suggestion-dismiss";
    dismiss.textContent = "✕";
    dismiss.setAttribute("aria-label", message("msgDismiss", { title: hit.title }));
    dismiss.addEventListener("click", () => dismissSuggestion(index));
    item.append(number, use, dismiss);
    list.append(item);
  });
  list.hidden = suggestions.length === 0;
}

async function ask() {
  const text = area.value.trim();
  if (current && current.message === text) return;
  if (current && !current.sent) sendFeedback(null);   // the previous message ended with no use
  suggestions = [];
  render();
  if (!text) { current = null; say(""); return; }
  const ticket = ++asked;
  say(message("msgLoading"));
  let data;
  try {
    const response = await post(box.dataset.suggestUrl, { message: text, limit: 3 });
    if (!response.ok) throw new Error(String(response.status));
    data = await response.json();
  } catch (error) {
    if (ticket === asked) say(message("msgFailed"));
    return;
  }
  if (ticket !== asked) return;
  current = { message: text, language: data.language, dismissed: [], sent: false };
  // The picker ranks the client's language first for the rest of the conversation.
  document.dispatchEvent(new CustomEvent("quickphrases:client-language", { detail: { language: data.language } }));
  suggestions = data.results.slice(0, 3);
  render();
  say(suggestions.length ? message("msgCount", { count: suggestions.length }) : message("msgNone"));
}

function schedule() {
  clearTimeout(timer);
  timer = setTimeout(ask, DEBOUNCE_MS);
}

function useSuggestion(index) {
  const hit = suggestions[index];
  if (!hit || !window.quickphrasesPicker) return;
  pending = hit.key;
  window.quickphrasesPicker.use(hit);
}

function dismissSuggestion(index) {
  const hit = suggestions[index];
  if (!hit) return;
  if (current && !current.dismissed.includes(hit.key)) current.dismissed.push(hit.key);
  suggestions.splice(index, 1);
  render();
  say(message("msgDismissed", { title: hit.title }));
  if (suggestions.length) list.focus(); else area.focus();
}

async function pasteClipboard() {
  area.focus();
  try {
    area.value = await navigator.clipboard.readText();
  } catch (error) {
    say(message("msgPasteFailed"));
    return;
  }
  fit();
  await ask();
  if (suggestions.length) list.focus();
}

// The suggestion being used is a pick for the message.
document.addEventListener("quickphrases:used", (event) => {
  const detail = event.detail || {};
  if (pending && detail.key === pending && detail.origin === "suggestion" && current) sendFeedback(detail.key);
  pending = null;
});

area.addEventListener("input", () => { fit(); schedule(); });
area.addEventListener("paste", () => { clearTimeout(timer); setTimeout(async () => {
  fit();
  await ask();
  if (suggestions.length) list.focus();
}, 0); });
area.addEventListener("keydown", (event) => {
  if ((event.key === "ArrowDown" || (event.key === "Tab" && !event.shiftKey)) && suggestions.length) {
    event.preventDefault();
    list.focus();
  } else if (event.altKey && /^Digit[1-3]$/.test(event.code)) {
    event.preventDefault();
    useSuggestion(Number(event.code.slice(5)) - 1);
  }
});
list.addEventListener("keydown", (event) => {
  if (/^[1-3]$/.test(event.key)) {
    event.preventDefault();
    useSuggestion(Number(event.key) - 1);
  } else if (event.key === "Delete" || event.key === "x" || event.key === "Backspace") {
    event.preventDefault();
    dismissSuggestion(0);
  } else if (event.key === "Escape") {
    event.preventDefault();
    area.focus();
  }
});
document.getElementById("client-message-paste").addEventListener("click", pasteClipboard);
document.addEventListener("keydown", (event) => {
  if (event.altKey && !event.ctrlKey && event.code === "KeyV") {
    event.preventDefault();
    pasteClipboard();
  }
});
window.addEventListener("pagehide", () => sendFeedback(null, true));
