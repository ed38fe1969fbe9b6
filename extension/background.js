// The extension's worker: talks to the Quickphrases server with the personal token, keeps the synced
// copy of the approved library in chrome.storage.local, and answers the picker (content.js) and the
// options page. When the server does not answer, searches run on the synced copy.
/* global QuickphrasesLibrary, QuickphrasesPlaceholders */
"use strict";
if (typeof importScripts === "function" && typeof QuickphrasesLibrary === "undefined") {
  importScripts("placeholders.js", "library.js");  // Chromium's service worker; Firefox loads them itself
}
const api = typeof browser !== "undefined" ? browser : chrome;
const ONLINE_TIMEOUT_MS = 1500;
const SYNC_PAGE = 2000;
const SYNC_EVERY_MINUTES = 5;
let prepared = null;   // the synced copy, ready to search (rebuilt when the worker wakes)
let preparedMeta = { syncedAt: 0, count: 0 };
let syncing = null;
let offlineUntil = 0;  // after the server failed to answer, search the copy straight away for a while
const RETRY_SERVER_MS = 5000;

async function settings() {
  const stored = await api.storage.local.get(["server", "token", "name", "error"]);
  return { server: stored.server || "", token: stored.token || "", name: stored.name || "", error: stored.error || "" };
}

function url(server, path) { return server.replace(/\/+$/, "") + path; }

class Revoked extends Error {}

async function call(path, options) {
  const s = await settings();
  if (!s.server || !s.token) throw new Revoked("signed-out");
  const controller = new AbortController();
  const timer = setTimeout(function () { controller.abort(); }, (options && options.timeout) || ONLINE_TIMEOUT_MS);
  try {
    const response = await fetch(url(s.server, path), {
      method: (options && options.method) || "GET",
      headers: Object.assign({ Authorization: "Token " + s.token, Accept: "application/json", "X-Client": "extension" },
        options && options.body ? { "Content-Type": "application/json" } : {}),
      body: options && options.body ? JSON.stringify(options.body) : undefined,
      signal: controller.signal,
      credentials: "omit",
    });
    if (response.status === 401) { await forget("revoked"); throw new Revoked("revoked"); }
    return response;
  } finally {
    clearTimeout(timer);
  }
}

// A refused token: drop it and the copy of the library, so nothing stays behind.
async function forget(reason) {
  prepared = null;
  await api.storage.local.remove(["token", "library", "libraryMeta"]);
  await api.storage.local.set({ error: reason });
}

// The copy is kept as one JSON string: the browser stores and reads a string of a few megabytes many
// times faster than the same data as an object (10,000 phrases: ~40 ms instead of ~2 s).
async function libraryCopy() {
  const stored = (await api.storage.local.get("library")).library;
  return stored ? JSON.parse(stored) : { cursor: "", phrases: {}, syncedAt: 0 };
}

async function libraryMeta() {
  return (await api.storage.local.get("libraryMeta")).libraryMeta || { syncedAt: 0, count: 0 };
}

async function preparedCopy() {
  if (!prepared) {
    const copy = await libraryCopy();
    prepared = Object.values(copy.phrases).map(QuickphrasesLibrary.prepare);
    preparedMeta = { syncedAt: copy.syncedAt, count: prepared.length };
  }
  return prepared;
}

async function sync() {
  if (syncing) return syncing;
  syncing = (async function () {
    const copy = await libraryCopy();
    let more = true;
    while (more) {
      const query = "?limit=" + SYNC_PAGE + (copy.cursor ? "&since=" + encodeURIComponent(copy.cursor) : "");
      const response = await call("/api/v1/sync/" + query, { timeout: 30000 });
      if (!response.ok) throw new Error("sync " + response.status);
      const page = await response.json();
      page.upserts.forEach(function (phrase) { copy.phrases[phrase.key] = phrase; });
      page.deletes.forEach(function (key) { delete copy.phrases[key]; });
      copy.cursor = page.cursor;
      more = page.has_more;
    }
    copy.syncedAt = Date.now();
    await api.storage.local.set({ library: JSON.stringify(copy), error: "",
                                  libraryMeta: { syncedAt: copy.syncedAt, count: Object.keys(copy.phrases).length } });
    prepared = null;
    await flushUses();
    return copy;
  })().finally(function () { syncing = null; });
  return syncing;
}

function uiLanguages() {
  const ui = (api.i18n.getUILanguage() || "en").split("-")[0];
  return [ui];
}

async function searchOffline(q, reason) {
  const phrases = await preparedCopy();
  const results = QuickphrasesLibrary.search(phrases, q, { languages: uiLanguages(), limit: 8 });
  return { results: results, offline: true, syncedAt: preparedMeta.syncedAt, count: preparedMeta.count, reason: reason };
}

async function search(q) {
  if (Date.now() < offlineUntil && (await settings()).token) return searchOffline(q, "unreachable");
  try {
    const response = await call("/api/v1/search/?" + new URLSearchParams({ q: q, limit: "8" }));
    if (response.ok) {
      const data = await response.json();
      maybeSync();
      return { results: data.results, offline: false };
    }
    if (response.status === 400) return { results: [], offline: false };
    return searchOffline(q, "server " + response.status);
  } catch (error) {
    if (error instanceof Revoked) return { error: error.message };
    offlineUntil = Date.now() + RETRY_SERVER_MS;
    return searchOffline(q, "unreachable");
  }
}

