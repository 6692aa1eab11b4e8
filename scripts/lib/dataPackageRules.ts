/**
 * The Frictionless Data Package, Data Resource, CSV Dialect and Table Schema rules (v1, with the
 * v2 `type` property), checked on a descriptor resource by resource (checkTableRows.ts reads a
 * table's rows against its schema). The `datapackage` npm package validates a descriptor
 * against the v1 JSON profiles only: it cannot tell that a workbook declared as a table will be
 * read from its first sheet, that a constraint does not apply to its field's type, or that a
 * foreign key points at a field that does not exist. The reference implementation
 * (frictionless-py) does, so these rules do too; the build refuses a package that breaks one.
 */

export interface PackageProblem {
  /** Stable code: `package/…`, `resource/…`, `dialect/…`, `schema/…`. */
  code: string;
  /** Where in the descriptor: `resources[3].schema.fields[2].constraints.pattern`. */
  at: string;
  /** The resource's name, when the problem is in one. */
  resource?: string;
  message: string;
}

import { castValue, checkCell, type SchemaField } from './checkTableRows.ts';

type Json = Record<string, unknown>;

const NAME = /^[a-z0-9._-]+$/;
const LICENCE_NAME = /^[-a-zA-Z0-9._]+$/;
const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?(\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$/;
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const MEDIATYPE = /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/;
const HASH_LENGTHS: Record<string, number> = { md5: 32, sha1: 40, sha256: 64, sha512: 128 };
const CONTRIBUTOR_ROLES = ['author', 'publisher', 'maintainer', 'wrangler', 'contributor'];

/** Media types of the formats the rules know, so a resource's three names for its form agree. */
const FORMAT_MEDIA: Record<string, string> = {
  csv: 'text/csv',
  tsv: 'text/tab-separated-values',
  json: 'application/json',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  xls: 'application/vnd.ms-excel',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  sqlite: 'application/vnd.sqlite3',
  md: 'text/markdown',
  txt: 'text/plain',
  zip: 'application/zip',
  cff: 'application/yaml',
  yaml: 'application/yaml',
};
/** Formats a reader takes as one table. A workbook holds many sheets and is read from its first. */
const TABLE_FORMATS = new Set(['csv', 'tsv']);
const TEXT_FORMATS = new Set(['csv', 'tsv', 'json', 'md', 'txt', 'cff', 'yaml']);
const ENCODINGS = new Set(['utf-8', 'utf-16', 'utf-16le', 'utf-16be', 'iso-8859-1', 'ascii']);

export const FIELD_TYPES = [
  'string',
  'number',
  'integer',
  'boolean',
  'object',
  'array',
  'date',
  'time',
  'datetime',
  'year',
  'yearmonth',
  'duration',
  'geopoint',
  'geojson',
  'any',
] as const;

/** The constraints each type supports (as frictionless-py enforces them). */
const SUPPORTED: Record<string, readonly string[]> = {
  string: ['required', 'unique', 'enum', 'pattern', 'minLength', 'maxLength'],
  array: ['required', 'unique', 'enum', 'minLength', 'maxLength'],
  object: ['required', 'unique', 'enum', 'minLength', 'maxLength'],
  integer: ['required', 'unique', 'enum', 'minimum', 'maximum'],
  number: ['required', 'unique', 'enum', 'minimum', 'maximum'],
  date: ['required', 'unique', 'enum', 'minimum', 'maximum'],
  time: ['required', 'unique', 'enum', 'minimum', 'maximum'],
  datetime: ['required', 'unique', 'enum', 'minimum', 'maximum'],
  year: ['required', 'unique', 'enum', 'minimum', 'maximum'],
  yearmonth: ['required', 'unique', 'enum', 'minimum', 'maximum'],
  duration: ['required', 'unique', 'enum', 'minimum', 'maximum'],
  boolean: ['required', 'unique', 'enum'],
  geopoint: ['required', 'unique', 'enum'],
  geojson: ['required', 'unique', 'enum'],
  any: ['required', 'unique', 'enum'],
};
const FORMATS: Record<string, (format: string) => boolean> = {
  string: (f) => ['default', 'email', 'uri', 'binary', 'uuid'].includes(f),
  date: (f) => f === 'default' || f === 'any' || f.includes('%'),
  time: (f) => f === 'default' || f === 'any' || f.includes('%'),
  datetime: (f) => f === 'default' || f === 'any' || f.includes('%'),
  geopoint: (f) => ['default', 'array', 'object'].includes(f),
  geojson: (f) => ['default', 'topojson'].includes(f),
};
const DIALECT_KEYS: Record<string, 'char' | 'string' | 'boolean' | 'number'> = {
  delimiter: 'char',
  lineTerminator: 'string',
  quoteChar: 'char',
  doubleQuote: 'boolean',
  escapeChar: 'char',
  nullSequence: 'string',
  skipInitialSpace: 'boolean',
  header: 'boolean',
  commentChar: 'char',
  caseSensitiveHeader: 'boolean',
  csvddfVersion: 'number',
};

const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const isHttpUrl = (v: unknown) => isString(v) && /^https?:\/\/[^\s/]+(\/\S*)?$/.test(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : isString(v) ? [v] : []);

/** Every rule a descriptor breaks; empty when it is a valid Data Package. */
export function checkDataPackage(descriptor: unknown): PackageProblem[] {
  const problems: PackageProblem[] = [];
  const add = (code: string, at: string, message: string, resource?: string) =>
    problems.push({ code, at, message, ...(resource ? { resource } : {}) });
  if (!isObject(descriptor)) {
    add('package/not-an-object', '', 'datapackage.json must hold one JSON object.');
    return problems;
  }
  checkPackageProperties(descriptor, add);
  const resources = Array.isArray(descriptor['resources']) ? descriptor['resources'] : [];
  if (resources.length === 0)
    add('package/no-resources', 'resources', 'A data package lists at least one resource.');
  const byName = new Map<string, Json>();
  resources.forEach((r, i) => {
    if (isObject(r) && isString(r['name'])) {
      if (byName.has(r['name']))
        add(
          'resource/duplicate-name',
          `resources[${i}].name`,
          `Two resources are named "${r['name']}".`,
          r['name'],
        );
      else byName.set(r['name'], r);
    }
  });
  resources.forEach((r, i) => checkResource(r, `resources[${i}]`, byName, add));
  return problems;
}

type Add = (code: string, at: string, message: string, resource?: string) => void;

function checkPackageProperties(p: Json, add: Add): void {
  if (
    p['profile'] !== undefined &&
    !['data-package', 'tabular-data-package'].includes(String(p['profile'])) &&
    !isHttpUrl(p['profile'])
  )
    add(
      'package/profile',
      'profile',
      `"profile" is "${String(p['profile'])}": use "data-package", "tabular-data-package" or a profile's URL.`,
    );
  if (p['$schema'] !== undefined && !isHttpUrl(p['$schema']))
    add('package/$schema', '$schema', '"$schema" must be the URL of a Data Package profile.');
  if (p['name'] !== undefined && !(isString(p['name']) && NAME.test(p['name'])))
    add(
      'package/name',
      'name',
      `The package name "${String(p['name'])}" may hold only lower-case letters, digits, ".", "_" and "-".`,
    );
  for (const key of ['id', 'title', 'description', 'image'] as const) {
    if (p[key] !== undefined && !isString(p[key]))
      add(`package/${key}`, key, `"${key}" must be text.`);
  }
  if (p['homepage'] !== undefined && !isHttpUrl(p['homepage']))
    add('package/homepage', 'homepage', '"homepage" must be an http(s) URL.');
  if (p['version'] !== undefined && !(isString(p['version']) && SEMVER.test(p['version'])))
    add(
      'package/version',
      'version',
      `"version" is "${String(p['version'])}": use semantic versioning (1.2.0).`,
    );
  if (
    p['created'] !== undefined &&
    !(
      isString(p['created']) &&
      RFC3339.test(p['created']) &&
      !Number.isNaN(Date.parse(p['created']))
    )
  )
    add(
      'package/created',
      'created',
      `"created" is "${String(p['created'])}": use an RFC 3339 date and time (2026-01-02T10:00:00Z).`,
    );
  if (p['keywords'] !== undefined) {
    const k = p['keywords'];
    if (
      !Array.isArray(k) ||
      k.some((w) => !isString(w) || w === '') ||
      new Set(k).size !== k.length
    )
      add(
        'package/keywords',
        'keywords',
        '"keywords" must be a list of different, non-empty words.',
      );
  }
  checkLicences(p['licenses'], 'licenses', add);
  if (p['contributors'] !== undefined) {
    list(p['contributors']).forEach((c, i) => {
      const at = `contributors[${i}]`;
      if (!isObject(c) || !isString(c['title']) || c['title'] === '')
        add('package/contributor', at, 'Each contributor has a "title" (its name).');
      else {
        if (c['role'] !== undefined && !CONTRIBUTOR_ROLES.includes(String(c['role'])))
          add(
            'package/contributor-role',
            `${at}.role`,
            `A contributor's role is one of ${CONTRIBUTOR_ROLES.join(', ')}.`,
          );
        if (c['path'] !== undefined && !isHttpUrl(c['path']))
          add('package/contributor-path', `${at}.path`, "A contributor's path is an http(s) URL.");
      }
    });
  }
  if (p['sources'] !== undefined) {
    list(p['sources']).forEach((s, i) => {
      if (!isObject(s) || !isString(s['title']) || s['title'] === '')
        add('package/source', `sources[${i}]`, 'Each source has a "title".');
      else if (s['path'] !== undefined && !isHttpUrl(s['path']) && !isRelativePath(s['path']))
        add(
          'package/source-path',
          `sources[${i}].path`,
          "A source's path is a URL or a relative path.",
        );
    });
  }
}

function checkLicences(licences: unknown, at: string, add: Add, resource?: string): void {
  if (licences === undefined) return;
  if (!Array.isArray(licences) || licences.length === 0) {
    add('package/licenses', at, '"licenses" must be a non-empty list.', resource);
    return;
  }
  licences.forEach((l, i) => {
    const here = `${at}[${i}]`;
    if (!isObject(l) || (l['name'] === undefined && l['path'] === undefined))
      add(
        'package/license',
        here,
        'Each licence has a "name" (an Open Definition licence ID) or a "path".',
        resource,
      );
    else {
      if (l['name'] !== undefined && !(isString(l['name']) && LICENCE_NAME.test(l['name'])))
        add(
          'package/license-name',
          `${here}.name`,
          `The licence name "${String(l['name'])}" must be an identifier (letters, digits, ".", "_", "-").`,
          resource,
        );
      if (l['path'] !== undefined && !isHttpUrl(l['path']) && !isRelativePath(l['path']))
        add(
          'package/license-path',
          `${here}.path`,
          "A licence's path is a URL or a relative path.",
          resource,
        );
    }
  });
}

/** A POSIX path relative to the descriptor that cannot leave its folder. */
export function isRelativePath(path: unknown): boolean {
  if (!isString(path) || path === '' || path.startsWith('/') || path.includes('\\')) return false;
  if (/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(path)) return false;
  return path.split('/').every((s) => s !== '' && s !== '.' && s !== '..');
}

function checkResource(r: unknown, at: string, byName: ReadonlyMap<string, Json>, add: Add): void {
  if (!isObject(r)) {
    add('resource/not-an-object', at, 'Each resource is a JSON object.');
    return;
  }
  const name = isString(r['name']) ? r['name'] : undefined;
  const here = (code: string, where: string, message: string) =>
    add(code, `${at}${where ? `.${where}` : ''}`, name ? `${name}: ${message}` : message, name);
  if (!name || !NAME.test(name))
    here(
      'resource/name',
      'name',
      `The resource name "${String(r['name'])}" may hold only lower-case letters, digits, ".", "_" and "-".`,
    );
  const hasPath = r['path'] !== undefined;
  if (hasPath === (r['data'] !== undefined))
    here(
      'resource/path-or-data',
      '',
      'A resource has either "path" or inline "data", not both or neither.',
    );
  const paths = list(r['path']);
  if (hasPath && (paths.length === 0 || (!isString(r['path']) && !Array.isArray(r['path']))))
    here('resource/path', 'path', '"path" is a path or a non-empty list of paths.');
  for (const p of paths) {
    if (!isHttpUrl(p) && !isRelativePath(p))
      here(
        'resource/path',
        'path',
        `"${String(p)}" must be an http(s) URL or a POSIX path inside the package's folder (no leading "/", no "." or ".." parts, no "\\").`,
      );
  }
  const first = isString(paths[0]) ? paths[0] : '';
  const extension = /\.([A-Za-z0-9]+)$/.exec(first)?.[1]?.toLowerCase();
  const format = isString(r['format']) ? r['format'] : undefined;
  if (r['format'] !== undefined) {
    if (!format || format !== format.toLowerCase())
      here(
        'resource/format',
        'format',
        '"format" is a lower-case file extension (csv, json, xlsx).',
      );
    else if (extension && format !== extension)
      here(
        'resource/format',
        'format',
        `"format" is "${format}" but the file's extension is ".${extension}"; readers go by one or the other.`,
      );
  }
  const effective = format ?? extension;
  if (r['mediatype'] !== undefined) {
    const m = r['mediatype'];
    if (!isString(m) || !MEDIATYPE.test(m))
      here(
        'resource/mediatype',
        'mediatype',
        `"mediatype" "${String(m)}" must be a media type such as text/csv.`,
      );
    else if (effective && FORMAT_MEDIA[effective] && FORMAT_MEDIA[effective] !== m)
      here(
        'resource/mediatype',
        'mediatype',
        `A ${effective} file's media type is ${FORMAT_MEDIA[effective]}, not ${m}.`,
      );
  }
  if (r['encoding'] !== undefined) {
    if (!isString(r['encoding']) || !ENCODINGS.has(r['encoding'].toLowerCase()))
      here(
        'resource/encoding',
        'encoding',
        `"encoding" "${String(r['encoding'])}" is not a character encoding.`,
      );
    else if (effective && !TEXT_FORMATS.has(effective))
      here(
        'resource/encoding',
        'encoding',
        `A ${effective} file is not text: it has no character encoding.`,
      );
  }
  if (r['bytes'] !== undefined && !(Number.isInteger(r['bytes']) && Number(r['bytes']) >= 0))
    here('resource/bytes', 'bytes', '"bytes" is the size of the file: a whole number of bytes.');
  if (r['hash'] !== undefined) {
    const m = isString(r['hash']) ? /^(?:([a-z0-9]+):)?([a-fA-F0-9]+)$/.exec(r['hash']) : null;
    const algorithm = m?.[1] ?? 'md5';
    if (!m || HASH_LENGTHS[algorithm] !== m[2]!.length)
      here(
        'resource/hash',
        'hash',
        `"hash" "${String(r['hash'])}" must be "<algorithm>:<hex>" (md5, sha1, sha256, sha512) with the algorithm's number of hex digits.`,
      );
  }
  for (const key of ['title', 'description'] as const)
    if (r[key] !== undefined && !isString(r[key]))
      here(`resource/${key}`, key, `"${key}" must be text.`);
  checkLicences(r['licenses'], `${at}.licenses`, add, name);

  // What the resource is: a table, or not. Every property that says so must agree.
  const profile = r['profile'];
  if (
    profile !== undefined &&
    !['data-resource', 'tabular-data-resource'].includes(String(profile)) &&
    !isHttpUrl(profile)
  )
    here(
      'resource/profile',
      'profile',
      `"profile" "${String(profile)}" must be "data-resource", "tabular-data-resource" or a profile's URL.`,
    );
  const type = r['type'];
  if (type !== undefined && !isString(type))
    here('resource/type', 'type', '"type" must be text: "table", "json", "file", …');
  // frictionless-py guesses a missing type from the file: a workbook is read as a table from
  // its first sheet, and `*.schema.json` as a Table Schema. Saying it leaves nothing to guess.
  if (type === undefined)
    here(
      'resource/untyped',
      'type',
      `Without "type" a reader guesses what ${first || 'it'} is (frictionless-py reads a workbook as a table from its first sheet, and *.schema.json as a Table Schema); say "table", "json" or "file".`,
    );
  const tabular =
    type === 'table' || profile === 'tabular-data-resource' || r['schema'] !== undefined;
  if (tabular) {
    if (type !== undefined && type !== 'table')
      here(
        'resource/type',
        'type',
        `It has a Table Schema or the tabular profile, so its "type" is "table", not "${String(type)}".`,
      );
    if (profile !== undefined && profile !== 'tabular-data-resource')
      here('resource/profile', 'profile', 'A table\'s profile is "tabular-data-resource".');
    if (effective && !TABLE_FORMATS.has(effective))
      here(
        'resource/not-a-table',
        'format',
        `A ${effective} file is not one table (a workbook has many sheets, and a reader takes its first); describe it with "type": "file" and give each table its own CSV resource.`,
      );
    if (/\.schema\.json$/.test(first))
      here(
        'resource/not-a-table',
        'path',
        'A JSON Schema is a document, not a table: give it "type": "json".',
      );
    if (!isObject(r['schema']))
      here('resource/no-schema', 'schema', 'A table has a Table Schema (an object in "schema").');
    else checkTableSchema(r['schema'], `${at}.schema`, name, byName, add);
    if (effective === 'csv' || effective === 'tsv') {
      if (r['dialect'] !== undefined) checkDialect(r['dialect'], `${at}.dialect`, name, add);
    }
  } else {
    if (r['dialect'] !== undefined)
      here('resource/dialect', 'dialect', 'Only a table has a CSV dialect.');
    if (effective === 'json' && type !== undefined && type !== 'json')
      here('resource/type', 'type', `A JSON document's "type" is "json", not "${String(type)}".`);
  }
  if (r['jsonSchema'] !== undefined) {
    const refs = JSON.stringify(r['jsonSchema']).match(/"\$ref":"[^"]*"/g) ?? [];
    if (effective !== 'json')
      here('resource/json-schema', 'jsonSchema', 'Only a JSON document has a JSON Schema.');
    for (const ref of refs) {
      const url = ref.slice(8, -1);
      if (!isHttpUrl(url))
        here(
          'resource/json-schema',
          'jsonSchema',
          `The JSON Schema "${url}" must be an absolute http(s) URL a validator can fetch.`,
        );
    }
  }
}

function checkDialect(d: unknown, at: string, resource: string | undefined, add: Add): void {
  const here = (where: string, message: string) =>
    add(
      'dialect/invalid',
      `${at}${where ? `.${where}` : ''}`,
      `${resource ?? ''}: ${message}`,
      resource,
    );
  if (!isObject(d)) {
    here('', 'A CSV dialect is an object.');
    return;
  }
  for (const [key, value] of Object.entries(d)) {
    const kind = DIALECT_KEYS[key];
    if (!kind) here(key, `"${key}" is not a CSV Dialect property.`);
    else if (
      kind === 'char' ? !(isString(value) && [...value].length === 1) : typeof value !== kind
    )
      here(key, `"${key}" must be ${kind === 'char' ? 'one character' : `a ${kind}`}.`);
  }
  if (d['escapeChar'] !== undefined && d['doubleQuote'] === true)
    here('escapeChar', 'A dialect either doubles quotes or escapes them, not both.');
  if (d['delimiter'] !== undefined && d['delimiter'] === d['quoteChar'])
    here('quoteChar', 'The quote character cannot be the delimiter.');
}

/** A Table Schema's own rules, and its keys against the package's other tables. */
export function checkTableSchema(
  schema: Json,
  at: string,
  resource: string | undefined,
  byName: ReadonlyMap<string, Json>,
  add: Add,
): void {
  const here = (code: string, where: string, message: string) =>
    add(code, `${at}${where ? `.${where}` : ''}`, `${resource ?? ''}: ${message}`, resource);
  if (schema['$schema'] !== undefined && /json-schema\.org/.test(String(schema['$schema'])))
    here('schema/json-schema', '$schema', 'This is a JSON Schema, not a Table Schema.');
  const fields = Array.isArray(schema['fields']) ? schema['fields'] : undefined;
  if (!fields || fields.length === 0) {
    here('schema/no-fields', 'fields', 'A Table Schema lists its fields.');
    return;
  }
  const names: string[] = [];
  fields.forEach((f, i) => {
    const name = checkField(f, `fields[${i}]`, here);
    if (name === undefined) return;
    if (names.includes(name))
      here('schema/duplicate-field', `fields[${i}].name`, `Two fields are named "${name}".`);
    names.push(name);
  });
  const missing = schema['missingValues'];
  if (missing !== undefined && !(Array.isArray(missing) && missing.every(isString)))
    here('schema/missing-values', 'missingValues', '"missingValues" is a list of strings.');
  if (schema['primaryKey'] !== undefined) {
    const key = list(schema['primaryKey']);
    if (key.length === 0)
      here('schema/primary-key', 'primaryKey', 'A primary key names at least one field.');
    for (const k of key)
      if (!names.includes(String(k)))
        here(
          'schema/primary-key',
          'primaryKey',
          `The primary key names "${String(k)}", which is not a field.`,
        );
  }
  if (schema['foreignKeys'] !== undefined) {
    if (!Array.isArray(schema['foreignKeys'])) {
      here('schema/foreign-key', 'foreignKeys', '"foreignKeys" is a list.');
      return;
    }
    schema['foreignKeys'].forEach((fk, i) => {
      const where = `foreignKeys[${i}]`;
      if (!isObject(fk) || !isObject(fk['reference'])) {
        here('schema/foreign-key', where, 'A foreign key has "fields" and a "reference".');
        return;
      }
      const own = list(fk['fields']).map(String);
      const ref = fk['reference'];
      const theirs = list(ref['fields']).map(String);
      if (own.length === 0 || own.length !== theirs.length)
        here('schema/foreign-key', where, 'A foreign key refers to as many fields as it has.');
      for (const f of own)
        if (!names.includes(f))
          here(
            'schema/foreign-key',
            `${where}.fields`,
            `The foreign key's field "${f}" is not a field.`,
          );
      const target = ref['resource'];
      if (!isString(target)) {
        here(
          'schema/foreign-key',
          `${where}.reference.resource`,
          'A reference names a resource ("" for this one).',
        );
        return;
      }
      const other = target === '' ? { schema } : byName.get(target);
      if (!other) {
        here(
          'schema/foreign-key',
          `${where}.reference.resource`,
          `The reference is to "${target}", which is not a resource of this package.`,
        );
        return;
      }
      const otherSchema = isObject(other['schema']) ? other['schema'] : undefined;
      if (!otherSchema) {
        here(
          'schema/foreign-key',
          `${where}.reference.resource`,
          `The reference is to "${target}", which is not a table.`,
        );
        return;
      }
      const otherFields = (
        Array.isArray(otherSchema['fields']) ? otherSchema['fields'] : []
      ).filter(isObject);
      for (const f of theirs) {
        if (!otherFields.some((o) => o['name'] === f))
          here(
            'schema/foreign-key',
            `${where}.reference.fields`,
            `"${target}" has no field "${f}".`,
          );
      }
      const key = list(otherSchema['primaryKey']).map(String);
      const unique =
        (key.length === theirs.length && key.every((k, j) => k === theirs[j])) ||
        (theirs.length === 1 &&
          otherFields.some(
            (o) =>
              o['name'] === theirs[0] &&
              isObject(o['constraints']) &&
              o['constraints']['unique'] === true,
          ));
      if (!unique)
        here(
          'schema/foreign-key',
          `${where}.reference.fields`,
          `"${target}".${theirs.join(',')} is neither its primary key nor unique, so a reference to it is ambiguous.`,
        );
    });
  }
}

function checkField(
  f: unknown,
  at: string,
  here: (code: string, where: string, message: string) => void,
): string | undefined {
  if (!isObject(f) || !isString(f['name']) || f['name'] === '') {
    here('schema/field-name', at, 'Each field has a non-empty "name".');
    return undefined;
  }
  const name = f['name'];
  const type = f['type'] === undefined ? 'string' : String(f['type']);
  if (!(FIELD_TYPES as readonly string[]).includes(type)) {
    here(
      'schema/field-type',
      `${at}.type`,
      `${name}: "${type}" is not a Table Schema type (${FIELD_TYPES.join(', ')}).`,
    );
    return name;
  }
  if (f['format'] !== undefined) {
    const ok =
      isString(f['format']) && (FORMATS[type] ?? ((x: string) => x === 'default'))(f['format']);
    if (!ok)
      here(
        'schema/field-format',
        `${at}.format`,
        `${name}: a ${type} field has no format "${String(f['format'])}".`,
      );
  }
  for (const key of ['title', 'description'] as const)
    if (f[key] !== undefined && !isString(f[key]))
      here('schema/field', `${at}.${key}`, `${name}: "${key}" must be text.`);
  const c = f['constraints'];
  if (c === undefined) {
    if (f['example'] !== undefined) checkExample(f, type, at, here);
    return name;
  }
  if (!isObject(c)) {
    here('schema/constraints', `${at}.constraints`, `${name}: "constraints" is an object.`);
    return name;
  }
  const supported = SUPPORTED[type]!;
  for (const key of Object.keys(c)) {
    if (!supported.includes(key))
      here(
        'schema/constraint-type',
        `${at}.constraints.${key}`,
        `${name}: a ${type} field cannot have the constraint "${key}" (it takes ${supported.join(', ')}).`,
      );
  }
  for (const key of ['required', 'unique'])
    if (c[key] !== undefined && typeof c[key] !== 'boolean')
      here('schema/constraint', `${at}.constraints.${key}`, `${name}: "${key}" is true or false.`);
  for (const key of ['minLength', 'maxLength'])
    if (c[key] !== undefined && !(Number.isInteger(c[key]) && Number(c[key]) >= 0))
      here(
        'schema/constraint',
        `${at}.constraints.${key}`,
        `${name}: "${key}" is a whole number, 0 or more.`,
      );
  if (
    isFiniteNumber(c['minLength']) &&
    isFiniteNumber(c['maxLength']) &&
    c['minLength'] > c['maxLength']
  )
    here(
      'schema/constraint',
      `${at}.constraints`,
      `${name}: minLength is more than maxLength, so no value fits.`,
    );
  for (const key of ['minimum', 'maximum']) {
    if (c[key] === undefined) continue;
    const value = c[key];
    const ok =
      type === 'integer' || type === 'number'
        ? isFiniteNumber(value)
        : isString(value) && castValue(type, value).ok;
    if (!ok)
      here('schema/constraint', `${at}.constraints.${key}`, `${name}: "${key}" must be a ${type}.`);
  }
  if (isFiniteNumber(c['minimum']) && isFiniteNumber(c['maximum']) && c['minimum'] > c['maximum'])
    here(
      'schema/constraint',
      `${at}.constraints`,
      `${name}: minimum is more than maximum, so no value fits.`,
    );
  if (c['pattern'] !== undefined) {
    const problem = isString(c['pattern']) ? patternProblem(c['pattern']) : 'it is not text';
    if (problem)
      here(
        'schema/pattern',
        `${at}.constraints.pattern`,
        `${name}: the pattern ${JSON.stringify(c['pattern'])} is not an XML Schema regular expression: ${problem}.`,
      );
  }
  if (c['enum'] !== undefined) {
    const values = c['enum'];
    if (
      !Array.isArray(values) ||
      values.length === 0 ||
      new Set(values.map((v) => JSON.stringify(v))).size !== values.length
    )
      here(
        'schema/enum',
        `${at}.constraints.enum`,
        `${name}: "enum" is a non-empty list of different values.`,
      );
    else {
      for (const v of values) {
        const cast = isString(v)
          ? castValue(type, v)
          : {
              ok:
                typeof v === 'number'
                  ? type === 'number' || type === 'integer'
                  : typeof v === 'boolean' && type === 'boolean',
              value: v,
            };
        if (!cast.ok)
          here(
            'schema/enum',
            `${at}.constraints.enum`,
            `${name}: the allowed value ${JSON.stringify(v)} is not a ${type}.`,
          );
      }
    }
  }
  if (f['example'] !== undefined) checkExample(f, type, at, here);
  return name;
}

/** An example that its own field would reject misleads everyone who copies it. */
function checkExample(
  f: Json,
  type: string,
  at: string,
  here: (code: string, where: string, message: string) => void,
): void {
  const example = f['example'];
  if (!isString(example)) return;
  const problem = checkCell(f as unknown as SchemaField, example, 'text');
  if (problem)
    here(
      'schema/example',
      `${at}.example`,
      `${String(f['name'])}: the example ${JSON.stringify(example)} ${problem.message} (type ${type}).`,
    );
}

const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * Why `pattern` is not an XML Schema regular expression (as Table Schema asks), or undefined.
 * XML Schema patterns match the whole value: no anchors, no `(?…)` groups, no lazy
 * quantifiers, no back-references.
 */
export function patternProblem(pattern: string): string | undefined {
  try {
    new RegExp(`^(?:${pattern})$`, 'u');
  } catch (e) {
    return e instanceof Error ? e.message : 'it does not compile';
  }
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === '\\') {
      const next = pattern[i + 1] ?? '';
      if (/[1-9bBk]/.test(next))
        return `"\\${next}" (a back-reference or word boundary) is not XML Schema`;
      i++;
      continue;
    }
    if (inClass) {
      if (ch === ']') inClass = false;
      continue;
    }
    if (ch === '[') inClass = true;
    else if (ch === '^' || ch === '$')
      return `"${ch}" is an anchor; Table Schema patterns always match the whole value`;
    else if (ch === '(' && pattern[i + 1] === '?')
      return '"(?" groups are not XML Schema; use plain "(…)"';
    else if (
      (ch === '?' || ch === '+' || ch === '*' || ch === '}') &&
      pattern[i + 1] === '?' &&
      ch !== '?'
    )
      return 'lazy quantifiers are not XML Schema';
  }
  return undefined;
}
