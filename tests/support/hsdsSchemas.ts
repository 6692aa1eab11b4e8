/**
 * The HSDS 3.0 JSON Schemas (reference/hsds-3.0/schema/) compiled with Ajv as they are. They
 * declare no `$schema`, so they are read as draft-07 (Ajv's default), and they carry the
 * specification's own annotation keywords (`name`, `core`, `constraints`, …), declared here
 * as a vocabulary so strict mode still rejects anything else. Formats (`uuid`, `uri`, `email`,
 * `date-time`) are checked in full with ajv-formats.
 *
 * Each schema is registered under its address in the specification's repository, so their
 * relative `$ref`s ("phone.json") and the OpenAPI description's absolute ones resolve locally.
 * The OpenAPI description also names compiled schemas this copy does not hold; they map to the
 * schema they are compiled from (`compiled/service.json` to the compiled service with its
 * definitions, a list item to its object's schema, which allows a list item's fields).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { ROOT } from './register.ts';

export const HSDS_DIR = join(ROOT, 'reference/hsds-3.0');
const SCHEMA_DIR = join(HSDS_DIR, 'schema');
export const SPEC_BASE = 'https://raw.githubusercontent.com/openreferral/specification/3.0/schema/';

const ANNOTATIONS = [
  'name',
  'path',
  'core',
  'constraints',
  'example',
  'datapackage_metadata',
  'datapackage_type',
  'tabular_required',
];

const COMPILED: Record<string, string> = {
  'compiled/service.json': 'compiled-service_with_definitions.json',
  'compiled/service_list.json': 'service.json',
  'compiled/organization.json': 'organization.json',
  'compiled/organization_list.json': 'organization.json',
};

export function readJson<T = unknown>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

let ajv: Ajv | undefined;

export function hsdsAjv(): Ajv {
  if (ajv) return ajv;
  ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false });
  (addFormatsModule as unknown as (a: Ajv) => Ajv)(ajv);
  ajv.addVocabulary(ANNOTATIONS);
  for (const file of readdirSync(SCHEMA_DIR)) {
    if (!file.endsWith('.json') || file === 'openapi.json') continue;
    ajv.addSchema(readJson(join(SCHEMA_DIR, file)), SPEC_BASE + file);
  }
  for (const [name, local] of Object.entries(COMPILED)) {
    ajv.addSchema({ $ref: SPEC_BASE + local }, SPEC_BASE + name);
  }
  return ajv;
}

/** The validator for one schema of the specification (`service.json`). */
export function hsdsSchema(file: string): ValidateFunction {
  const validate = hsdsAjv().getSchema(SPEC_BASE + file);
  if (!validate) throw new Error(`no HSDS schema ${file}`);
  return validate;
}

interface OpenApi {
  paths: Record<
    string,
    { get: { responses: { 200: { content: { 'application/json': { schema: unknown } } } } } }
  >;
  components: { schemas: Record<string, unknown> };
}

const openApi = readJson<OpenApi>(join(SCHEMA_DIR, 'openapi.json'));

/**
 * The 200 response schema of one path of the specification's OpenAPI description, with its
 * `#/components/...` references resolved against that description.
 */
export function openApiResponse(path: string): ValidateFunction {
  const schema = openApi.paths[path]?.get.responses[200].content['application/json'].schema;
  if (!schema) throw new Error(`the OpenAPI description has no GET ${path}`);
  const a = hsdsAjv();
  const text = JSON.stringify(schema).replace(
    /"#\/components\/schemas\/([A-Za-z]+)"/g,
    (_, name: string) => {
      const key = `${SPEC_BASE}openapi/components/${name}.json`;
      if (!a.getSchema(key)) a.addSchema(openApi.components.schemas[name] as object, key);
      return `"${key}"`;
    },
  );
  return a.compile(JSON.parse(text));
}

/** Ajv's errors in a line a failing test can show. */
export function schemaErrors(validate: ValidateFunction): string {
  return (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`).join('; ');
}
