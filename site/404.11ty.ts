/**
 * The page a static host serves for any unknown address (GitHub Pages serves /404.html).
 * It helps with the two likeliest mistakes: a mistyped provider address and a certificate
 * number that is not on the register, which for a commissioner is the important answer.
 */
import { html } from '../scripts/publish/kit/html.ts';
import type { SiteInfo } from '../scripts/publish/kit/siteInfo.ts';
import { href, paths } from '../scripts/publish/kit/urls.ts';
import { browseLinks } from '../scripts/publish/site/pages/browseLinks.ts';

export const data = {
  layout: 'base',
  title: 'Page not found',
  permalink: '/404.html',
  noindex: true,
  eleventyExcludeFromCollections: true,
};

export function render({ site }: { site: SiteInfo }): string {
  const url = (path: string) => href(site, path);
  return html`<h1>Page not found</h1>
    <p class="lede">There is nothing at this address. If you typed it, check it is correct.</p>
    <h2>Checking a certificate?</h2>
    <p>
      If you followed or typed the address of a kitemark certificate and reached this page,
      <strong>that certificate is not on the register</strong>. Check the number on the
      <a href="${url(paths.certificates)}">certificate check</a>; if it is right, the certificate is
      not genuine.
    </p>
    <h2>Looking for a provider?</h2>
    <form class="search-form" action="${url(paths.providers)}" method="get" role="search">
      <label for="notfound-q">Search for a provider</label>
      <div class="search-form__row">
        <input
          id="notfound-q"
          name="q"
          type="search"
          autocomplete="off"
          spellcheck="false"
          maxlength="200"
        />
        <button type="submit" class="button">Search</button>
      </div>
    </form>
    ${browseLinks(site)}
    <p>Or go to the <a href="${url(paths.home)}">home page</a>.</p>`.value;
}
