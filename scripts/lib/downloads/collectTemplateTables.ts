/**
 * Contract templates as tables a researcher can analyse without reading JSON: one row per
 * template version, per parameter, per clause, per pricing cost line and per change note. Titles
 * and descriptions come from schema/contract-template.schema.json; the JSON files themselves are
 * published alongside, byte for byte.
 */
import type { Codelist, JsonSource } from '../loadRegister.ts';
import contractTemplateSchema from '../../../schema/contract-template.schema.json' with { type: 'json' };
import type {
  CellValue,
  DownloadField,
  DownloadRecord,
  DownloadTable,
  FieldType,
} from './downloadTable.ts';
import { codelistResource, sortByKey } from './collectRegisterTables.ts';

type Json = Record<string, unknown>;
const SCHEMA = contractTemplateSchema as unknown as Json;
const DEFS = SCHEMA['$defs'] as Record<string, Json>;

/** The JSON Schema node at `path` (`properties.title`, `$defs.parameter.properties.name`). */
function node(path: string): Json {
  let at: unknown = SCHEMA;
  for (const part of path.split('.')) at = (at as Json | undefined)?.[part];
  return (at ?? {}) as Json;
}

interface Column {
  name: string;
  /** Where the title and description come from in the template schema. */
  from?: string;
  title?: string;
  description?: string;
  type?: FieldType;
  list?: boolean;
  required?: boolean;
  codelist?: string;
  /** A second schema node whose pattern the value may match instead (schedule clause numbers). */
  or?: string;
}

/** `^(?:a|b)$` from `^a$` and `^b$`: a value matching either. */
function eitherPattern(a: unknown, b: unknown): string | undefined {
  if (typeof a !== 'string' || typeof b !== 'string') return undefined;
  const core = (p: string) => p.replace(/^\^/, '').replace(/\$$/, '');
  return `^(?:${core(a)}|${core(b)})$`;
}

function field(c: Column, codelists: ReadonlyMap<string, Codelist>): DownloadField {
  const schema = c.from ? node(c.from) : {};
  const items = (schema['items'] ?? {}) as Json;
  const source = c.list ? items : schema;
  const f: DownloadField = {
    name: c.name,
    title: c.title ?? String(schema['title'] ?? c.name),
    description: c.description ?? String(schema['description'] ?? ''),
    type: c.type ?? (source['format'] === 'date' ? 'date' : typeFromSchema(source['type'])),
    list: c.list ?? false,
    required: c.required ?? false,
  };
  const pattern = c.or
    ? eitherPattern(source['pattern'], node(c.or)['pattern'])
    : source['pattern'];
  if (typeof pattern === 'string') f.pattern = pattern;
  if (typeof source['maxLength'] === 'number') f.maxLength = source['maxLength'];
  if (typeof source['minLength'] === 'number') f.minLength = source['minLength'];
  const codelist =
    c.codelist ?? (typeof source['x-codelist'] === 'string' ? source['x-codelist'] : undefined);
  if (codelist) {
    f.codelist = codelist;
    const codes = codelists.get(codelist);
    if (codes) f.enum = [...codes.entries.keys()];
  } else if (Array.isArray(source['enum'])) f.enum = source['enum'].map(String);
  return f;
}

function typeFromSchema(type: unknown): FieldType {
  const t = Array.isArray(type) ? type.find((x) => x !== 'null') : type;
  return t === 'integer'
    ? 'integer'
    : t === 'number'
      ? 'number'
      : t === 'boolean'
        ? 'boolean'
        : 'string';
}

const TEMPLATE_KEY: Column[] = [
  { name: 'template_id', from: 'properties.id', required: true },
  { name: 'version', from: 'properties.version', required: true },
];

const TABLE_COLUMNS: Record<
  string,
  { title: string; description: string; columns: Column[]; key: string[] }
