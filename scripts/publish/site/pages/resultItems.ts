/**
 * Search results as the search page's script renders them (site/assets/search.js), written
 * into the HTML: the first page of providers is there without JavaScript, and when the
 * script starts it puts back the same markup, so nothing moves.
 */
import type { ProviderView } from '../../../lib/buildRegister.ts';
import { html, type SafeHtml } from '../../kit/html.ts';
import type { SiteInfo } from '../../kit/siteInfo.ts';
import { href, paths } from '../../kit/urls.ts';
import { awardWords, providerScopeText } from '../statusText.ts';

export function resultItems(
  site: SiteInfo,
  providers: readonly ProviderView[],
  serviceTitle: (code: string) => string,
): SafeHtml {
  return html`${providers.map((p) => {
    const words = awardWords(p.status, p.current);
    const { covers, also } = providerScopeText(p, serviceTitle);
    const scope = [covers, also]
      .filter(Boolean)
      .map(
        (text, i) =>
          html`<p class="${i === 0 && covers ? 'result__scope' : 'result__meta'}">${text}</p>`,
      );
    const where = [`${p.town}, ${p.postcode}`, p.local_authority_name].filter(Boolean).join(' · ');
    return html`<li class="result"><h3><a href="${href(site, paths.provider(p.provider_id))}">${p.name}</a></h3>${p.other_names?.length ? html`<p class="result__meta">Also known as ${p.other_names.join('; ')}</p>` : ''}<p><strong class="tag tag--${words.tone}">${words.label}</strong>${words.detail ? ` ${words.detail}` : ''}</p>${scope}<p class="result__meta">${where}</p></li>\n`;
  })}`;
}
