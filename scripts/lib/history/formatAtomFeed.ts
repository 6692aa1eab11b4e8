/**
 * The change log as an Atom 1.0 feed (RFC 4287): the newest entries, each with a permanent id
 * (its page's address), the commit date, the author, a one-line summary and the changes in
 * HTML. Readers subscribe to it to follow the register.
 */
import type { ChangeLog, ChangeLogEntry } from './buildChangeLog.ts';
import { escapeXml, renderSectionsHtml } from './renderChangeHtml.ts';

export interface AtomFeedOptions {
  title: string;
  subtitle?: string;
  /** Absolute address of the feed itself. */
  feedUrl: string;
  /** Absolute address of the change log page. */
  pageUrl: string;
  /** Absolute address of an entry's own page. */
  entryUrl: (entry: ChangeLogEntry) => string;
  publisher: string;
  rights: string;
  /** Used as the feed's `updated` when there are no entries. */
  updated: string;
  /** How many of the newest entries to include (default 50). */
  limit?: number;
}

export function formatAtomFeed(log: ChangeLog, options: AtomFeedOptions): string {
  const entries = log.entries.slice(0, options.limit ?? 50);
  const updated = entries[0]?.date ?? options.updated;
  const x = escapeXml;
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-GB">',
    `<title>${x(options.title)}</title>`,
    ...(options.subtitle ? [`<subtitle>${x(options.subtitle)}</subtitle>`] : []),
    `<id>${x(options.pageUrl)}</id>`,
    `<link rel="self" type="application/atom+xml" href="${x(options.feedUrl)}"/>`,
    `<link rel="alternate" type="text/html" href="${x(options.pageUrl)}"/>`,
    `<updated>${x(updated)}</updated>`,
    `<author><name>${x(options.publisher)}</name></author>`,
    `<rights>${x(options.rights)}</rights>`,
    '<generator>Kitemark Register</generator>',
    ...entries.map((e) => formatEntry(e, options)),
    '</feed>',
    '',
  ];
  return lines.join('\n');
}

function formatEntry(e: ChangeLogEntry, options: AtomFeedOptions): string {
  const x = escapeXml;
  const url = options.entryUrl(e);
  const title = `${e.summary.replace(/\.$/, '')}${e.pullRequest !== undefined ? ` (#${e.pullRequest})` : ''}`;
  const provenance = [
    `<p>Commit <a href="${x(e.commitUrl ?? url)}"><code>${x(e.short)}</code></a>`,
    e.pullRequest !== undefined
      ? ` from pull request ${e.pullRequestUrl ? `<a href="${x(e.pullRequestUrl)}">#${e.pullRequest}</a>` : `#${e.pullRequest}`}`
      : '',
    e.version?.after ? `; register version ${x(e.version.after)}` : '',
    `: ${x(e.subject)}</p>`,
  ].join('');
  const html = `${provenance}\n${renderSectionsHtml(e.sections, 3)}`;
  const categories = e.sections.map((s) => `<category term="${x(s.id)}" label="${x(s.title)}"/>`);
  return [
    '<entry>',
    `<title>${x(title)}</title>`,
    `<id>${x(url)}</id>`,
    `<link rel="alternate" type="text/html" href="${x(url)}"/>`,
    `<published>${x(e.date)}</published>`,
    `<updated>${x(e.date)}</updated>`,
    `<author><name>${x(e.author || options.publisher)}</name></author>`,
    ...categories,
    `<summary>${x(e.summary)}</summary>`,
    `<content type="html">${x(html)}</content>`,
    '</entry>',
  ].join('\n');
}
