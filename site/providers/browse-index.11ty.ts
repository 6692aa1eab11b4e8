/** The index of each kind of browse page: /providers/a-z/, /providers/local-authority/ … */
import { html, type SafeHtml } from '../../scripts/publish/kit/html.ts';
import type { SiteInfo } from '../../scripts/publish/kit/siteInfo.ts';
import {
  BROWSE_KINDS,
  browsePaths,
  type BrowseGroup,
  type BrowseKind,
} from '../../scripts/publish/site/browse.ts';
import { href, paths } from '../../scripts/publish/kit/urls.ts';
import { formatCount } from '../../scripts/publish/kit/format.ts';
import { browseLinks } from '../../scripts/publish/site/pages/browseLinks.ts';

type Kind = (typeof BROWSE_KINDS)[number];

export const data = {
  layout: 'base',
  section: 'providers',
  pagination: { data: 'browseKinds', size: 1, alias: 'kind' },
  browseKinds: BROWSE_KINDS,
  eleventyExcludeFromCollections: true,
  permalink: (d: { kind: Kind }) => `/${browsePaths.index(d.kind.kind)}`,
  eleventyComputed: {
    title: (d: { kind: Kind }) => d.kind.heading,
  },
  breadcrumbs: [{ title: 'Find a provider', path: paths.providers }],
};

function groupList(site: SiteInfo, groups: readonly BrowseGroup[], kind: BrowseKind): SafeHtml {
  return html`<ul class="${kind === 'a-z' ? 'letters' : 'columns'}">
    ${groups.map((g) => html`<li><a href="${href(site, browsePaths.group(g.kind, g.key))}">${g.title}</a> <span class="count">(${g.providers.length > 0 ? formatCount(g.providers.length) : 'other names only'})</span></li> `)}
  </ul>`;
}

export function render({
  kind,
  site,
  browse,
}: {
  kind: Kind;
  site: SiteInfo;
  browse: { groups: BrowseGroup[] };
}): string {
  const groups = browse.groups.filter((g) => g.kind === kind.kind);
  let body: SafeHtml;
  if (kind.kind === 'local-authority') {
    const regions = new Map<string, BrowseGroup[]>();
    for (const g of groups) {
      const key = g.parent ?? 'Other';
      regions.set(key, [...(regions.get(key) ?? []), g]);
    }
    body = html`${[...regions]
      .sort((a, b) => a[0].localeCompare(b[0], 'en-GB'))
      .map(
        ([region, list]) =>
          html`<h2>${region}</h2>
            ${groupList(site, list, kind.kind)} `,
      )}`;
  } else {
    body = groupList(site, groups, kind.kind);
  }
  return html`<h1>${kind.heading}</h1>
    <p>
      Every provider on the register is listed here, in name order; the number after each is how
      many providers it has. To search instead, go to
      <a href="${href(site, paths.providers)}">find a provider</a>.
    </p>
    ${groups.length === 0 ? html`<p>No providers are on the register yet.</p>` : body}
    ${browseLinks(site)}`.value;
}
