/**
 * /providers/: search with facets (site/assets/search.js). The server-rendered page carries
 * the form, the empty result areas the script fills, and the browse links that work
 * without JavaScript.
 */
import { html } from '../../scripts/publish/kit/html.ts';
import type { Register } from '../../scripts/lib/buildRegister.ts';
import type { SiteInfo } from '../../scripts/publish/kit/siteInfo.ts';
import { href, paths } from '../../scripts/publish/kit/urls.ts';
import { formatCount } from '../../scripts/publish/kit/format.ts';
import { browseLinks } from '../../scripts/publish/site/pages/browseLinks.ts';

export const data = {
  layout: 'base',
  title: 'Find a provider',
  section: 'providers',
  description:
    'Search the register of kitemarked voluntary-sector health and social care providers by name, place, postcode district, service or people supported.',
  permalink: '/providers/',
  scripts: ['search.js'],
};

export function render({ register, site }: { register: Register; site: SiteInfo }): string {
  return html`<h1>Find a provider</h1>
    <p class="lede">
      Search ${formatCount(register.providers.length)} voluntary-sector providers of health and
      social care. Every entry shows whether its kitemark is current.
    </p>
    <form
      id="search-form"
      class="search-form"
      action="${href(site, paths.providers)}"
      method="get"
      role="search"
    >
      <label for="search-q"
        >Search by name, town, postcode district, service or people supported</label
      >
      <div class="search-form__row">
        <input
          id="search-q"
          name="q"
          type="search"
          autocomplete="off"
          spellcheck="false"
          maxlength="200"
        />
        <button type="submit" class="button">Search</button>
      </div>
    </form>
    <noscript
      ><p class="notice">
        Searching needs JavaScript, which is off or blocked. You can still find every provider
        through the browse pages below.
      </p></noscript
    >
    <div
      id="search-app"
      class="search-app"
      hidden
      data-search="${href(site, 'search/')}"
      data-site-url="${site.url}"
      data-lunr="${href(site, paths.assets('lunr.min.js'))}"
    >
      <div class="search-layout">
        <div class="search-filters">
          <h2 class="visually-hidden">Filters</h2>
          <form id="facets" aria-label="Filter results"></form>
          <button type="button" id="clear-filters" class="link-button" hidden>Clear filters</button>
        </div>
        <div class="search-results">
          <h2 id="results-heading" tabindex="-1">Results</h2>
          <p id="result-count" role="status" aria-live="polite">Loading…</p>
          <p id="search-notice" class="notice" hidden></p>
          <p id="direct-link" class="notice" hidden></p>
          <div class="results-bar">
            <label for="sort">Sort by</label>
            <select id="sort" name="sort"></select>
          </div>
          <ol id="results" class="results-list"></ol>
          <nav id="pagination" class="pagination" aria-label="Results pages"></nav>
          <div class="downloads">
            <p>
              Download these results:
              <button type="button" class="button button--secondary" data-download="csv">
                CSV
              </button>
              <button type="button" class="button button--secondary" data-download="json">
                JSON
              </button>
            </p>
            <p id="download-status" role="status" aria-live="polite"></p>
            <p class="hint">
              The whole register, with every field, is on the
              <a href="${href(site, paths.data)}">data page</a>.
            </p>
          </div>
        </div>
      </div>
    </div>
    ${browseLinks(site)}`.value;
}
