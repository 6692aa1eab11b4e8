/**
 * The one HTML escaper, for the site's pages (scripts/publish/kit/html.ts builds its tagged template on
 * it) and for rendered contracts, in the build and in the browser alike.
 */
const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

const SPECIAL = /[&<>"'`]/;
const SPECIALS = /[&<>"'`]/g;

/** Escapes text for use in element content and in quoted attribute values. */
export function escapeHtml(value: unknown): string {
  const text = String(value ?? '');
  // Most values need no escaping; testing first avoids building a new string for them.
  return SPECIAL.test(text) ? text.replace(SPECIALS, (c) => ESCAPES[c]!) : text;
}
