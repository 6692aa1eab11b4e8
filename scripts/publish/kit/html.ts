/**
 * The one escaping helper for every page. `html` is a tagged template that escapes every
 * interpolated value unless it is already `SafeHtml` (the result of another `html` call or of
 * `raw`), so a template has to opt *out* of escaping, never in. Data values (names,
 * descriptions, titles) can hold anything a pull request puts there, such as
 * `<img src=x onerror=alert(1)>`; they must always reach the page as text.
 */

import { escapeHtml } from '../../lib/escapeHtml.ts';

export { escapeHtml };

/** Markup known to be safe: produced by `html`, or a constant the code itself wrote. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** Marks trusted markup (never a data value) as safe to insert without escaping. */
export function raw(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

type Value = SafeHtml | string | number | boolean | null | undefined | readonly Value[];

function render(value: Value): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return (value as readonly Value[]).map(render).join('');
  return escapeHtml(value);
}

/**
 * `html\`<p>${name}</p>\`` escapes `name`. Arrays are joined (so `items.map(i => html\`…\`)`
 * works), and `null`, `undefined` and `false` render as nothing (so `cond && html\`…\`` works).
 */
export function html(strings: TemplateStringsArray, ...values: Value[]): SafeHtml {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]!) + strings[i + 1]!;
  return new SafeHtml(out);
}

/**
 * An address safe to put in `href`: only absolute http(s) URLs pass; anything else
 * (`javascript:`, `data:`, relative paths from data, malformed text) gives undefined, so the
 * caller shows the value as text instead of a link.
 */
export function safeHttpUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  if (!url.hostname) return undefined;
  return url.href;
}

/** Escapes text for XML (SVG badges, sitemaps): the same set as HTML is enough. */
export const escapeXml = escapeHtml;
