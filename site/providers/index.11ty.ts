/**
 * /providers/: search with facets (site/assets/search.js), phone first: the count and the
 * results straight under the box, the filters behind a "Filters" button on small screens.
 * The HTML carries the first page of providers, in the script's own markup, and the browse
 * links; the search form, filters, sorting and downloads need the script and are shown by it.
 */
import { html } from '../../scripts/publish/kit/html.ts';
import type { Register } from '../../scripts/lib/buildRegister.ts';
import type { SiteInfo } from '../../scripts/publish/kit/siteInfo.ts';
import { href, paths } from '../../scripts/publish/kit/urls.ts';
import { formatCount } from '../../scripts/publish/kit/format.ts';
import { browseLinks } from '../../scripts/publish/site/pages/browseLinks.ts';
import { resultItems } from '../../scripts/publish/site/pages/resultItems.ts';
import { sortByName } from '../../scripts/publish/site/sortProviders.ts';
import { browsePaths } from '../../scripts/publish/site/browse.ts';
import { plural } from '../../scripts/lib/words.ts';
import { PAGE_SIZE } from '../assets/search/urlState.js';

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
  const serviceTitle = (code: string) =>
    register.codelists.get('services')?.get(code)?.title ?? code;
  const first = sortByName(register.providers).slice(0, PAGE_SIZE);
  const total = register.providers.length;
  return html`<h1>Find a provider</h1>
    <p class="lede">
      Search ${formatCount(total)} voluntary-sector providers of health and social care. Every
      entry shows whether its kitemark is current and what it covers.
    </p>
    <form
      id="search-form"
      class="search-form needs-js"
      action="${href(site, paths.providers)}"
      method="get"
      role="search"
    >
      <label for="search-q">Search by name, postcode, town, council, service or people supported</label>
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
        Searching needs JavaScript, which is off or blocked. The first providers by name are below,
        and you can find every provider through the browse pages.
      </p></noscript
    >
    <p class="no-print"><a class="skip-results" href="#results-heading">Skip to results</a></p>
    <div
      id="search-app"
      class="search-app"
      data-search="${href(site, 'search/')}"
      data-site-url="${site.url}"
      data-lunr="${href(site, paths.assets('lunr.min.js'))}"
    >
      <div class="search-layout">
        <button
          type="button"
          id="filters-toggle"
          class="button button--secondary filters-toggle needs-js"
          aria-expanded="false"
          aria-controls="search-filters"
        >
          Filters
        </button>
        <div class="search-filters" id="search-filters">
          <h2 class="visually-hidden">Filters</h2>
          <form id="facets" aria-label="Filter results"></form>
          <button type="button" id="clear-filters" class="link-button" hidden>Clear filters</button>
        </div>
        <div class="search-results">
          <h2 id="results-heading" tabindex="-1">Results</h2>
          <p id="result-count" role="status" aria-live="polite">
            ${plural(total, 'provider')}${total > PAGE_SIZE ? `. Showing 1 to ${PAGE_SIZE}` : ''}.
          </p>
          <ul id="selected-filters" class="selected-filters" aria-label="Selected filters" hidden></ul>
          <p id="search-notice" class="notice" hidden></p>
          <p id="direct-link" class="notice" hidden></p>
          <div class="results-bar needs-js">
            <label for="sort">Sort by</label>
            <select id="sort" name="sort"></select>
          </div>
          <ol id="results" class="results-list">
            ${resultItems(site, first, serviceTitle)}
          </ol>
          <nav id="pagination" class="pagination" aria-label="Results pages">
            ${total > PAGE_SIZE ? html`<noscript><p>The first ${PAGE_SIZE} providers by name. <a href="${href(site, browsePaths.index('a-z'))}">See every provider, A to Z</a>, or browse by council, service or status below.</p></noscript>` : ''}
          </nav>
          <div class="downloads needs-js">
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
