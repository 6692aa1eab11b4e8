/**
 * Safe Markdown for GitHub comments, issues and pull requests. Everything we print there
 * includes text that someone else wrote (provider names, form answers, messages quoting cell
 * values), and GitHub Markdown is an attack surface: `@team` pings people, `#12` cross-links
 * issues, `<!-- -->` could forge the bot's hidden marker, `[x](javascript:…)` and images fetch
 * URLs, and a newline can start a heading. These helpers make any text inert.
 */

/** A zero-width space: after `@` or `#` it stops GitHub linking a mention or reference. */
const ZWSP = '&#8203;';

/** Collapses every run of whitespace and control characters to one space, and trims. */
export function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\s\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').trim();
}

/** At most `max` characters (whole code points), ending in `…` when cut. */
export function truncate(text: string, max: number): string {
  const points = [...text];
  return points.length <= max ? text : `${points.slice(0, Math.max(0, max - 1)).join('')}…`;
}

/**
 * Plain text as inert Markdown on one line: emphasis, links, images, HTML, tables, mentions,
 * issue references and autolinks all neutralised. The reader sees the same characters.
 */
export function escapeMarkdown(text: string, max = 300): string {
  return truncate(oneLine(text), max)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_{}[\]()!|~^=+-]/g, (c) => `\\${c}`)
    .replace(/([@#])/g, `$1${ZWSP}`)
    .replace(/:\/\//g, `:${ZWSP}//`)
    .replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}${ZWSP}.`);
}

/**
 * A value as an inline code span: shown exactly, never interpreted. The fence is longer than
 * any run of backticks inside, as CommonMark requires; `|` is escaped so tables stay whole.
 */
export function codeSpan(value: string, max = 120): string {
  const text = truncate(oneLine(value), max);
  if (text === '') return '*(empty)*';
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') || /^ .* $/.test(text) ? ' ' : '';
  return `${fence}${pad}${text.replace(/\|/g, '\\|')}${pad}${fence}`;
}

/** Only our own, checked URLs become links; anything else is shown as text. */
export function link(text: string, url: string): string {
  if (
    !/^https:\/\/[A-Za-z0-9.-]+(:\d+)?(\/[A-Za-z0-9._~%!$&'*+,;=:@/-]*)?(#[A-Za-z0-9_-]*)?$/.test(
      url,
    )
  ) {
    return escapeMarkdown(text);
  }
  return `[${escapeMarkdown(text)}](${url.replace(/[()]/g, encodeURIComponent)})`;
}
