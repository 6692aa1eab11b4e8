/** One page of a browse group: /providers/a-z/b/, /providers/service/befriending/2/ … */
import { html } from '../../scripts/publish/kit/html.ts';
import type { SiteInfo } from '../../scripts/publish/kit/siteInfo.ts';
import type { Register } from '../../scripts/lib/buildRegister.ts';
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
      return `Providers based in or serving ${title}`;
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
  register,
}: {
  browsePage: BrowsePage;
  site: SiteInfo;
  register: Register;
}): string {
  const { group } = page;
  const serviceTitle = (code: string) =>
    register.codelists.get('services')?.get(code)?.title ?? code;
  // A provider offering a service is not accredited for it unless its kitemark covers it.
  const covered =
    group.kind === 'service'
      ? group.providers.filter(
          (p) => p.status === 'accredited' && (p.current?.scope ?? []).includes(group.key),
        ).length
      : undefined;
  const first = (page.page - 1) * 200 + 1;
  const pathOf = (n: number) => browsePaths.group(group.kind, group.key, n);
  // Other names are listed once, on the letter's first page.
  const otherNames = page.page === 1 ? (group.otherNames ?? []) : [];
  return html`<h1>${heading(page)}</h1>
    <p>
      ${plural(group.providers.length, 'provider')}${page.pageCount > 1 ? `, ${first.toLocaleString('en-GB')} to ${(first + page.providers.length - 1).toLocaleString('en-GB')} shown` : ''},
      by name.${covered !== undefined ? ` ${covered.toLocaleString('en-GB')} of them hold a current kitemark that covers ${group.title.charAt(0).toLowerCase()}${group.title.slice(1)}; each entry says what its kitemark covers.` : ''}${otherNames.length > 0 ? html` <a href="#other-names">Other names beginning with ${group.title}</a> are listed after them.` : ''}
    </p>
    ${pageLinks(site, page.page, page.pageCount, pathOf)}
    ${group.kind === 'local-authority' ? councilTables(site, page, serviceTitle) : group.providers.length > 0 ? providerTable(site, page.providers, heading(page), serviceTitle) : ''}
    ${pageLinks(site, page.page, page.pageCount, pathOf)}
    ${otherNames.length > 0 ? otherNamesList(site, group.title, otherNames) : ''}`.value;
}

/** A council's providers: those based there, then those serving it from elsewhere. */
function councilTables(site: SiteInfo, page: BrowsePage, serviceTitle: (code: string) => string) {
  const { group } = page;
  const based = page.providers.filter((p) => p.local_authority === group.key);
  const serving = page.providers.filter((p) => p.local_authority !== group.key);
  const basedCount = group.providers.length - (group.serving ?? 0);
  return html`<h2 id="based">Based in ${group.title} (${basedCount.toLocaleString('en-GB')})</h2>
    ${based.length > 0 ? providerTable(site, based, `Providers based in ${group.title}`, serviceTitle) : basedCount > 0 ? html`<p>Listed on the earlier pages.</p>` : html`<p>No provider on the register is based in ${group.title}.</p>`}
    <h2 id="serving">Serving ${group.title} from elsewhere (${(group.serving ?? 0).toLocaleString('en-GB')})</h2>
    ${serving.length > 0 ? providerTable(site, serving, `Providers serving ${group.title} from elsewhere`, serviceTitle) : (group.serving ?? 0) > 0 ? html`<p>Listed on the next pages.</p>` : html`<p>No provider based elsewhere lists ${group.title} among the areas it serves.</p>`}`;
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
