// How the picker's searches end, sent as feedback (source "search") so suggestions learn from them and
// /health/ shows the missing replies: a search that ends in a use is a pick for the words searched; a search
// that ends with no use is sent once, with its final words and chosen = null. A search ends when the box is
// cleared (Esc, or erased), when its words are replaced by unrelated ones, or when the page is left. Only
// words count: not a /shortcut, a hotkey, a query its top result matched as one, or fewer than 3 characters
// (the server applies the same test). Keystrokes are not sent: typing on, or erasing, continues the search.
const box = document.getElementById("client-message-box");
const csrf = document.querySelector("input[name=csrfmiddlewaretoken]").value;
const MIN_LENGTH = 3;
// A hotkey typed as text ("ctrl alt 1", "Ctrl+Alt+", AutoHotkey's "^!1"), as phrases/search/hotkeys.py reads it.
const HOTKEY_RE = /^(?:(?:ctrl|control|ctl|strg|alt|option|shift|win|super|meta)[\s+-]*)+(?:[a-z0-9]|f(?:[1-9]|1[0-2]))?$|^[\^!+#]+\s*(?:[a-z0-9]|f(?:[1-9]|1[0-2]))?$/i;

let open = null;        // {query, language} the search under way that is worth recording, at its fullest
let used = null;        // the words of the search that just ended in a use (its late answers reopen nothing)
let last = null;        // {query, match} the last search answered: how its top result matched

function normal(text) { return (text || "").trim().toLowerCase().replace(/\s+/g, " "); }

function isWords(query, match) {
  const text = (query || "").trim();
  return text.length >= MIN_LENGTH && !text.startsWith("/") && !HOTKEY_RE.test(text) &&
    /[\p{L}]{2}/u.test(text) && match !== "shortcut" && match !== "hotkey";
}

// Two queries are one search when one was typed on from, or erased back to, the other, or edited in place
// (they keep at least half of the shorter one's beginning): not when the words were replaced.
function related(a, b) {
  if (!a || !b) return false;
  if (a.startsWith(b) || b.startsWith(a)) return true;
  if (Math.min(a.length, b.length) >= MIN_LENGTH && (a.includes(b) || b.includes(a))) return true;
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common++;
  return common >= Math.max(MIN_LENGTH, Math.min(a.length, b.length) / 2);
}

function send(payload, keepalive) {
  fetch(box.dataset.feedbackUrl, {
    method: "POST", credentials: "same-origin", keepalive: Boolean(keepalive),
    headers: { "X-CSRFToken": csrf, "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify(Object.assign({ dismissed: [], source: "search" }, payload)),
  }).catch(() => { /* feedback is best effort */ });
}

function endWithoutUse(keepalive) {
  if (!open) return;
  const payload = { message: open.query, chosen: null };
  if (open.language) payload.language = open.language;  // else the server detects it from the words
  open = null;
  send(payload, keepalive);
}

document.addEventListener("quickphrases:searched", (event) => {
  const detail = event.detail || {};
  const query = (detail.query || "").trim();
  const now = normal(query);
  last = { query: now, match: detail.match };
  if (!now) { used = null; endWithoutUse(); return; }           // the box was cleared
  if (used !== null && now === used) return;                     // the search that was just used, answered again
  used = null;
  if (open && !related(normal(open.query), now)) endWithoutUse(); // replaced by other words
  if (!isWords(query, detail.match)) return;
  if (open && normal(open.query).startsWith(now)) {               // being erased: keep the fuller words
    open.language = detail.language || "";
    return;
  }
  open = { query: query, language: detail.language || "" };
});

document.addEventListener("quickphrases:used", (event) => {
  const detail = event.detail || {};
  if (detail.origin !== "search") return;  // a suggestion used from the client's message box: its own feedback
  const query = (detail.query || "").trim();
  const match = last && last.query === normal(query) ? last.match : null;
  if (isWords(query, match) && detail.key && detail.language) {
    send({ message: query, language: detail.language, chosen: detail.key });
  }
  open = null;
  used = normal(query);
});

window.addEventListener("pagehide", () => endWithoutUse(true));
