/**
 * GitHub's published REST description (@octokit/openapi), turned into validators so that the
 * fake GitHub server can prove every answer it gives has the shape the real one documents. The
 * description is OpenAPI 3.0, whose `nullable` JSON Schema lacks, so schemas are converted on
 * the way in.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

type Json = Record<string, unknown>;

interface Operation {
  operationId: string;
  requestBody?: { content?: Record<string, { schema?: Json }> };
  responses: Record<string, Json>;
}

interface Spec {
  paths: Record<string, Record<string, Operation>>;
  components: {
    schemas: Record<string, Json>;
    responses: Record<string, Json>;
    examples: Record<string, { value: unknown }>;
  };
}

let loaded: { spec: Spec; ajv: Ajv; cache: Map<string, ValidateFunction | null> } | undefined;

function load() {
  if (loaded) return loaded;
  const require = createRequire(import.meta.url);
  const file = require.resolve('@octokit/openapi/generated/api.github.com.json');
  const spec = JSON.parse(readFileSync(file, 'utf8')) as Spec;
  const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
  (addFormatsModule as unknown as (a: Ajv) => void)(ajv);
  // GitHub's own formats: owner/name, and integer widths JSON numbers already cover.
  ajv.addFormat('repo.nwo', /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/);
  for (const format of ['int32', 'int64', 'double', 'timestamp', 'binary'])
    ajv.addFormat(format, true);
  ajv.addSchema({ $id: 'github', components: { schemas: fromOpenApi(spec.components.schemas) } });
  loaded = { spec, ajv, cache: new Map() };
  return loaded;
}

/** OpenAPI 3.0 → JSON Schema: `nullable: true` becomes a null alternative; examples dropped. */
function fromOpenApi(schema: unknown): never {
  if (Array.isArray(schema)) return schema.map(fromOpenApi) as never;
  if (schema === null || typeof schema !== 'object') return schema as never;
  const out: Json = {};
  for (const [k, v] of Object.entries(schema as Json)) {
    if (k === 'example' || k === 'examples' || k === 'nullable') continue;
    out[k] = k === '$ref' && typeof v === 'string' ? v.replace(/^#/, 'github#') : fromOpenApi(v);
  }
  if ((schema as Json)['nullable'] !== true) return out as never;
  if (typeof out['type'] === 'string' && !out['allOf'] && !out['anyOf'] && !out['oneOf']) {
    out['type'] = [out['type'], 'null'];
    if (Array.isArray(out['enum']) && !out['enum'].includes(null))
      out['enum'] = [...out['enum'], null];
    return out as never;
  }
  return { anyOf: [out, { type: 'null' }] } as never;
}

function operation(method: string, path: string): Operation {
  const op = load().spec.paths[path]?.[method.toLowerCase()];
  if (!op) throw new Error(`${method} ${path} is not in GitHub's REST description`);
  return op;
}

function compile(key: string, schema: Json | undefined): ValidateFunction | null {
  const { ajv, cache } = load();
  if (!cache.has(key)) cache.set(key, schema ? ajv.compile(fromOpenApi(schema)) : null);
  return cache.get(key)!;
}

function describeErrors(v: ValidateFunction): string {
  return (v.errors ?? [])
    .slice(0, 5)
    .map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`)
    .join('; ');
}

/** The operationId (`issues/create-comment`) of a documented method and path template. */
export function operationId(method: string, path: string): string {
  return operation(method, path).operationId;
}

/**
 * Problems with a response body, or [] if it matches what GitHub documents for this operation
 * and status. An undocumented status is itself a problem.
 */
export function checkResponse(
  method: string,
  path: string,
  status: number,
  body: unknown,
): string[] {
  const op = operation(method, path);
  let response = op.responses[String(status)];
  if (!response) return [`${op.operationId}: status ${status} is not documented`];
  const ref = response['$ref'];
  if (typeof ref === 'string') response = load().spec.components.responses[ref.split('/').pop()!]!;
  const content = response['content'] as Record<string, { schema?: Json }> | undefined;
  const schema = content?.['application/json']?.schema;
  if (!schema)
    return body === undefined || body === ''
      ? []
      : [`${op.operationId} ${status}: documented without a body`];
  const validate = compile(`res ${method} ${path} ${status}`, schema)!;
  return validate(body) ? [] : [`${op.operationId} ${status}: ${describeErrors(validate)}`];
}

/** Problems with a request body, or [] if it matches the documented request schema. */
export function checkRequest(method: string, path: string, body: unknown): string[] {
  const op = operation(method, path);
  const schema = op.requestBody?.content?.['application/json']?.schema;
  if (!schema) return [];
  const validate = compile(`req ${method} ${path}`, schema)!;
  return validate(body) ? [] : [`${op.operationId} request: ${describeErrors(validate)}`];
}

/** A copy of one of GitHub's documented examples, to build realistic responses from. */
export function example<T = Json>(name: string): T {
  const value = load().spec.components.examples[name]?.value;
  if (value === undefined) throw new Error(`no example named ${name}`);
  return structuredClone(Array.isArray(value) ? value[0] : value) as T;
}