async function suggest(message) {
  try {
    const response = await call("/api/v1/suggest/", { method: "POST", body: { message: message.slice(0, 1000), limit: 3 } });
    if (!response.ok) return { results: [] };  // 404 until the suggestions endpoint exists: no suggestions
    const data = await response.json();
    return { results: data.results || [], language: data.language || "" };
  } catch (error) {
    return { results: [] };
  }
}

// Uses made offline wait in storage and go out with the next successful sync.
async function recordUse(message) {
  const pending = (await api.storage.local.get("pendingUses")).pendingUses || [];
  pending.push(message);
  await api.storage.local.set({ pendingUses: pending.slice(-500) });
  await flushUses().catch(function () {});
}

async function flushUses() {
  const pending = (await api.storage.local.get("pendingUses")).pendingUses || [];
  while (pending.length) {
    const use = pending[0];
    const response = await call("/api/v1/phrases/" + encodeURIComponent(use.key) + "/used/",
      { method: "POST", body: { client: "extension" } });
    if (!response.ok && response.status !== 404) break;
    if (use.suggestion) {
      await feedback({ message: use.suggestion.message, language: use.suggestion.language || "", chosen: use.key,
        dismissed: use.suggestion.shown.filter(function (key) { return key !== use.key; }) });
    } else if (use.search) {  // a search that ended in a use: a pick for the words searched
      await feedback({ message: use.search.query, language: use.search.language || "", chosen: use.key,
        dismissed: [], source: "search" });
    }
    pending.shift();
    await api.storage.local.set({ pendingUses: pending });
  }
}

// Feedback for suggestions' learning and /health/'s missing replies; best effort, never retried.
function feedback(body) {
  return call("/api/v1/suggest/feedback/", { method: "POST", body: body }).catch(function () {});
}

// A search that ended with no use (the picker closed, or its words replaced): sent once, with no phrase; the
// server detects its language. Made offline, it is not kept: only uses wait for the server.
async function searchEnded(query) {
  if (Date.now() < offlineUntil) return {};
  await feedback({ message: query.slice(0, 200), chosen: null, dismissed: [], source: "search" });
  return {};
}

let lastSyncTry = 0;
function maybeSync() {
  if (Date.now() - lastSyncTry < 60000) return;
  lastSyncTry = Date.now();
  sync().catch(function () {});
}

async function status() {
  const s = await settings();
  const copy = await libraryMeta();
  const commands = api.commands && api.commands.getAll ? await api.commands.getAll() : [];
  const open = commands.find(function (c) { return c.name === "open-picker"; });
  return { server: s.server, signedIn: Boolean(s.token), name: s.name, error: s.error, syncedAt: copy.syncedAt,
           count: copy.count, shortcut: open ? open.shortcut : "" };
}

async function signIn(server, token, name) {
  server = (server || "").trim();
  token = (token || "").trim();
  if (!/^https?:\/\/[^\s/]+/.test(server)) return { error: "server" };
  if (!/^qp_[A-Za-z0-9_-]{20,}$/.test(token)) return { error: "token" };
  await api.storage.local.set({ server: server, token: token, name: (name || "").trim(), error: "" });
  await api.storage.local.remove(["library", "libraryMeta"]);
  prepared = null;
  try {
    await sync();
    return status();
  } catch (error) {
    if (error instanceof Revoked) return { error: "revoked" };
    await api.storage.local.remove("token");
    return { error: "unreachable" };
  }
}

const handlers = {
  search: function (m) { return search(String(m.q || "").slice(0, 200)); },
  suggest: function (m) { return suggest(String(m.message || "")); },
  used: function (m) {
    const search = m.search && typeof m.search.query === "string" ? { query: m.search.query.slice(0, 200), language: String(m.search.language || "") } : null;
    return recordUse({ key: String(m.key), suggestion: m.suggestion || null, search: search }).then(function () { return {}; });
  },
  searchEnded: function (m) { return searchEnded(String(m.query || "")); },
  status: status,
  signIn: function (m) { return signIn(m.server, m.token, m.name); },
  signOut: function () { return forget("").then(status); },
  sync: function () { return sync().then(status, function (e) { return status().then(function (s) { return Object.assign(s, { syncError: String(e.message) }); }); }); },
  openOptions: function () { return Promise.resolve(api.runtime.openOptionsPage()).then(function () { return {}; }); },
};

api.runtime.onMessage.addListener(function (message, sender, sendResponse) {
  const handler = handlers[message && message.type];
  if (!handler) return false;
  Promise.resolve(handler(message)).then(sendResponse, function (error) { sendResponse({ error: String(error.message || error) }); });
  return true;  // answered asynchronously
});

api.commands.onCommand.addListener(async function (command) {
  if (command !== "open-picker") return;
  const tabs = await api.tabs.query({ active: true, currentWindow: true });
  if (tabs[0]) api.tabs.sendMessage(tabs[0].id, { type: "open" }).catch(function () {});
});

api.alarms.create("sync", { periodInMinutes: SYNC_EVERY_MINUTES });
api.alarms.onAlarm.addListener(function (alarm) { if (alarm.name === "sync") sync().catch(function () {}); });

preparedCopy().catch(function () {});  // ready before the first offline search
