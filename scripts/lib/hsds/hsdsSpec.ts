/**
 * What the register takes from the HSDS 3.0 specification (reference/hsds-3.0/, CC BY-SA 4.0):
 * the tabular data package's resources and fields, and the OpenAPI description our static feed
 * publishes, trimmed to what a static host can serve.
 */
import specPackage from '../../../reference/hsds-3.0/datapackage.json' with { type: 'json' };
import specOpenApi from '../../../reference/hsds-3.0/schema/openapi.json' with { type: 'json' };
import type { RegisterMetadata } from '../types.generated.ts';

export const HSDS_VERSION = '3.0';

/** Records per page: large enough that a harvest takes few requests, small enough to read. */
export const HSDS_PAGE_SIZE = 100;

/** The specification's own documentation of HSDS 3.0: the profile our feed follows. */
export const HSDS_PROFILE_URL = 'https://docs.openreferral.org/en/3.0/';

export const HSDS_ATTRIBUTION =
  'Human Services Data Specification: an Open Referral resource (https://openreferral.org/), licensed under Creative Commons Attribution-ShareAlike 4.0.';

export interface SpecField {
  name: string;
  type: string;
  format?: string;
  constraints?: { required?: boolean; unique?: boolean; enum?: string[] };
}

export interface SpecResource {
  name: string;
  path: string;
  description: string;
  format: string;
  mediatype: string;
  profile: string;
  schema: { primaryKey: string; fields: SpecField[]; foreignKeys?: unknown[] };
}

/** The tabular package's resources, exactly as the specification defines them. */
export const HSDS_RESOURCES: readonly SpecResource[] = specPackage.resources as SpecResource[];

/**
 * Query parameters the specification's API offers that a static host cannot honour (it
 * ignores the query string): named on /api/ and in our OpenAPI description.
 */
export const UNSUPPORTED_PARAMETERS = [
  'page',
  'per_page',
  'search',
  'format',
  'taxonomy_term_id',
  'taxonomy_id',
  'organization_id',
  'modified_after',
  'minimal',
  'full',
  'full_service',
  'top_only',
  'parent_id',
] as const;

const SERVED_PATHS = [
  '/',
  '/services',
  '/services/{id}',
  '/organizations',
  '/organizations/{id}',
  '/taxonomies',
  '/taxonomies/{id}',
  '/taxonomy_terms',
  '/taxonomy_terms/{id}',
];

type Operation = { parameters?: unknown[]; description?: string; [key: string]: unknown };

/**
 * The specification's OpenAPI description, with our API's details in `info`, our address in
 * `servers`, only the paths we publish, and no query parameters (each list says where its
 * pages are instead).
 */
export function hsdsOpenApi(meta: RegisterMetadata, feedUrl: string): unknown {
  const paths: Record<string, unknown> = {};
  const source = specOpenApi.paths as unknown as Record<string, Record<string, Operation>>;
  for (const path of SERVED_PATHS) {
    const item = structuredClone(source[path]);
    if (!item) continue;
    for (const [method, op] of Object.entries(item)) {
      if (method === 'parameters' || typeof op !== 'object') continue;
      const parameters = (op.parameters ?? []).filter((p) => (p as { in?: string }).in === 'path');
      if (parameters.length > 0) op.parameters = parameters;
      else delete op.parameters;
      if (path !== '/' && !path.endsWith('{id}')) {
        op.description =
          `${op.description ?? ''} Served as static files: the first page here, page N at ${path.slice(1)}/page-N.json. Query parameters are not honoured.`.trim();
      }
    }
    paths[path] = item;
  }
  const { components } = specOpenApi as { components: { schemas: unknown } };
  return {
    openapi: specOpenApi.openapi,
    info: {
      title: `${meta.title}: HSDS ${HSDS_VERSION} feed`,
      version: meta.version,
      summary:
        'Kitemarked voluntary-sector health and social care services in England, in HSDS 3.0.',
      description: `${meta.description}\n\nA static HSDS ${HSDS_VERSION} API: every service, organization, taxonomy and taxonomy term as a file, each collection as numbered pages of ${HSDS_PAGE_SIZE} records. A static host ignores query strings, so these parameters of the specification are not honoured: ${UNSUPPORTED_PARAMETERS.join(', ')}. The API description is adapted from the ${HSDS_ATTRIBUTION}`,
      ...(meta.contact
        ? {
            contact: {
              ...(meta.contact.name ? { name: meta.contact.name } : {}),
              ...(meta.contact.url ? { url: meta.contact.url } : {}),
              ...(meta.contact.email ? { email: meta.contact.email } : {}),
            },
          }
        : {}),
      license: { name: meta.licence.title, url: meta.licence.path },
    },
    servers: [{ url: feedUrl }],
    paths,
    components: { schemas: components.schemas },
  };
}
