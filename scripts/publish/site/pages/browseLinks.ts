/** Links to the browse pages: the way through the register without JavaScript. */
import { html, type SafeHtml } from '../../kit/html.ts';
import type { SiteInfo } from '../../kit/siteInfo.ts';
import { BROWSE_KINDS, browsePaths } from '../browse.ts';
import { href } from '../../kit/urls.ts';

export function browseLinks(site: SiteInfo, headingLevel: 'h2' | 'h3' = 'h2'): SafeHtml {
  const heading =
    headingLevel === 'h2'
      ? html`<h2 id="browse">Browse providers</h2>`
      : html`<h3 id="browse">Browse providers</h3>`;
  return html`<section class="browse-links" aria-labelledby="browse">
    ${heading}
    <ul class="inline-list">
      ${BROWSE_KINDS.map((k) => html`<li><a href="${href(site, browsePaths.index(k.kind))}">${k.title}</a></li> `)}
    </ul>
  </section>`;
}
