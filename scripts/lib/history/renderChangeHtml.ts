/**
 * A change log entry's words as HTML, for the change log pages and the Atom feed: our words as
 * text, values from the data as `<code>`, names as `<strong>`, all escaped, and any character
 * XML cannot hold replaced, so a provider name can never break a page or the feed.
 */
import type { DiffSection, Line } from '../formatDiff.ts';

// XML 1.0 forbids these; a lone surrogate cannot be written as UTF-8.
const NOT_XML =
  // eslint-disable-next-line no-control-regex -- these are exactly the characters to replace
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Escapes text for HTML or XML content and attribute values. */
export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export function renderLineHtml(line: Line): string {
  return line
    .map((p) =>
      typeof p === 'string'
        ? escapeXml(p)
        : 'value' in p
          ? `<code>${escapeXml(p.value)}</code>`
          : `<strong>${escapeXml(p.name)}</strong>`,
    )
    .join('');
}

/** Sections as headings and lists; `level` is the heading level of each section title. */
export function renderSectionsHtml(sections: readonly DiffSection[], level = 3): string {
  return sections
    .map((s) => {
      const more = s.count > s.items.length ? `<p>And ${s.count - s.items.length} more.</p>` : '';
      const caution = s.caution ? `<p class="notice">${escapeXml(s.caution)}</p>` : '';
      const items = s.items
        .map((item) => {
          const details = item.details.length
            ? `<ul>${item.details.map((d) => `<li>${renderLineHtml(d)}</li>`).join('')}</ul>`
            : '';
          return `<li>${renderLineHtml(item.headline)}${details}</li>`;
        })
        .join('\n');
      return `<h${level}>${escapeXml(s.title)} (${s.count})</h${level}>\n${caution}<ul>\n${items}\n</ul>\n${more}`;
    })
    .join('\n');
}
