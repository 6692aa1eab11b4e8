/**
 * Every address the site publishes, in one place, so pages, JSON twins, badges, the sitemap,
 * the open-data and contract publishers and the tests agree: `paths` for the register's pages,
 * `dataPaths` for the open data, `contractPaths` for the contract templates. Paths here are relative to the site root and never start with `/`;
 * `href` puts the base path in front, `absoluteUrl` the full site address.
 */
import type { SiteInfo } from './siteInfo.ts';
import { archiveName } from '../../lib/releaseArchive.ts';

export const paths = {
  home: '',
  providers: 'providers/',
  provider: (id: string) => `providers/${encodeURIComponent(id)}/`,
  providerJson: (id: string) => `providers/${encodeURIComponent(id)}.json`,
  /** A provider's record history, written by the open-data publisher. */
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
  /** The HSDS 3.0 feed: its `GET /` document; records and pages below it. */
  hsds: 'hsds/',
  /** The open data: see `dataPaths`. */
  data: 'data/',
  /** The contract templates: see `contractPaths`. */
  contracts: 'contracts/',
  contract: (id: string) => `contracts/${encodeURIComponent(id)}/`,
  search: 'search/',
  assets: (file: string) => `assets/${file}`,
} as const;

/** The open-data part of the site: downloads, versions, the change log and its feed. */
export const dataPaths = {
  downloads: paths.data,
  file: (path: string) => `data/${path}`,
  dictionary: 'data/dictionary/',
  dictionaryCsv: 'data/data-dictionary.csv',
  dictionaryJson: 'data/data-dictionary.json',
  /** The DCAT catalogue of the downloads (JSON-LD). */
  catalogue: 'data/catalog.jsonld',
  versions: 'data/versions/',
  versionIndex: 'data/v/index.json',
  version: (version: string) => `data/v/${version}/`,
  /** A version's archive, when this site serves it (one not yet on a GitHub Release). */
  versionArchive: (version: string) => `data/v/${version}/${archiveName(version)}`,
  latest: 'data/latest/',
  changes: 'data/changes/',
  changesPage: (page: number) => (page <= 1 ? 'data/changes/' : `data/changes/page/${page}/`),
  change: (commit: string) => `data/changes/${commit}/`,
  feed: 'data/changes.atom',
  changesJson: 'data/changes.json',
  changesCsv: 'data/changes.csv',
  template: (file: string) => `data/templates/${file}`,
  schema: (file: string) => `schema/${file}`,
  providerHistory: paths.providerHistory,
} as const;

/** The contract pages and their downloads. */
export const contractPaths = {
  index: paths.contracts,
  template: (id: string) => `contracts/${encodeURIComponent(id)}/`,
  version: (id: string, version: string) =>
    `contracts/${encodeURIComponent(id)}/${encodeURIComponent(version)}/`,
  fill: (id: string, version: string) => `${contractPaths.version(id, version)}fill/`,
  compare: (id: string) => `${contractPaths.template(id)}compare/`,
  comparePair: (id: string, from: string, to: string) =>
    `${contractPaths.compare(id)}${encodeURIComponent(from)}-to-${encodeURIComponent(to)}/`,
  /** A download of one version: `docx`, `md`, `html` or `json`. */
  download: (id: string, version: string, extension: string) =>
    `${contractPaths.version(id, version)}${encodeURIComponent(`${id}-${version}`)}.${extension}`,
  /** The DOCX skeleton the fill-in form fills in the browser. */
  docxSkeleton: (id: string, version: string) =>
    `${contractPaths.version(id, version)}${encodeURIComponent(`${id}-${version}`)}.docx-parts.json`,
  /** Titles of topics, cost categories and statuses, for the fill-in form. */
  codeTitles: 'contracts/code-titles.json',
  /** The full cost recovery calculator, and its blank templates and worked example. */
  pricing: 'contracts/pricing/',
  pricingFile: (name: string) => `contracts/pricing/${name}`,
  /** Providers' and commissioners' names, numbers and addresses, for the fill-in form. */
  parties: 'contracts/parties.json',
  assets: (file: string) => `assets/contracts/${file}`,
} as const;

/** The calculator's downloads, under contractPaths.pricing. */
export const PRICING_FILES = {
  csv: 'cost-statement-template.csv',
  xlsx: 'cost-statement-template.xlsx',
  exampleJson: 'example-cost-statement.json',
  exampleCsv: 'example-cost-statement.csv',
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
