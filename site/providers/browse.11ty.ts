/** One page of a browse group: /providers/a-z/b/, /providers/service/befriending/2/ … */
import { html } from '../../scripts/publish/kit/html.ts';
import type { SiteInfo } from '../../scripts/publish/kit/siteInfo.ts';
import {
  BROWSE_KINDS,
  browsePaths,
  type BrowsePage,
  type OtherName,
} from '../../scripts/publish/site/browse.ts';
import { pageLinks, providerTable } from '../../scripts/publish/site/pages/providerTable.ts';
import { href, paths } from '../../scripts/publish/kit/urls.ts';
import { plural } from '../../scripts/lib/words.ts';

function heading(page: BrowsePage): string {
  const { kind, title } = page.group;
  switch (kind) {
    case 'a-z':
      return `Providers: ${title}`;
    case 'local-authority':
      return `Providers based in ${title}`;
    case 'service':
      return `Providers of ${title.charAt(0).toLowerCase()}${title.slice(1)}`;
    case 'region':
      return `Providers in ${title}`;
    default:
      return `Providers: ${title.toLowerCase()}`;
  }
}

export const data = {
  layout: 'base',
  section: 'providers',
  pagination: {
    data: 'browse.pages',
    size: 1,
    alias: 'browsePage',
    addAllPagesToCollections: false,
  },
  eleventyExcludeFromCollections: true,
  permalink: (d: { browsePage: BrowsePage }) => `/${d.browsePage.path}`,
  eleventyComputed: {
    title: (d: { browsePage: BrowsePage }) =>
      `${heading(d.browsePage)}${d.browsePage.page > 1 ? ` (page ${d.browsePage.page})` : ''}`,
    breadcrumbs: (d: { browsePage: BrowsePage }) => {
      const kind = BROWSE_KINDS.find((k) => k.kind === d.browsePage.group.kind)!;
      return [
        { title: 'Find a provider', path: paths.providers },
        { title: kind.heading, path: browsePaths.index(kind.kind) },
      ];
    },
  },
};

export function render({
  browsePage: page,
  site,
}: {
  browsePage: BrowsePage;
  site: SiteInfo;
}): string {
  const { group } = page;
  const first = (page.page - 1) * 200 + 1;
  const pathOf = (n: number) => browsePaths.group(group.kind, group.key, n);
  // Other names are listed once, on the letter's first page.
  const otherNames = page.page === 1 ? (group.otherNames ?? []) : [];
  return html`<h1>${heading(page)}</h1>
    <p>
      ${plural(group.providers.length, 'provider')}${page.pageCount > 1 ? `, ${first.toLocaleString('en-GB')} to ${(first + page.providers.length - 1).toLocaleString('en-GB')} shown` : ''},
      by name.${otherNames.length > 0 ? html` <a href="#other-names">Other names beginning with ${group.title}</a> are listed after them.` : ''}
    </p>
    ${pageLinks(site, page.page, page.pageCount, pathOf)}
    ${group.providers.length > 0 ? providerTable(site, page.providers, heading(page)) : ''}
    ${pageLinks(site, page.page, page.pageCount, pathOf)}
    ${otherNames.length > 0 ? otherNamesList(site, group.title, otherNames) : ''}`.value;
}

function otherNamesList(site: SiteInfo, letter: string, names: readonly OtherName[]) {
  return html`<h2 id="other-names">Other names beginning with ${letter}</h2>
    <p>Names providers are also known by: a working name, an earlier name, a short name.</p>
    <ul class="other-names">
      ${names.map(
        (o) =>
          html`<li>${o.name}: see <a href="${href(site, paths.provider(o.provider.provider_id))}">${o.provider.name}</a></li>`,
      )}
    </ul>`;
}
