/**
 * Every address the site publishes, in one place, so pages, JSON twins, badges, the sitemap
 * and the tests agree. Paths here are relative to the site root and never start with `/`;
 * `href` puts the base path in front, `absoluteUrl` the full site address.
 */
import type { SiteInfo } from './siteInfo.ts';

export const paths = {
  home: '',
  providers: 'providers/',
  provider: (id: string) => `providers/${encodeURIComponent(id)}/`,
  providerJson: (id: string) => `providers/${encodeURIComponent(id)}.json`,
  /** A provider's record history: written by the data publisher (issue 4). */
  providerHistory: (id: string) => `providers/${encodeURIComponent(id)}/history/`,
  certificates: 'certificates/',
  certificate: (id: string) => `certificates/${encodeURIComponent(id)}/`,
  certificateJson: (id: string) => `certificates/${encodeURIComponent(id)}.json`,
  badge: (id: string) => `badges/${encodeURIComponent(id)}.svg`,
  commissioners: 'commissioners/',
  about: 'about/',
  apply: 'apply/',
  approval: 'about/approving-changes/',
  api: 'api/',
  /** Owned by the data engineer (issue 4). */
  data: 'data/',
  /** Owned by the contracts engineer (issue 5). */
  contracts: 'contracts/',
  contract: (id: string) => `contracts/${encodeURIComponent(id)}/`,
  search: 'search/',
  assets: (file: string) => `assets/${file}`,
} as const;

/** A root-relative address for a link on the site: `href(site, 'providers/')` is `/providers/`. */
export function href(site: Pick<SiteInfo, 'basePath'>, path: string): string {
  return site.basePath + path.replace(/^\/+/, '');
}

/** A full address, for things read off the site: sitemaps, badges, JSON `url` fields. */
export function absoluteUrl(site: Pick<SiteInfo, 'url'>, path: string): string {
  return site.url + path.replace(/^\/+/, '');
}

/** The file an address is written to: `providers/P000001/` is `providers/P000001/index.html`. */
export function outputFile(path: string): string {
  return path === '' || path.endsWith('/') ? `${path}index.html` : path;
}
