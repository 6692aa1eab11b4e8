/**
 * Validates the contract templates (`contract-templates/<id>/<version>.json`): each file against
 * the schema, then the rules a schema cannot say. Every placeholder is a declared parameter and
 * every parameter is used; cross-references point at clauses, sections and schedules that
 * exist; sections, schedules and clauses are numbered 1, 2, 3… in order; the id and version
 * match the folder and file name; codes come from the codelists; and, across the versions of a
 * template, `supersedes` names an earlier version that exists and only one version is
 * published at a time.
 *
 * Every issue points at the file, line and column (inside a clause's text for a placeholder or
 * cross-reference) and the JSON pointer of the field, says what is wrong in plain English and
 * how to put it right. The module is pure: it reads the loaded register and returns issues.
 * It is defensive throughout: a file that fails the schema is still checked as far as its
 * shape allows, so one mistake does not hide the next.
 */
import { closest, distance } from 'fastest-levenshtein';
import type { ErrorObject, ValidateFunction } from 'ajv';
import templateSchema from '../../schema/contract-template.schema.json' with { type: 'json' };
import { compareIssues, error, warning, type Issue, type IssueAt } from './issue.ts';
import type { Codelist, JsonSource, LoadedRegister } from './loadRegister.ts';
import { createAjv } from './schemas.ts';
import { suggestCode } from './suggest.ts';
import { forbiddenCharacterAt } from './textPolicy.ts';
import { locateJson, type JsonLocator } from './contracts/locateJson.ts';
import {
  findCrossReferences,
  findMalformedPlaceholders,
  findPlaceholders,
  type CrossReference,
} from './contracts/segmentText.ts';
import { appendAll } from './appendAll.ts';

export interface TemplateCheckOptions {
  /** `YYYY-MM-DD`: a published version dated after it gets a warning. */
  today?: string;
}

type Json = Record<string, unknown>;

const obj = (v: unknown): Json | undefined =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : undefined;
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

const SEMVER = /^(\d+)\.(\d+)\.(\d+)$/;
const FILE = /^contract-templates\/([^/]+)\/([^/]+)\.json$/;

export function compareVersions(a: string, b: string): number {
  const x = SEMVER.exec(a);
  const y = SEMVER.exec(b);
  if (!x || !y) return a < b ? -1 : a > b ? 1 : 0;
  for (let i = 1; i <= 3; i++) {
    const d = Number(x[i]) - Number(y[i]);
    if (d !== 0) return d;
  }
  return 0;
}

function ordinal(n: number): string {
  const s = ['th', 'st', 'nd', 'rd'];
  const v = n % 100;
  return `${n}${s[(v - 20) % 10] ?? s[v] ?? s[0]}`;
}

function quote(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return `"${text.length > 60 ? `${text.slice(0, 57)}…` : text}"`;
}

let compiled: ValidateFunction | undefined;
function schemaCheck(): ValidateFunction {
  compiled ??= createAjv().compile(templateSchema);
  return compiled;
}

/** One template file as the checks see it. */
interface Checked {
  source: JsonSource<unknown>;
  folder: string;
  /** The file name without `.json`; a version when the name is right. */
  name: string;
  value: Json | undefined;
  locate: JsonLocator;
  at(pointer: string, inside?: number): IssueAt;
}

