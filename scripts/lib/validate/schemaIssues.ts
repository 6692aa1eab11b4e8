/**
 * Ajv's complaints about a JSON document (register.json, a contract template), put into words:
 * what the field is called (from the schema's own titles), what is wrong with it, and the
 * schema's description as the fix. The CSV tables have their own words, cell by cell, in
 * validateTable.
 */
import type { ErrorObject } from 'ajv';
import { closest, distance } from 'fastest-levenshtein';
import { error, type Issue, type IssueAt, type IssueCode } from '../issue.ts';
import { valueAtPointer } from '../jsonPointer.ts';
import { capitalise, quote, sentence } from '../words.ts';
import { obj, str, type Json } from './json.ts';

const FORMAT_WORDS: Record<string, string> = {
  uri: 'a full web address',
  email: 'an email address',
  'date-time': 'a date and time such as 2026-04-01T09:00:00Z',
};

/** The schema node a JSON Schema path names, following one `$ref`. */
function schemaAt(schema: unknown, path: string): Json | undefined {
  const node = valueAtPointer(schema, path.replace(/^#/, ''));
  const ref = str(obj(node)?.['$ref']);
  return ref ? schemaAt(schema, ref) : obj(node);
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

export interface SchemaIssueOptions {
  /** The schema the errors come from: field titles and descriptions are read from it. */
  schema: unknown;
  /** Where the schema is, for the fix when it does not describe a field. */
  schemaFile: string;
  code: IssueCode;
  /** The document as parsed, to quote the value that is wrong. */
  value: unknown;
  at(pointer: string): IssueAt;
  /** What a pointer names, to start a message: "Clause 4.2", "register.json /licence". */
  where(pointer: string): string;
  /** What the document is, for "a field that … does not have". */
  noun: string;
  /** What to say when the document is not a JSON object at all. */
  notAnObject: { message: string; fix: string };
  /** Keywords whose errors only restate another's, as `const` in the condition of an `if`. */
  ignore?: readonly string[];
  /** Drop `where` from messages about a top-level field, which read better without it. */
  bareTopLevel?: boolean;
  /** A missing field with a rule of its own: the issue to raise instead, if any. */
  missing?(field: string, pointer: string): Issue | undefined;
}

/** Ajv's complaints about one JSON document, in plain English with a fix. */
export function schemaIssues(errors: readonly ErrorObject[], options: SchemaIssueOptions): Issue[] {
  const { schema, code, value, at } = options;
  const issues: Issue[] = [];
  for (const e of errors) {
    // `if` errors only say that a `then` failed; the failure itself is reported too.
    if (e.keyword === 'if' || options.ignore?.includes(e.keyword)) continue;
    const topLevel = options.bareTopLevel === true && /^\/[a-z_]+$/.test(e.instancePath);
    const where = options.where(e.instancePath);
    const node = schemaAt(schema, e.schemaPath.slice(0, e.schemaPath.lastIndexOf('/')));
    const title = str(node?.['title']) ?? 'this field';
    const description = str(node?.['description']);
    if (e.keyword === 'required') {
      const missing = String(e.params['missingProperty']);
      const field = `${e.instancePath}/${missing}`;
      const instead = options.missing?.(missing, e.instancePath);
      if (instead) {
        issues.push(instead);
        continue;
      }
      const property = schemaAt(
        schema,
        `${e.schemaPath.slice(0, e.schemaPath.lastIndexOf('/'))}/properties/${missing}`,
      );
      issues.push(
        error(
          code,
          { ...at(e.instancePath), field },
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
          code,
          at(field),
          `${where} has a field "${extra}" that ${options.noun} does not have.`,
          near && distance(extra, near) <= 3
            ? `Did you mean "${near}"? Otherwise remove it.`
            : `Remove it. The fields allowed here are: ${known.map((k) => `"${k}"`).join(', ')}.`,
        ),
      );
      continue;
    }
    const actual = valueAtPointer(value, e.instancePath);
    if (e.instancePath === '' && e.keyword === 'type') {
      issues.push(error(code, at(''), options.notAnObject.message, options.notAnObject.fix));
      continue;
    }
    let message: string;
    let fix = description ?? `See ${options.schemaFile}.`;
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
      case 'const':
        message = `${where}: ${title.toLowerCase()} ${quote(actual)} must be ${quote(e.params['allowedValue'])}.`;
        fix = `Use ${quote(e.params['allowedValue'])}.`;
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
        if (e.params['format'] === 'date') {
          message = `${where}: ${title.toLowerCase()} ${quote(actual)} is not a real date in the form YYYY-MM-DD.`;
          fix = 'Write the date as YYYY-MM-DD, for example 2026-04-01.';
        } else {
          message = `${where}: ${title.toLowerCase()} ${quote(actual)} is not ${FORMAT_WORDS[String(e.params['format'])] ?? `in the ${String(e.params['format'])} format`}.`;
        }
        break;
      default:
        message = `${where}: ${title.toLowerCase()} ${e.message ?? 'is not valid'}.`;
    }
    if (topLevel) message = capitalise(message.slice(where.length + 2));
    issues.push(error(code, at(e.instancePath), message, sentence(fix)));
  }
  return issues;
}
