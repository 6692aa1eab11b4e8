/**
 * The HSDS 3.0 API as static files: the `GET /` document, one document per service,
 * organization, taxonomy and taxonomy term, and each collection as numbered pages with the
 * specification's `Page` object. Yields `[path, text]` pairs relative to the feed's folder as
 * they are made, so 100,000 services are never all held in memory.
 *
 * A static host maps a path to a file and ignores the query string, so:
 * - each record is the file `services/{id}` (no extension): the path HSDS clients request is a
 *   file on any host without rewrite rules (GitHub Pages, S3, nginx and our own server serve
 *   it as it is, as `application/octet-stream`, which JSON clients parse all the same). A
 *   `.json` twin would double the feed (670 MB at 50,000 providers, docs/benchmarks.md) for a
 *   media type;
 * - a collection's first page is also its `index.html` and `index.json`, and the feed's `GET /`
 *   document is `index.html` and `index.json`, because a static host answers `/hsds/` and
 *   `/hsds/services` (after a redirect to `/hsds/services/`) with the folder's index file;
 * - every page is `page-1.json`, `page-2.json` …: `?page=2` cannot be honoured.
 * Every document is JSON with `<`, `>` and `&` written as `\u003c` … (the same JSON to a
 * parser), so an index page a host serves as HTML can never run markup from the data.
 */
import { HSDS_PAGE_SIZE, HSDS_VERSION } from './hsdsSpec.ts';
import type { HsdsMapper } from './mapToHsds.ts';
import type {
  HsdsOrganization,
  HsdsOrganizationCore,
  HsdsService,
  HsdsServiceCore,
} from './hsdsTypes.ts';
import type { ProviderView } from '../buildRegister.ts';

export const HSDS_COLLECTIONS = [
  'services',
  'organizations',
  'taxonomies',
  'taxonomy_terms',
] as const;
export type HsdsCollection = (typeof HSDS_COLLECTIONS)[number];

/** HSDS's `Page` object with its contents. */
export interface HsdsPage<T> {
  total_items: number;
  total_pages: number;
  page_number: number;
  size: number;
  first_page: boolean;
  last_page: boolean;
  empty: boolean;
  contents: T[];
}

export interface HsdsRootDocument {
  version: string;
  profile: string;
  openapi_url: string;
}

/** Where each file of the feed lives, relative to the feed's folder. */
export const hsdsPaths = {
  root: 'index.json',
  openapi: 'openapi.json',
  record: (collection: HsdsCollection, id: string) => `${collection}/${id}`,
  page: (collection: HsdsCollection, n: number) => `${collection}/page-${n}.json`,
};

/** JSON safe to serve as HTML: `<`, `>` and `&` escaped, which every JSON parser reads back. */
export function formatHsdsJson(value: unknown): string {
  return `${JSON.stringify(value).replace(/[<>&]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`;
}

export function rootDocument(urls: { profile: string; openapi: string }): HsdsRootDocument {
  return { version: HSDS_VERSION, profile: urls.profile, openapi_url: urls.openapi };
}

/** A service's one-to-one fields and its organization's: what a list page holds. */
export function serviceListItem(
  service: HsdsService,
  organization: HsdsOrganization,
): HsdsServiceCore & { organization: HsdsOrganizationCore } {
  const {
    phones: _p,
    contacts: _c,
    service_areas: _a,
    service_at_locations: _l,
    attributes: _t,
    ...core
  } = service;
  return { ...core, organization: organizationCore(organization) };
}

export function organizationCore(organization: HsdsOrganization): HsdsOrganizationCore {
  const { organization_identifiers: _i, phones: _p, locations: _l, ...core } = organization;
  return core;
}

/** The full service document: the service with its organization (and that organization's identifiers). */
export function serviceDocument(service: HsdsService, organization: HsdsOrganization) {
  return {
    ...service,
    organization: {
      ...organizationCore(organization),
      organization_identifiers: organization.organization_identifiers,
    },
  };
}

/** The full organization document, with the id and name of each of its services. */
export function organizationDocument(organization: HsdsOrganization, services: HsdsService[]) {
  return {
    ...organization,
    services: services.map((s) => ({ id: s.id, name: s.name, status: s.status })),
  };
}

export function pageOf<T>(contents: T[], pageNumber: number, totalItems: number): HsdsPage<T> {
  const totalPages = Math.max(1, Math.ceil(totalItems / HSDS_PAGE_SIZE));
  return {
    total_items: totalItems,
    total_pages: totalPages,
    page_number: pageNumber,
    size: contents.length,
    first_page: pageNumber === 1,
    last_page: pageNumber === totalPages,
    empty: totalItems === 0,
    contents,
  };
}

/** Pages a stream of list items, yielding each page's files as soon as it is full. */
class Pager<T> {
  private items: T[] = [];
  private number = 0;
  constructor(
    private readonly collection: HsdsCollection,
    private readonly total: number,
  ) {}

  *add(item: T): Generator<[string, string]> {
    this.items.push(item);
    if (this.items.length === HSDS_PAGE_SIZE) yield* this.flush();
  }

  *finish(): Generator<[string, string]> {
    if (this.items.length > 0 || this.number === 0) yield* this.flush();
  }

  private *flush(): Generator<[string, string]> {
    this.number++;
    const text = formatHsdsJson(pageOf(this.items, this.number, this.total));
    this.items = [];
    yield [hsdsPaths.page(this.collection, this.number), text];
    if (this.number === 1) {
      yield [`${this.collection}/index.json`, text];
      yield [`${this.collection}/index.html`, text];
    }
  }
}

function record(collection: HsdsCollection, id: string, value: unknown): [string, string] {
  return [hsdsPaths.record(collection, id), formatHsdsJson(value)];
}

export interface HsdsApiOptions {
  mapper: HsdsMapper;
  providers: readonly ProviderView[];
  root: HsdsRootDocument;
  /** The OpenAPI description served at `openapi.json`. */
  openapi: unknown;
}

/** Every file of the static API, relative to the feed's folder. */
export function* hsdsApiFiles(options: HsdsApiOptions): Generator<[string, string]> {
  const { mapper, providers } = options;
  const root = formatHsdsJson(options.root);
  yield [hsdsPaths.root, root];
  yield ['index.html', root];
  yield [hsdsPaths.openapi, `${JSON.stringify(options.openapi, null, 2)}\n`];

  const serviceCount = providers.reduce((n, p) => n + p.services.length, 0);
  const services = new Pager<unknown>('services', serviceCount);
  const organizations = new Pager<unknown>('organizations', providers.length);
  for (const p of providers) {
    const { organization, services: list } = mapper.mapProvider(p);
    yield record('organizations', organization.id, organizationDocument(organization, list));
    yield* organizations.add(organizationCore(organization));
    for (const service of list) {
      yield record('services', service.id, serviceDocument(service, organization));
      yield* services.add(serviceListItem(service, organization));
    }
  }
  yield* services.finish();
  yield* organizations.finish();

  const taxonomies = new Pager<unknown>('taxonomies', mapper.taxonomies.length);
  for (const t of mapper.taxonomies) {
    yield record('taxonomies', t.id, t);
    yield* taxonomies.add(t);
  }
  yield* taxonomies.finish();
  const byId = new Map(mapper.taxonomies.map((t) => [t.id, t]));
  const terms = new Pager<unknown>('taxonomy_terms', mapper.terms.length);
  for (const term of mapper.terms) {
    yield record('taxonomy_terms', term.id, {
      ...term,
      taxonomy_detail: byId.get(term.taxonomy_id),
    });
    yield* terms.add(term);
  }
  yield* terms.finish();
}