/** "clause 4.2", "Schedule 3", "parameter "term_years"": what a pointer names, for messages. */
function describe(value: Json, pointer: string): string {
  const parts = pointer.split('/').slice(1);
  const [top, i, sub, j] = parts;
  const index = Number(i);
  if (top === 'sections' || top === 'schedules') {
    const part = obj(arr(value[top])[index]);
    const number = str(part?.['number']);
    const label =
      top === 'sections'
        ? `section ${number ?? `${index + 1} (by position)`}`
        : `Schedule ${number ?? `${index + 1} (by position)`}`;
    if (sub === 'clauses' && j !== undefined) {
      const clause = obj(arr(part?.['clauses'])[Number(j)]);
      const cn = str(clause?.['number']);
      return cn ? `clause ${cn}` : `the ${ordinal(Number(j) + 1)} clause of ${label}`;
    }
    if (sub === 'cost_lines' && j !== undefined) {
      return `cost line ${Number(j) + 1} of ${label}`;
    }
    return label;
  }
  if (top === 'parameters' && i !== undefined) {
    const name = str(obj(arr(value['parameters'])[index])?.['name']);
    return name ? `parameter "${name}"` : `the ${ordinal(index + 1)} parameter`;
  }
  if (top === 'change_notes' && i !== undefined) return `change note ${index + 1}`;
  return 'the template';
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Ends a sentence with a full stop unless it already ends with one (or a question mark). */
function sentence(text: string): string {
  return /[.?!]$/.test(text) ? text : `${text}.`;
}

/** `1 to 3`, or just `1` when there is one. */
function span(list: readonly string[]): string {
  return list.length > 1 ? `${list[0]} to ${list.at(-1)}` : (list[0] ?? '');
}

/** What the last step of a pointer names, in words: the text, the heading, an option… */
function fieldName(pointer: string): string {
  const last = pointer.split('/').at(-1) ?? '';
  if (/^\d+$/.test(last)) return 'option';
  return last === 'fallback' ? 'wording for a blank value' : last;
}

/** The schema node a JSON Schema path names, following one `$ref`. */
function schemaAt(path: string): Json | undefined {
  let node: unknown = templateSchema;
  for (const raw of path.replace(/^#\/?/, '').split('/')) {
    if (raw === '') continue;
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    node = Array.isArray(node) ? node[Number(key)] : obj(node)?.[key];
  }
  const ref = str(obj(node)?.['$ref']);
  return ref ? schemaAt(ref) : obj(node);
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a group of fields',
  null: 'null',
};

function schemaIssues(checked: Checked, errors: readonly ErrorObject[]): Issue[] {
  const issues: Issue[] = [];
  const value = checked.value ?? {};
  for (const e of errors) {
    // `if` errors only say that a `then` failed; the failure itself is reported too.
    if (e.keyword === 'if' || e.keyword === 'const') continue;
    // A field of the template itself reads better without "The template:" in front.
    const topLevel = /^\/[a-z_]+$/.test(e.instancePath);
    const where = capitalise(describe(value, e.instancePath));
    const node = schemaAt(e.schemaPath.slice(0, e.schemaPath.lastIndexOf('/')));
    const title = str(node?.['title']) ?? 'this field';
    const description = str(node?.['description']);
    if (e.keyword === 'required') {
      const missing = String(e.params['missingProperty']);
      const field = `${e.instancePath}/${missing}`;
      if (missing === 'published_on') {
        issues.push(
          error(
            'template/published-on',
            checked.at(e.instancePath),
            `This version is ${str(value['status']) ?? 'published'}, so it must say when it was published, but published_on is missing.`,
            'Add "published_on": "YYYY-MM-DD" with the date the version was published for use.',
          ),
        );
        continue;
      }
      const property = schemaAt(
        `${e.schemaPath.slice(0, e.schemaPath.lastIndexOf('/'))}/properties/${missing}`,
      );
      issues.push(
        error(
          'template/schema',
          { ...checked.at(e.instancePath), field },
          `${where} has no "${missing}" (${(str(property?.['title']) ?? missing).toLowerCase()}).`,
          `Add "${missing}". ${str(property?.['description']) ?? ''}`.trim(),
        ),
      );
      continue;
    }
    if (e.keyword === 'additionalProperties') {
      const extra = String(e.params['additionalProperty']);
      const field = `${e.instancePath}/${extra}`;
      const known = Object.keys(obj(node?.['properties']) ?? {});
      const near = known.length ? closest(extra, known) : undefined;
      issues.push(
        error(
          'template/schema',
          checked.at(field),
          `${where} has a field "${extra}" that a contract template does not have.`,
          near && distance(extra, near) <= 3
            ? `Did you mean "${near}"? Otherwise remove it.`
            : `Remove it. The fields allowed here are: ${known.map((k) => `"${k}"`).join(', ')}.`,
        ),
      );
      continue;
    }
    const actual = pointerValue(value, e.instancePath);
    if (e.instancePath === '' && e.keyword === 'type') {
      issues.push(
        error(
          'template/schema',
          checked.at(''),
          'The file does not hold a contract template: it must be one JSON object with fields such as "id", "title" and "sections".',
          'Start from an existing version of a template and change it.',
        ),
      );
      continue;
    }
    let message: string;
    let fix = description ?? 'See schema/contract-template.schema.json.';
    switch (e.keyword) {
      case 'type': {
        const types = ([] as string[]).concat(e.params['type'] as string | string[]);
        message = `${where}: ${title.toLowerCase()} must be ${types.map((t) => TYPE_WORDS[t] ?? t).join(' or ')}.`;
        break;
      }
      case 'pattern':
        message = `${where}: ${title.toLowerCase()} ${quote(actual)} is not in the right form.`;
        break;
      case 'enum':
        message = `${where}: ${title.toLowerCase()} ${quote(actual)} is not one of the allowed values.`;
        fix = `Use one of: ${(e.params['allowedValues'] as unknown[]).map((v) => quote(v)).join(', ')}.`;
        break;
      case 'minLength':
        message = `${where}: ${title.toLowerCase()} is empty.`;
        break;
      case 'maxLength':
        message = `${where}: ${title.toLowerCase()} is longer than ${String(e.params['limit'])} characters.`;
        fix = 'Shorten it.';
        break;
      case 'minItems':
        message = `${where}: ${title.toLowerCase()} must have at least ${String(e.params['limit'])}.`;
        break;
      case 'uniqueItems':
        message = `${where}: ${title.toLowerCase()} lists the same value twice.`;
        fix = 'Remove the repeated value.';
        break;
      case 'format':
        message = `${where}: ${title.toLowerCase()} ${quote(actual)} is not a real date in the form YYYY-MM-DD.`;
        fix = 'Write the date as YYYY-MM-DD, for example 2026-04-01.';
        break;
      default:
        message = `${where}: ${title.toLowerCase()} ${e.message ?? 'is not valid'}.`;
    }
    if (topLevel) message = capitalise(message.slice(where.length + 2));
    issues.push(error('template/schema', checked.at(e.instancePath), message, sentence(fix)));
  }
  return issues;
}

function pointerValue(value: unknown, pointer: string): unknown {
  let node = value;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    node = Array.isArray(node) ? node[Number(key)] : obj(node)?.[key];
  }
  return node;
}

/** A string in the template, and what kind of text it is. */
interface TextField {
  pointer: string;
  text: string;
  /** Clause text takes placeholders; `contract` is other printed text; `notes` are change notes. */
  role: 'clause-text' | 'contract' | 'guidance' | 'notes';
}

function textFields(value: Json): TextField[] {
  const fields: TextField[] = [];
  const add = (pointer: string, text: unknown, role: TextField['role']) => {
    if (typeof text === 'string') fields.push({ pointer, text, role });
  };
  add('/title', value['title'], 'contract');
  add('/summary', value['summary'], 'contract');
  arr(value['parameters']).forEach((p, i) => {
    const o = obj(p);
    add(`/parameters/${i}/label`, o?.['label'], 'contract');
    add(`/parameters/${i}/guidance`, o?.['guidance'], 'guidance');
    add(`/parameters/${i}/fallback`, o?.['fallback'], 'contract');
    arr(obj(o?.['constraints'])?.['options']).forEach((option, k) =>
      add(`/parameters/${i}/constraints/options/${k}`, option, 'contract'),
    );
  });
  for (const kind of ['sections', 'schedules'] as const) {
    arr(value[kind]).forEach((part, i) => {
      const o = obj(part);
      add(`/${kind}/${i}/title`, o?.['title'], 'contract');
      arr(o?.['clauses']).forEach((clause, j) => {
        const c = obj(clause);
        add(`/${kind}/${i}/clauses/${j}/heading`, c?.['heading'], 'contract');
        add(`/${kind}/${i}/clauses/${j}/text`, c?.['text'], 'clause-text');
        add(`/${kind}/${i}/clauses/${j}/guidance`, c?.['guidance'], 'guidance');
      });
      arr(o?.['cost_lines']).forEach((line, k) => {
        const l = obj(line);
        add(`/${kind}/${i}/cost_lines/${k}/description`, l?.['description'], 'contract');
        add(`/${kind}/${i}/cost_lines/${k}/guidance`, l?.['guidance'], 'guidance');
      });
    });
  }
  arr(value['change_notes']).forEach((n, i) =>
    add(`/change_notes/${i}/summary`, obj(n)?.['summary'], 'notes'),
  );
  return fields;
}

const MARKUP = /<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>|<!--|&(?:[a-z]+|#\d+|#x[0-9a-f]+);/i;

function checkFile(
  source: JsonSource<unknown>,
  codelists: ReadonlyMap<string, Codelist>,
  issues: Issue[],
): Checked {
  const match = FILE.exec(source.file);
  const locate = locateJson(source.text);
  const checked: Checked = {
    source,
    folder: match?.[1] ?? '',
    name: match?.[2] ?? '',
    value: obj(source.value),
    locate,
    at: (pointer, inside) => ({ file: source.file, ...locate.at(pointer, inside), field: pointer }),
  };
  const top = checked.at('');
  const topAt: IssueAt = { ...top, line: 1, column: 1, field: '' };

  if (!SEMVER.test(checked.name)) {
    issues.push(
      error(
        'template/file-name',
        topAt,
        `The file name ${checked.name}.json is not a version number.`,
        'Name each version of a template after its version, like contract-templates/<template-id>/1.1.0.json.',
      ),
    );
  }

  for (const d of locate.duplicateKeys()) {
    issues.push(
      error(
        'template/duplicate-key',
        { file: source.file, ...d.position, field: d.pointer },
        `"${d.key}" is given twice in the same object; only the last one counts, so the first is silently ignored.`,
        `Keep one "${d.key}" and delete the other.`,
      ),
    );
  }

  const validate = schemaCheck();
  if (!validate(source.value)) appendAll(issues, schemaIssues(checked, validate.errors ?? []));
  const value = checked.value;
  if (!value) return checked;

  // The file's place: folder is the id, file name is the version.
  const id = str(value['id']);
  if (id !== undefined && id !== checked.folder) {
    issues.push(
      error(
        'template/id',
        checked.at('/id'),
        `The id is "${id}", but the file is in the folder contract-templates/${checked.folder}/.`,
        `Make them the same: set "id": "${checked.folder}", or move the file to contract-templates/${id}/.`,
      ),
    );
  }
  const version = str(value['version']);
  if (version !== undefined && SEMVER.test(checked.name) && version !== checked.name) {
    issues.push(
      error(
        'template/version',
        checked.at('/version'),
        `The version is "${version}", but the file is named ${checked.name}.json.`,
        `Make them the same: set "version": "${checked.name}", or rename the file to ${version}.json.`,
      ),
    );
  }

  checkCodes(checked, value, codelists, issues);
  const numbers = checkNumbering(checked, value, issues);
  const parameters = checkParameters(checked, value, issues);
  checkText(checked, value, parameters, numbers, issues);
  checkCostLines(checked, value, codelists, issues);
  checkChangeNotes(checked, value, issues);
  return checked;
}

function checkCodes(
  checked: Checked,
  value: Json,
  codelists: ReadonlyMap<string, Codelist>,
  issues: Issue[],
): void {
  const check = (list: string, pointer: string, code: unknown, noun: string) => {
    const entries = codelists.get(list)?.entries;
    if (!entries || typeof code !== 'string' || entries.has(code)) return;
    if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(code)) return; // the schema has said so already
    issues.push(
      error(
        'template/codelist',
        checked.at(pointer),
        `${capitalise(describe(value, pointer))} has ${noun} "${code}", which is not in the ${list} codelist.`,
        sentence(capitalise(suggestCode(code, [...entries.keys()], list))),
      ),
    );
  };
  check('template-statuses', '/status', value['status'], 'the status');
  for (const kind of ['sections', 'schedules'] as const) {
    arr(value[kind]).forEach((part, i) => {
      arr(obj(part)?.['clauses']).forEach((clause, j) => {
        arr(obj(clause)?.['topics']).forEach((topic, k) => {
          const pointer = `/${kind}/${i}/clauses/${j}/topics/${k}`;
          check('clause-topics', pointer, topic, 'the topic');
        });
      });
    });
  }
  arr(value['schedules']).forEach((schedule, i) => {
    arr(obj(schedule)?.['cost_lines']).forEach((line, k) => {
      const pointer = `/schedules/${i}/cost_lines/${k}/category`;
      check('cost-categories', pointer, obj(line)?.['category'], 'the category');
    });
  });
}

/** The template's numbers, as cross-references may name them, in document order. */
interface Numbers {
  clauses: string[];
  sections: Set<string>;
  schedules: Set<string>;
}

function checkNumbering(checked: Checked, value: Json, issues: Issue[]): Numbers {
  const numbers: Numbers = { clauses: [], sections: new Set(), schedules: new Set() };
  const clauseLines = new Map<string, number>();
  for (const kind of ['sections', 'schedules'] as const) {
    const label = kind === 'sections' ? 'Section' : 'Schedule';
    const seen = new Map<string, number>();
    arr(value[kind]).forEach((item, i) => {
      const part = obj(item);
      if (!part) return;
      const number = str(part['number']);
      const pointer = `/${kind}/${i}/number`;
      const valid = number !== undefined && /^[1-9][0-9]*$/.test(number);
      if (valid) {
        const first = seen.get(number);
        if (first !== undefined) {
          issues.push(
            error(
              'template/duplicate-number',
              checked.at(pointer),
              `${label} ${number} is numbered twice: the ${label.toLowerCase()} on line ${first} has the same number.`,
              `Number the ${kind} 1, 2, 3… in order; this is the ${ordinal(i + 1)}, so it is ${i + 1}.`,
            ),
          );
        } else {
          seen.set(number, checked.at(pointer).line);
          if (number !== String(i + 1)) {
            issues.push(
              error(
                'template/numbering',
                checked.at(pointer),
                `${label} ${number} is the ${ordinal(i + 1)} ${label.toLowerCase()}: ${kind} are numbered 1, 2, 3… in order, so it should be ${i + 1}.`,
                `Renumber it ${i + 1} (and its clauses), and update any cross-references to it.`,
              ),
            );
          }
        }
        (kind === 'sections' ? numbers.sections : numbers.schedules).add(number);
      }
      const prefix = kind === 'sections' ? number : `S${number}`;
      const pattern =
        kind === 'sections' ? /^[1-9][0-9]*\.[1-9][0-9]*$/ : /^S[1-9][0-9]*\.[1-9][0-9]*$/;
      arr(part['clauses']).forEach((c, j) => {
        const cn = str(obj(c)?.['number']);
        if (cn === undefined || !pattern.test(cn)) return; // the schema has said so already
        const at = checked.at(`/${kind}/${i}/clauses/${j}/number`);
        const expected = `${prefix}.${j + 1}`;
        const first = clauseLines.get(cn);
        if (first !== undefined) {
          issues.push(
            error(
              'template/duplicate-number',
              at,
              `Clause ${cn} is numbered twice: the clause on line ${first} has the same number.`,
              valid
                ? `Give each clause its own number; this one is ${expected} by its place.`
                : 'Give each clause its own number.',
            ),
          );
          return;
        }
        clauseLines.set(cn, at.line);
        numbers.clauses.push(cn);
        if (!valid) return;
        if (!cn.startsWith(`${prefix}.`)) {
          issues.push(
            error(
              'template/numbering',
              at,
              `Clause ${cn} is in ${label.toLowerCase() === 'section' ? 'section' : 'Schedule'} ${number}, so its number must start ${prefix}.`,
              `Number it ${expected}, or move it to the ${label.toLowerCase()} its number belongs to.`,
            ),
          );
        } else if (cn !== expected) {
          issues.push(
            error(
              'template/numbering',
              at,
              `Clause ${cn} is the ${ordinal(j + 1)} clause of ${label === 'Section' ? 'section' : 'Schedule'} ${number}: clauses are numbered in order without gaps, so it should be ${expected}.`,
              `Renumber it ${expected}, and update any cross-references to it.`,
            ),
          );
        }
      });
    });
  }
  return numbers;
}

interface DeclaredParameter {
  index: number;
  type: string | undefined;
}

function checkParameters(
  checked: Checked,
  value: Json,
  issues: Issue[],
): Map<string, DeclaredParameter> {
  const declared = new Map<string, DeclaredParameter>();
  arr(value['parameters']).forEach((item, i) => {
    const p = obj(item);
    const name = str(p?.['name']);
    if (!p || name === undefined) return;
    const base = `/parameters/${i}`;
    if (declared.has(name)) {
      const first = checked.at(`/parameters/${declared.get(name)!.index}/name`).line;
      issues.push(
        error(
          'template/parameter-duplicate',
          checked.at(`${base}/name`),
          `Parameter "${name}" is declared twice: it is also declared on line ${first}.`,
          'Keep one declaration, or give this one its own name.',
        ),
      );
      return;
    }
    const type = str(p['type']);
    declared.set(name, { index: i, type });
    const constraints = obj(p['constraints']);
    if (constraints) {
      const numeric = type === 'integer' || type === 'money';
      const textual = type === 'text' || type === 'long_text';
      const misplaced = (key: string, applies: string) =>
        issues.push(
          error(
            'template/parameter-constraints',
            checked.at(`${base}/constraints/${key}`),
            `Parameter "${name}" is a ${type ?? 'parameter without a type'}, but ${key} applies only to ${applies} parameters.`,
            `Remove ${key}, or change the parameter's type.`,
          ),
        );
      if (type !== undefined) {
        if (!numeric && 'minimum' in constraints) misplaced('minimum', 'integer and money');
        if (!numeric && 'maximum' in constraints) misplaced('maximum', 'integer and money');
        if (type !== 'choice' && 'options' in constraints) misplaced('options', 'choice');
        if (!textual && 'max_length' in constraints) misplaced('max_length', 'text and long_text');
      }
      const min = constraints['minimum'];
      const max = constraints['maximum'];
      if (typeof min === 'number' && typeof max === 'number' && min > max) {
        issues.push(
          error(
            'template/parameter-constraints',
            checked.at(`${base}/constraints/maximum`),
            `Parameter "${name}" has a maximum (${max}) below its minimum (${min}), so no value could be given.`,
            'Swap them, or correct the one that is wrong.',
          ),
        );
      }
      for (const key of ['minimum', 'maximum'] as const) {
        const n = constraints[key];
        if (type === 'integer' && typeof n === 'number' && !Number.isInteger(n)) {
          issues.push(
            error(
              'template/parameter-constraints',
              checked.at(`${base}/constraints/${key}`),
              `Parameter "${name}" takes whole numbers, but its ${key} is ${n}.`,
              `Use a whole number for the ${key}.`,
            ),
          );
        }
      }
    }
    if (p['fallback'] !== undefined && p['required'] === true) {
      issues.push(
        warning(
          'template/parameter-fallback',
          checked.at(`${base}/fallback`),
          `Parameter "${name}" is required, so its wording for when it is left blank is never used.`,
          'Remove fallback, or make the parameter optional ("required": false).',
        ),
      );
    }
  });
  return declared;
}

function checkText(
  checked: Checked,
  value: Json,
  parameters: Map<string, DeclaredParameter>,
  numbers: Numbers,
  issues: Issue[],
): void {
  const used = new Set<string>();
  const names = [...parameters.keys()];
  for (const field of textFields(value)) {
    const { pointer, text, role } = field;
    const where = describe(value, pointer);
    const at = (inside: number) => checked.at(pointer, inside);

    const bad = forbiddenCharacterAt(text);
    if (bad >= 0) {
      const code = text.codePointAt(bad)!.toString(16).toUpperCase().padStart(4, '0');
      issues.push(
        error(
          'template/characters',
          at(bad),
          `The ${fieldName(pointer)} of ${where} holds the invisible character U+${code}: a control character, a hidden text-direction mark or a private-use character, which can make words read differently from what they say.`,
          'Delete it and retype the words around it.',
        ),
      );
    }
    const markup = MARKUP.exec(text);
    if (markup) {
      issues.push(
        warning(
          'template/markup',
          at(markup.index),
          `The ${fieldName(pointer)} of ${where} holds ${quote(markup[0])}, which every format shows as those characters, not as formatting.`,
          'Write plain text: no HTML tags or entities. Start a new paragraph with a blank line.',
        ),
      );
    }
    if (role === 'notes') continue;

    for (const m of findMalformedPlaceholders(text)) {
      const guess = m.text.replace(/[{}\s]/g, '').toLowerCase();
      const near = names.length && guess ? closest(guess, names) : undefined;
      issues.push(
        error(
          'template/placeholder-malformed',
          at(m.start),
          `The ${fieldName(pointer)} of ${where} has ${quote(m.text)}, which looks like a placeholder but is not written as one, so it would print as it stands.`,
          `Write placeholders as {{name}}: two braces each side, lower case, no spaces${near && distance(guess, near) <= 3 ? `, for example {{${near}}}` : ''}.`,
        ),
      );
    }
    for (const p of findPlaceholders(text)) {
      if (role !== 'clause-text') {
        issues.push(
          error(
            'template/placeholder-misplaced',
            at(p.start),
            `The ${fieldName(pointer)} of ${where} has the placeholder {{${p.name}}}, but placeholders are filled in only in clause text, so it would print as it stands.`,
            'Move the placeholder into the text of a clause, or write the words out.',
          ),
        );
        continue;
      }
      used.add(p.name);
      const parameter = parameters.get(p.name);
      if (!parameter) {
        const near = names.length ? closest(p.name, names) : undefined;
        issues.push(
          error(
            'template/placeholder-undeclared',
            at(p.start),
            `The text of ${where} uses {{${p.name}}}, but there is no parameter called "${p.name}".`,
            near && distance(p.name, near) <= Math.max(2, Math.floor(near.length / 3))
              ? `Did you mean {{${near}}}? Otherwise declare "${p.name}" in parameters.`
              : `Declare "${p.name}" in parameters, with its label and type, or correct the name.`,
          ),
        );
      } else if (
        parameter.type === 'money' &&
        text.slice(Math.max(0, p.start - 1), p.start) === '£'
      ) {
        issues.push(
          warning(
            'template/money-symbol',
            at(p.start - 1),
            `The text of ${where} puts £ before {{${p.name}}}, but money values are printed with their own £ sign, so it would read ££.`,
            `Delete the £ before {{${p.name}}}.`,
          ),
        );
      }
    }
    for (const r of findCrossReferences(text)) {
      const problem = referenceProblem(r, numbers);
      if (!problem) continue;
      issues.push(
        error(
          'template/cross-reference',
          at(r.start),
          `The ${fieldName(pointer)} of ${where} refers to "${r.text.trim()}", but ${problem.message}`,
          problem.fix,
        ),
      );
    }
  }
  for (const [name, p] of parameters) {
    if (used.has(name)) continue;
    issues.push(
      error(
        'template/parameter-unused',
        checked.at(`/parameters/${p.index}/name`),
        `Parameter "${name}" is declared, but no clause uses {{${name}}}, so its value would never appear in the contract.`,
        `Use {{${name}}} in the clause it belongs to, or remove the parameter.`,
      ),
    );
  }
}

function referenceProblem(
  r: CrossReference,
  numbers: Numbers,
): { message: string; fix: string } | undefined {
  const clauses = new Set(numbers.clauses);
  const sectionOf = (n: string) => /^(S?)(\d+)\./.exec(n);
  if (r.kind === 'clause') {
    if (clauses.has(r.number)) {
      if (r.rangeFrom && clauses.has(r.rangeFrom)) {
        if (numbers.clauses.indexOf(r.rangeFrom) > numbers.clauses.indexOf(r.number)) {
          return {
            message: `the range from clause ${r.rangeFrom} to clause ${r.number} runs backwards.`,
            fix: `Write the range from the earlier clause to the later one: clause ${r.number} to clause ${r.rangeFrom}.`,
          };
        }
      }
      return undefined;
    }
    if (/^\d+$/.test(r.number) && numbers.sections.has(r.number)) {
      return {
        message: `clause numbers have a full stop, like ${r.number}.1.`,
        fix: `Did you mean section ${r.number}?`,
      };
    }
    if (/^S\d+$/.test(r.number) && numbers.schedules.has(r.number.slice(1))) {
      return {
        message: `schedule clause numbers have a full stop, like ${r.number}.1.`,
        fix: `Did you mean Schedule ${r.number.slice(1)}?`,
      };
    }
    const m = sectionOf(r.number);
    const siblings = m ? numbers.clauses.filter((c) => c.startsWith(`${m[1]}${m[2]}.`)) : [];
    return {
      message: `there is no clause ${r.number} in this version.`,
      fix: siblings.length
        ? `Point it at the right clause, or reword it. ${m![1] ? `Schedule ${m![2]}` : `Section ${m![2]}`} has ${siblings.length > 1 ? 'clauses' : 'clause'} ${span(siblings)}.`
        : 'Point it at a clause that exists in this version, or reword it.',
    };
  }
  const set = r.kind === 'section' ? numbers.sections : numbers.schedules;
  if (set.has(r.number)) return undefined;
  if (r.kind === 'section' && clauses.has(r.number)) {
    return {
      message: `${r.number} is a clause, not a section.`,
      fix: `Did you mean clause ${r.number}?`,
    };
  }
  if (r.kind === 'schedule' && clauses.has(`S${r.number}`)) {
    return {
      message: `S${r.number} is a clause, not a schedule.`,
      fix: `Did you mean clause S${r.number}?`,
    };
  }
  const all = [...set].sort((a, b) => Number(a) - Number(b));
  return {
    message: `there is no ${r.kind === 'section' ? 'section' : 'Schedule'} ${r.number} in this version.`,
    fix: all.length
      ? `Point it at one that exists: ${r.kind === 'section' ? 'section' : 'Schedule'}${all.length > 1 ? 's' : ''} ${span(all)}.`
      : 'Point it at a part that exists, or reword it.',
  };
}

function checkCostLines(
  checked: Checked,
  value: Json,
  codelists: ReadonlyMap<string, Codelist>,
  issues: Issue[],
): void {
  const categories = codelists.get('cost-categories')?.entries;
  let pricing = 0;
  arr(value['schedules']).forEach((item, i) => {
    const schedule = obj(item);
    if (!schedule) return;
    const lines = arr(schedule['cost_lines']);
    const label = `Schedule ${str(schedule['number']) ?? i + 1}`;
    const seen = new Map<string, number>();
    lines.forEach((line, k) => {
      const category = str(obj(line)?.['category']);
      if (category === undefined) return;
      const pointer = `/schedules/${i}/cost_lines/${k}/category`;
      const first = seen.get(category);
      if (first !== undefined) {
        issues.push(
          error(
            'template/cost-lines',
            checked.at(pointer),
            `${label} has two cost lines for "${category}": the other is on line ${first}.`,
            'Keep one line per cost category, and describe everything for that category on it.',
          ),
        );
      } else seen.set(category, checked.at(pointer).line);
    });
    if (schedule['kind'] !== 'pricing') return;
    pricing++;
    if (!categories || lines.length === 0) return;
    const missing = [...categories.values()].filter((c) => !seen.has(c.code));
    if (missing.length > 0) {
      issues.push(
        warning(
          'template/cost-lines-incomplete',
          checked.at(`/schedules/${i}/cost_lines`),
          `The pricing schedule (${label}) has no cost line for ${missing.map((c) => c.title.toLowerCase()).join(', ')}. Full cost recovery prices every category, so that overheads are not left out.`,
          'Add a cost line for each category in data/codelists/cost-categories.csv, even where the amount will be small.',
        ),
      );
    }
  });
  if (pricing === 0 && Array.isArray(value['schedules'])) {
    issues.push(
      warning(
        'template/pricing-schedule',
        checked.at('/schedules'),
        'The template has no pricing schedule, so the price is not built up in the common cost language of full cost recovery.',
        'Add a schedule with "kind": "pricing" and a cost line for each cost category.',
      ),
    );
  }
}

function checkChangeNotes(checked: Checked, value: Json, issues: Issue[]): void {
  const version = str(value['version']);
  if (!version || !SEMVER.test(version) || !Array.isArray(value['change_notes'])) return;
  const notes = arr(value['change_notes']).map((n, i) => ({
    i,
    version: str(obj(n)?.['version']),
  }));
  const seen = new Set<string>();
  for (const n of notes) {
    if (!n.version || !SEMVER.test(n.version)) continue;
    const at = checked.at(`/change_notes/${n.i}/version`);
    if (seen.has(n.version)) {
      issues.push(
        error(
          'template/change-notes',
          at,
          `There are two change notes for version ${n.version}.`,
          'Keep one note per version: merge them.',
        ),
      );
    } else if (compareVersions(n.version, version) > 0) {
      issues.push(
        error(
          'template/change-notes',
          at,
          `There is a change note for version ${n.version}, which is later than this version (${version}).`,
          'Move the note to the file of the version it describes, or correct its version.',
        ),
      );
    }
    seen.add(n.version);
  }
  if (!seen.has(version)) {
    issues.push(
      error(
        'template/change-notes',
        checked.at('/change_notes'),
        `There is no change note for this version (${version}).`,
        'Add a note at the top of change_notes saying what changed in this version and why.',
      ),
    );
  }
  const ordered = notes.filter((n) => n.version && SEMVER.test(n.version));
  for (let k = 1; k < ordered.length; k++) {
    if (compareVersions(ordered[k - 1]!.version!, ordered[k]!.version!) < 0) {
      issues.push(
        warning(
          'template/change-notes-order',
          checked.at(`/change_notes/${ordered[k]!.i}/version`),
          `The change note for ${ordered[k]!.version} comes after the one for ${ordered[k - 1]!.version}, but notes go newest first.`,
          'Order change_notes from the newest version to the oldest.',
        ),
      );
      break;
    }
  }
}

/** The rules between versions of one template. */
function checkVersions(files: Checked[], issues: Issue[], options: TemplateCheckOptions): void {
  const byFolder = new Map<string, Checked[]>();
  for (const f of files) {
    if (!f.value || !SEMVER.test(f.name)) continue;
    const list = byFolder.get(f.folder) ?? [];
    list.push(f);
    byFolder.set(f.folder, list);
  }
  for (const [folder, list] of byFolder) {
    list.sort((a, b) => compareVersions(a.name, b.name));
    const byVersion = new Map(list.map((f) => [f.name, f]));
    const supersededBy = new Map<string, Checked[]>();
    for (const f of list) {
      const value = f.value!;
      const supersedes = value['supersedes'];
      const publishedOn = str(value['published_on']);
      if (typeof supersedes === 'string' && SEMVER.test(supersedes)) {
        const target = byVersion.get(supersedes);
        if (supersedes === f.name) {
          issues.push(
            error(
              'template/supersedes',
              f.at('/supersedes'),
              `Version ${f.name} says it supersedes itself.`,
              'Name the earlier version it replaces, or null if it is the first version.',
            ),
          );
        } else if (!target) {
          const earlier = list
            .filter((o) => compareVersions(o.name, f.name) < 0)
            .map((o) => o.name);
          issues.push(
            error(
              'template/supersedes',
              f.at('/supersedes'),
              `Version ${f.name} supersedes ${supersedes}, but there is no contract-templates/${folder}/${supersedes}.json.`,
              earlier.length
                ? `Name the version it replaces: ${earlier.join(', ')}.`
                : 'Set "supersedes": null: there is no earlier version of this template.',
            ),
          );
        } else if (compareVersions(supersedes, f.name) > 0) {
          issues.push(
            error(
              'template/supersedes',
              f.at('/supersedes'),
              `Version ${f.name} supersedes ${supersedes}, which is a later version: a version can only replace an earlier one.`,
              'Name the earlier version it replaces, or swap the two.',
            ),
          );
        } else {
          supersededBy.set(supersedes, [...(supersededBy.get(supersedes) ?? []), f]);
          const before = str(target.value!['published_on']);
          if (publishedOn && before && publishedOn < before) {
            issues.push(
              error(
                'template/published-on',
                f.at('/published_on'),
                `Version ${f.name} was published on ${publishedOn}, before version ${supersedes} that it replaces (published on ${before}).`,
                'Check both dates: a version is published after the one it replaces.',
              ),
            );
          }
        }
      } else if (supersedes === null) {
        const earlier = list.filter((o) => compareVersions(o.name, f.name) < 0);
        if (earlier.length > 0) {
          issues.push(
            warning(
              'template/supersedes-missing',
              f.at('/supersedes'),
              `Version ${f.name} does not say which version it replaces, but ${earlier.map((o) => o.name).join(' and ')} ${earlier.length > 1 ? 'are' : 'is'} earlier.`,
              `Set "supersedes": "${earlier.at(-1)!.name}".`,
            ),
          );
        }
      }
      if (
        options.today &&
        value['status'] === 'published' &&
        publishedOn &&
        /^\d{4}-\d{2}-\d{2}$/.test(publishedOn) &&
        publishedOn > options.today
      ) {
        issues.push(
          warning(
            'template/published-future',
            f.at('/published_on'),
            `Version ${f.name} is marked published, but its publication date ${publishedOn} is after today (${options.today}).`,
            'Keep it in consultation or pressure-testing until it is published, or correct the date.',
          ),
        );
      }
    }
    const published = list.filter((f) => f.value!['status'] === 'published');
    if (published.length > 1) {
      const latest = published.at(-1)!;
      for (const f of published.slice(0, -1)) {
        issues.push(
          error(
            'template/multiple-published',
            f.at('/status'),
            `Versions ${published.map((p) => p.name).join(' and ')} of ${folder} are all published, but only one version may be published at a time.`,
            `Set the status of ${f.name} to "superseded", and "supersedes": "${f.name}" in ${latest.name} if it replaces it.`,
          ),
        );
      }
    }
    for (const f of list) {
      if (f.value!['status'] === 'superseded' && !supersededBy.has(f.name)) {
        issues.push(
          warning(
            'template/superseded-by',
            f.at('/status'),
            `Version ${f.name} is marked superseded, but no later version says it supersedes ${f.name}.`,
            `Set "supersedes": "${f.name}" in the version that replaced it, or correct this status.`,
          ),
        );
      }
    }
  }
}

const TEMPLATE_CODELISTS = ['template-statuses', 'clause-topics', 'cost-categories'];

export function validateContractTemplates(
  register: Pick<LoadedRegister, 'templates' | 'codelists'>,
  options: TemplateCheckOptions = {},
): Issue[] {
  const issues: Issue[] = [];
  if (register.templates.length > 0) {
    for (const name of TEMPLATE_CODELISTS) {
      if (register.codelists.has(name)) continue;
      issues.push(
        error(
          'file/missing',
          { file: `codelists/${name}.csv`, line: 1, column: 1, field: '' },
          `The codelist codelists/${name}.csv is missing; contract templates draw on it.`,
          'Restore it from the repository.',
        ),
      );
    }
  }
  const files: Checked[] = [];
  for (const source of register.templates) {
    // A file that is not JSON has been reported by the loader; there is nothing more to check.
    if (source.value === undefined) continue;
    files.push(checkFile(source, register.codelists, issues));
  }
  checkVersions(files, issues, options);
  return issues.sort(compareIssues);
}

/** The check `validateRegister` runs through `extraChecks`. */
export function contractTemplateCheck(options: TemplateCheckOptions = {}) {
  return (register: Pick<LoadedRegister, 'templates' | 'codelists'>): Issue[] =>
    validateContractTemplates(register, options);
}
