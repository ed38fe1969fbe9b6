// The placeholder grammar for the browser code (the picker, the editor): one ES module, the twin
// of phrases/placeholders.py. A placeholder is a lower-case name in braces: {client_name}.

export const PLACEHOLDER = /\{([a-z][a-z0-9_]*)\}/g;

/** Each placeholder name in `body` once, in the order it first appears. */
export function placeholdersIn(body) {
  return Array.from(new Set(Array.from(body.matchAll(PLACEHOLDER), function (match) { return match[1]; })));
}

/** `body` with each placeholder replaced by `values[name]`; one without a value becomes
 *  `missing(name, whole)` when given, else stays as written. */
export function fillPlaceholders(body, values, missing) {
  return body.replace(PLACEHOLDER, function (whole, name) {
    if (Object.prototype.hasOwnProperty.call(values, name)) return values[name];
    return missing ? missing(name, whole) : whole;
  });
}
