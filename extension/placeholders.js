// The placeholder grammar of phrases/placeholders.py for the browser: {name} or {name|fallback}.
// One file for the operator's picker, the writers' editor and the browser extension, which ships a
// byte-identical copy (extension/placeholders.js); tests/exporters/test_placeholder_grammar_js.py
// checks the copy and runs these functions and the Python ones over the same bodies.
// A classic script, not an ES module, because the extension's content scripts and Chromium's
// service worker (importScripts) cannot load modules: it defines one global, QuickphrasesPlaceholders.
(function (root) {
  "use strict";
  const PATTERN = "\\{([a-z][a-z0-9_]*)(?:\\|([^{}|]*))?\\}";

  // Each well-formed placeholder, in order: {start, end, name, fallback} (UTF-16 offsets; the
  // fallback trimmed, "" for none).
  function matches(body) {
    return Array.from(body.matchAll(new RegExp(PATTERN, "g")), function (m) {
      return { start: m.index, end: m.index + m[0].length, name: m[1], fallback: (m[2] || "").trim() };
    });
  }

  // The body as literal strings and {name, fallback} slots, in order (segments() in Python).
  function segments(body) {
    const parts = [];
    let position = 0;
    matches(body).forEach(function (m) {
      if (m.start > position) parts.push(body.slice(position, m.start));
      parts.push({ name: m.name, fallback: m.fallback });
      position = m.end;
    });
    if (position < body.length) parts.push(body.slice(position));
    return parts;
  }

  // Each placeholder name once, in order of appearance.
  function names(body) { return Array.from(new Set(matches(body).map(function (m) { return m.name; }))); }

  // {name: fallback} for names whose every occurrence has a fallback; the others must be filled.
  function fallbacks(body) {
    const found = {};
    const required = new Set();
    matches(body).forEach(function (m) {
      if (m.fallback) { if (!(m.name in found)) found[m.name] = m.fallback; } else required.add(m.name);
    });
    required.forEach(function (name) { delete found[name]; });
    return found;
  }

  // The body with each placeholder as its value, else its fallback, else `missing(name)` ("" by default).
  function fill(body, values, missing) {
    return segments(body).map(function (part) {
      if (typeof part === "string") return part;
      const value = Object.prototype.hasOwnProperty.call(values, part.name) ? String(values[part.name] || "") : "";
      return value.trim() || part.fallback || (missing ? missing(part.name) : "");
    }).join("");
  }

  root.QuickphrasesPlaceholders = {
    PATTERN: PATTERN, matches: matches, segments: segments, names: names, fallbacks: fallbacks, fill: fill,
  };
})(typeof globalThis !== "undefined" ? globalThis : self);
