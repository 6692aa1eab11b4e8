/** A table of providers with their status: the body of every browse page. */
import type { ProviderView } from '../../../lib/buildRegister.ts';
import { html, type SafeHtml } from '../../kit/html.ts';
import type { SiteInfo } from '../../kit/siteInfo.ts';
import { awardWords, providerScopeText } from '../statusText.ts';
import { href, paths } from '../../kit/urls.ts';
import { statusTag } from './statusPanel.ts';

/** The status tag and its words, then what the kitemark covers and what it does not. */
export function providerStatusCell(p: ProviderView, serviceTitle: (code: string) => string) {
  const words = awardWords(p.status, p.current);
  const { covers, also } = providerScopeText(p, serviceTitle);
  return html`${statusTag(words.tone, words.label)} ${words.detail}${covers ? html`<span class="scope">${covers}</span>` : ''}${also ? html`<span class="scope scope--other">${also}</span>` : ''}`;
}

export function providerTable(
  site: SiteInfo,
  providers: readonly ProviderView[],
  caption: string,
  serviceTitle: (code: string) => string,
): SafeHtml {
  return html`<div class="table-wrap" role="region" aria-label="${caption}" tabindex="0">
<table class="table providers">
<caption class="visually-hidden">${caption}</caption>
<thead><tr><th scope="col">Provider</th><th scope="col">Kitemark</th><th scope="col">Town</th><th scope="col">Council</th></tr></thead>
<tbody>
${providers.map(
  (p) =>
    html`<tr><th scope="row"><a href="${href(site, paths.provider(p.provider_id))}">${p.name}</a></th><td data-label="Kitemark">${providerStatusCell(p, serviceTitle)}</td><td data-label="Town">${p.town}</td><td data-label="Council">${p.local_authority_name}</td></tr>\n`,
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