> = {
  'contract-templates': {
    title: 'Contract templates',
    description: `${String(SCHEMA['description'])} One row per template version.`,
    columns: [
      ...TEMPLATE_KEY,
      { name: 'title', from: 'properties.title', required: true },
      { name: 'summary', from: 'properties.summary', required: true },
      { name: 'status', from: 'properties.status', required: true },
      { name: 'published_on', from: 'properties.published_on' },
      { name: 'supersedes', from: 'properties.supersedes' },
      { name: 'licence', from: 'properties.licence', required: true },
      {
        name: 'parameter_count',
        title: 'Parameters',
        description: 'How many parameters the version asks for.',
        type: 'integer',
        required: true,
      },
      {
        name: 'clause_count',
        title: 'Clauses',
        description: 'How many clauses the version has, in sections and schedules.',
        type: 'integer',
        required: true,
      },
    ],
    key: ['template_id', 'version'],
  },
  'contract-template-parameters': {
    title: 'Contract template parameters',
    description: `${String(DEFS['parameter']?.['description'])} One row per parameter of each template version.`,
    columns: [
      ...TEMPLATE_KEY,
      {
        name: 'position',
        title: 'Position',
        description: 'The parameter’s place in the template’s list, from 1.',
        type: 'integer',
        required: true,
      },
      { name: 'name', from: '$defs.parameter.properties.name', required: true },
      { name: 'label', from: '$defs.parameter.properties.label', required: true },
      { name: 'type', from: '$defs.parameter.properties.type', required: true },
      { name: 'required', from: '$defs.parameter.properties.required', required: true },
      { name: 'minimum', from: '$defs.parameter.properties.constraints.properties.minimum' },
      { name: 'maximum', from: '$defs.parameter.properties.constraints.properties.maximum' },
      { name: 'max_length', from: '$defs.parameter.properties.constraints.properties.max_length' },
      {
        name: 'options',
        from: '$defs.parameter.properties.constraints.properties.options',
        list: true,
      },
      { name: 'guidance', from: '$defs.parameter.properties.guidance' },
    ],
    key: ['template_id', 'version', 'name'],
  },
  'contract-template-clauses': {
    title: 'Contract template clauses',
    description:
      'Every numbered clause of every template version, in sections and schedules, in order.',
    columns: [
      ...TEMPLATE_KEY,
      {
        name: 'position',
        title: 'Position',
        description: 'The clause’s place in the whole template, from 1.',
        type: 'integer',
        required: true,
      },
      {
        name: 'part',
        title: 'Part',
        description: 'Whether the clause is in a section of the main body or in a schedule.',
        required: true,
      },
      {
        name: 'part_number',
        from: '$defs.section.properties.number',
        title: 'Section or schedule number',
        required: true,
      },
      {
        name: 'part_title',
        from: '$defs.section.properties.title',
        title: 'Section or schedule title',
        required: true,
      },
      { name: 'schedule_kind', from: '$defs.schedule.properties.kind' },
      {
        name: 'number',
        from: '$defs.sectionClause.properties.number',
        or: '$defs.scheduleClause.properties.number',
        description: 'The clause number: "4.2" in a section, "S3.1" in a schedule.',
        required: true,
      },
      { name: 'heading', from: '$defs.sectionClause.properties.heading', required: true },
      { name: 'text', from: '$defs.sectionClause.properties.text', required: true },
      { name: 'guidance', from: '$defs.sectionClause.properties.guidance' },
      { name: 'topics', from: '$defs.sectionClause.properties.topics', list: true, required: true },
    ],
    key: ['template_id', 'version', 'number'],
  },
  'contract-template-cost-lines': {
    title: 'Contract template cost lines',
    description: `${String(DEFS['costLine']?.['description'])} One row per line of each pricing schedule.`,
    columns: [
      ...TEMPLATE_KEY,
      { name: 'schedule_number', from: '$defs.schedule.properties.number', required: true },
      {
        name: 'position',
        title: 'Position',
        description: 'The line’s place in the schedule’s cost lines, from 1.',
        type: 'integer',
        required: true,
      },
      { name: 'category', from: '$defs.costLine.properties.category', required: true },
      { name: 'description', from: '$defs.costLine.properties.description', required: true },
      { name: 'guidance', from: '$defs.costLine.properties.guidance' },
    ],
    key: ['template_id', 'version', 'schedule_number', 'position'],
  },
  'contract-template-change-notes': {
    title: 'Contract template change notes',
    description: `${String(DEFS['changeNote']?.['description'])} One row per note in each template version, newest first.`,
    columns: [
      ...TEMPLATE_KEY,
      {
        name: 'position',
        title: 'Position',
        description: 'The note’s place in the version’s list, from 1 (newest).',
        type: 'integer',
        required: true,
      },
      {
        name: 'note_version',
        from: '$defs.changeNote.properties.version',
        title: 'Version described',
        required: true,
      },
      { name: 'date', from: '$defs.changeNote.properties.date', required: true },
      { name: 'summary', from: '$defs.changeNote.properties.summary', required: true },
    ],
    key: ['template_id', 'version', 'position'],
  },
};

const str = (v: unknown): string | undefined =>
  typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : undefined;
const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);
const arr = (v: unknown): Json[] =>
  Array.isArray(v) ? v.filter((x): x is Json => typeof x === 'object' && x !== null) : [];
const strings = (v: unknown): string[] | undefined =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined;

