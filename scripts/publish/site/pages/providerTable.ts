/** A table of providers with their status: the body of every browse page. */
import { DISPLAY_STATUS_LABELS, type ProviderView } from '../../../lib/buildRegister.ts';
import { html, type SafeHtml } from '../../kit/html.ts';
import type { SiteInfo } from '../../kit/siteInfo.ts';
import { formatDate } from '../../kit/format.ts';
import { href, paths } from '../../kit/urls.ts';
import { statusTag } from './statusPanel.ts';

/** The words after a status tag: "until 16 March 2029", "on 3 May 2026". */
export function statusWords(p: ProviderView): string {
  const expires = p.current?.expires_on;
  if (!expires) return '';
  if (p.status === 'accredited' || p.status === 'suspended') return `until ${formatDate(expires)}`;
  if (p.status === 'expired' || p.status === 'lapsed') return `on ${formatDate(expires)}`;
  return '';
}

export function providerTable(
  site: SiteInfo,
  providers: readonly ProviderView[],
  caption: string,
): SafeHtml {
  return html`<div class="table-wrap" role="region" aria-label="${caption}" tabindex="0">
<table class="table providers">
<caption class="visually-hidden">${caption}</caption>
<thead><tr><th scope="col">Provider</th><th scope="col">Kitemark</th><th scope="col">Town</th><th scope="col">Council</th></tr></thead>
<tbody>
${providers.map(
  (p) =>
    html`<tr><th scope="row"><a href="${href(site, paths.provider(p.provider_id))}">${p.name}</a></th><td>${statusTag(p.status, DISPLAY_STATUS_LABELS[p.status])} ${statusWords(p)}</td><td>${p.town}</td><td>${p.local_authority_name}</td></tr>\n`,
)}</tbody>
</table>
</div>`;
}

/** Previous, numbered and next links between the pages of a list. */
export function pageLinks(
  site: SiteInfo,
  page: number,
  pageCount: number,
  pathOf: (page: number) => string,
): SafeHtml {
  if (pageCount <= 1) return html``;
  const pages = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, pageCount])]
    .filter((p) => p >= 1 && p <= pageCount)
    .sort((a, b) => a - b);
  const items: SafeHtml[] = [];
  if (page > 1) {
    items.push(
      html`<li><a href="${href(site, pathOf(page - 1))}" rel="prev">Previous<span class="visually-hidden"> page</span></a></li>`,
    );
  }
  let last = 0;
  for (const p of pages) {
    if (p > last + 1) items.push(html`<li class="pagination__gap">…</li>`);
    items.push(
      p === page
        ? html`<li><a href="${href(site, pathOf(p))}" aria-current="page"><span class="visually-hidden">Page </span>${p}</a></li>`
        : html`<li><a href="${href(site, pathOf(p))}"><span class="visually-hidden">Page </span>${p}</a></li>`,
    );
    last = p;
  }
  if (page < pageCount) {
    items.push(
      html`<li><a href="${href(site, pathOf(page + 1))}" rel="next">Next<span class="visually-hidden"> page</span></a></li>`,
    );
  }
  return html`<nav class="pagination" aria-label="Pages"><ul>${items}</ul></nav>`;
}
