// The page's words: UI text comes from messages.properties (js.* keys), rendered into the page as JSON by the
// server; this formats one entry with its positional arguments, MessageFormat style ({0}, {1}, ...).

/** Replaces {0}, {1}, ... in a template with the arguments, as text. */
export function formatMessage(template, args = []) {
  return String(template).replace(/\{(\d+)\}/g, (_, k) => String(args[Number(k)]));
}

/** t(key, ...args) over a key → template table; an unknown key is shown as itself so a gap is visible. */
export function translator(text = {}) {
  return (key, ...args) => formatMessage(text[key] ?? key, args);
}