/** Drops absent values, so records hold only what the template says. */
function record(values: Record<string, CellValue>): DownloadRecord {
  const out: Record<string, CellValue> = {};
  for (const [k, v] of Object.entries(values)) if (v !== undefined && v !== '') out[k] = v;
  return out;
}

export function collectTemplateTables(
  templates: readonly JsonSource<unknown>[],
  codelists: ReadonlyMap<string, Codelist>,
): DownloadTable[] {
  const rows: Record<string, DownloadRecord[]> = Object.fromEntries(
    Object.keys(TABLE_COLUMNS).map((k) => [k, []]),
  );
  for (const source of templates) {
    const t = source.value;
    if (typeof t !== 'object' || t === null) continue;
    const template = t as Json;
    const [, folder, file] = source.file.split('/');
    const key = {
      template_id: str(template['id']) ?? folder,
      version: str(template['version']) ?? file?.replace(/\.json$/, ''),
    };
    const parts = [
      ...arr(template['sections']).map((s) => ({ part: 'section', s })),
      ...arr(template['schedules']).map((s) => ({ part: 'schedule', s })),
    ];
    let position = 0;
    for (const { part, s } of parts) {
      for (const c of arr(s['clauses'])) {
        rows['contract-template-clauses']!.push(
          record({
            ...key,
            position: ++position,
            part,
            part_number: str(s['number']),
            part_title: str(s['title']),
            schedule_kind: str(s['kind']),
            number: str(c['number']),
            heading: str(c['heading']),
            text: str(c['text']),
            guidance: str(c['guidance']),
            topics: strings(c['topics']),
          }),
        );
      }
      arr(s['cost_lines']).forEach((line, i) =>
        rows['contract-template-cost-lines']!.push(
          record({
            ...key,
            schedule_number: str(s['number']),
            position: i + 1,
            category: str(line['category']),
            description: str(line['description']),
            guidance: str(line['guidance']),
          }),
        ),
      );
    }
    const parameters = arr(template['parameters']);
    parameters.forEach((p, i) => {
      const constraints = (p['constraints'] ?? {}) as Json;
      rows['contract-template-parameters']!.push(
        record({
          ...key,
          position: i + 1,
          name: str(p['name']),
          label: str(p['label']),
          type: str(p['type']),
          required: typeof p['required'] === 'boolean' ? p['required'] : undefined,
          minimum: num(constraints['minimum']),
          maximum: num(constraints['maximum']),
          max_length: num(constraints['max_length']),
          options: strings(constraints['options']),
          guidance: str(p['guidance']),
        }),
      );
    });
    arr(template['change_notes']).forEach((n, i) =>
      rows['contract-template-change-notes']!.push(
        record({
          ...key,
          position: i + 1,
          note_version: str(n['version']),
          date: str(n['date']),
          summary: str(n['summary']),
        }),
      ),
    );
    rows['contract-templates']!.push(
      record({
        ...key,
        title: str(template['title']),
        summary: str(template['summary']),
        status: str(template['status']),
        published_on: str(template['published_on']),
        supersedes: str(template['supersedes']),
        licence: str(template['licence']),
        parameter_count: parameters.length,
        clause_count: position,
      }),
    );
  }

  return Object.entries(TABLE_COLUMNS).map(([name, t]) => {
    const fields = t.columns.map((c) => field(c, codelists));
    const single = t.key.length === 1 ? t.key[0] : undefined;
    for (const f of fields) if (f.name === single) f.unique = true;
    const foreignKeys = [
      ...(name === 'contract-templates'
        ? []
        : [
            {
              fields: ['template_id', 'version'],
              reference: { resource: 'contract-templates', fields: ['template_id', 'version'] },
            },
          ]),
      ...fields
        .filter((f) => f.codelist && !f.list && codelists.has(f.codelist))
        .map((f) => ({
          fields: [f.name],
          reference: { resource: codelistResource(f.codelist!), fields: ['code'] },
        })),
    ];
    return {
      name,
      path: name,
      title: t.title,
      description: t.description,
      fields,
      primaryKey: t.key,
      foreignKeys,
      // Clauses keep their reading order within a version; versions are in key order.
      records:
        name === 'contract-template-clauses' ||
        name === 'contract-template-change-notes' ||
        name === 'contract-template-parameters'
          ? sortByKey(rows[name]!, ['template_id', 'version']).sort(byVersionThenPosition)
          : sortByKey(rows[name]!, t.key),
    };
  });
}

function byVersionThenPosition(a: DownloadRecord, b: DownloadRecord): number {
  const x = `${String(a['template_id'])}\u0000${String(a['version'])}`;
  const y = `${String(b['template_id'])}\u0000${String(b['version'])}`;
  if (x !== y) return x < y ? -1 : 1;
  return Number(a['position']) - Number(b['position']);
}
