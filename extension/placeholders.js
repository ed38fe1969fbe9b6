// The placeholder grammar of phrases/placeholders.py, for the extension: {name} or {name|fallback}.
// Loaded as a plain script (content scripts cannot import modules), it defines QuickphrasesPlaceholders.
(function (root) {
  "use strict";
  const PATTERN = "\\{([a-z][a-z0-9_]*)(?:\\|([^{}|]*))?\\}";

  function matches(body) { return Array.from(body.matchAll(new RegExp(PATTERN, "g"))); }

  // Each placeholder name once, in order.
  function names(body) { return Array.from(new Set(matches(body).map(function (m) { return m[1]; }))); }

  // {name: fallback} for names whose every occurrence has a fallback; the others must be filled.
  function fallbacks(body) {
    const found = {};
    const required = new Set();
    matches(body).forEach(function (m) {
      const fallback = (m[2] || "").trim();
      if (fallback) { if (!(m[1] in found)) found[m[1]] = fallback; } else required.add(m[1]);
    });
    required.forEach(function (name) { delete found[name]; });
    return found;
  }

  // The body with each placeholder as its value, else its fallback.
  function fill(body, values) {
    return body.replace(new RegExp(PATTERN, "g"), function (all, name, fallback) {
      return (values[name] || "").trim() || (fallback || "").trim();
    });
  }

  root.QuickphrasesPlaceholders = { PATTERN: PATTERN, names: names, fallbacks: fallbacks, fill: fill };
})(typeof globalThis !== "undefined" ? globalThis : self);
