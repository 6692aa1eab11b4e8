/**
 * The change log pages: `/data/changes/` (newest first, paged), and one page per change at
 * `/data/changes/<commit>/`, the permanent address the Atom feed links to.
 */
import type { ChangeLog, ChangeLogEntry } from '../../../lib/history/buildChangeLog.ts';
import { renderSectionsHtml } from '../../../lib/history/renderChangeHtml.ts';
import { html, raw, type SafeHtml } from '../../kit/html.ts';
import { renderPage } from '../../kit/layout.ts';
import { formatDate, ukDay } from '../../kit/format.ts';
import type { SiteInfo } from '../../kit/siteInfo.ts';
import { dataPaths, href } from '../../kit/urls.ts';

export const ENTRIES_PER_PAGE = 50;

const FEEDS = [
  { type: 'application/atom+xml', path: dataPaths.feed, title: 'Register changes (Atom)' },
  { type: 'application/json', path: dataPaths.changesJson, title: 'Register changes (JSON)' },
];

function provenance(site: SiteInfo, e: ChangeLogEntry): SafeHtml {
  return html`<time datetime="${e.date}">${formatDate(ukDay(e.date))}</time> · commit
    ${e.commitUrl ? html`<a href="${e.commitUrl}"><code>${e.short}</code></a>` : html`<code>${e.short}</code>`}${e.pullRequest !== undefined ? html` · pull request ${e.pullRequestUrl ? html`<a href="${e.pullRequestUrl}">#${e.pullRequest}</a>` : `#${e.pullRequest}`}` : ''}${e.version?.after ? html` · version ${e.version.after}` : ''}
    · ${e.author}`;
}

/** Every page of the change log, by path. */
export function renderChangeLogPages(site: SiteInfo, log: ChangeLog): Map<string, string> {
  const pages = new Map<string, string>();
  const url = (path: string) => href(site, path);
  const count = Math.max(1, Math.ceil(log.entries.length / ENTRIES_PER_PAGE));
  for (let page = 1; page <= count; page++) {
    const entries = log.entries.slice((page - 1) * ENTRIES_PER_PAGE, page * ENTRIES_PER_PAGE);
    const path = dataPaths.changesPage(page);
    const body = html`<h1>What changed${page > 1 ? html` (page ${page} of ${count})` : ''}</h1>
      <p class="lede">
        Every change to the register, newest first: what changed, when, in which commit and from
        which pull request.
      </p>
      <p>
        Follow it: <a href="${url(dataPaths.feed)}">Atom feed</a> · as data:
        <a href="${url(dataPaths.changesJson)}">JSON</a>,
        <a href="${url(dataPaths.changesCsv)}">CSV</a> (one row per record changed) ·
        <a href="${url(dataPaths.versions)}">versions</a>
      </p>
      ${log.note ? html`<p class="notice">${log.note}</p>` : ''}
      ${entries.length === 0 ? html`<p>No changes recorded yet.</p>` : ''}
      <ol class="change-log">
        ${entries.map(
          (e) =>
            html`<li>
              <h2><a href="${url(dataPaths.change(e.commit))}">${e.summary}</a></h2>
              <p class="caption">${provenance(site, e)}</p>
              <p>${e.subject}</p>
            </li> `,
        )}
      </ol>
      ${
        count > 1
          ? html`<nav aria-label="Pages of the change log">
              <ul class="pagination">
                ${page > 1 ? html`<li><a href="${url(dataPaths.changesPage(page - 1))}" rel="prev">Newer changes</a></li>` : ''}
                ${page < count ? html`<li><a href="${url(dataPaths.changesPage(page + 1))}" rel="next">Older changes</a></li>` : ''}
              </ul>
            </nav>`
          : ''
      }`;
    pages.set(
      path,
      renderPage(site, {
        title: page > 1 ? `What changed (page ${page})` : 'What changed',
        path,
        section: 'data',
        body,
        breadcrumbs: [{ title: 'Data', path: dataPaths.downloads }],
        description: `Every change to the ${site.title}, newest first.`,
        alternates: FEEDS,
      }),
    );
  }
  for (const e of log.entries) {
    const path = dataPaths.change(e.commit);
    const body = html`<h1>${e.summary}</h1>
      <p class="caption">${provenance(site, e)}</p>
      <p>${e.subject}</p>
      ${raw(renderSectionsHtml(e.sections, 2))}
      <p><a href="${url(dataPaths.changes)}">Every change</a></p>`;
    pages.set(
      path,
      renderPage(site, {
        title: `Change ${e.short}: ${e.summary}`,
        path,
        section: 'data',
        body,
        breadcrumbs: [
          { title: 'Data', path: dataPaths.downloads },
          { title: 'What changed', path: dataPaths.changes },
        ],
        description: e.summary,
        alternates: FEEDS,
      }),
    );
  }
  return pages;
}
