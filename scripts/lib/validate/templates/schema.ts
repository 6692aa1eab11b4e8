/**
 * The template schema, and its errors put into words: what the field is called (from the
 * schema's own titles), what is wrong with it, and the schema's description as the fix.
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import { closest, distance } from 'fastest-levenshtein';
import templateSchema from '../../../../schema/contract-template.schema.json' with { type: 'json' };
import { raising, type Issue } from '../../issue.ts';
import { valueAtPointer } from '../../jsonPointer.ts';
import { createAjv } from '../../schemas.ts';
import { capitalise } from '../../words.ts';
import type { CheckedTemplate } from './checkedTemplate.ts';
import { obj, str, type Json } from './json.ts';
import { describe, quote, sentence } from './phrasing.ts';

const { error } = raising(['template/schema', 'template/published-on']);

let compiled: ValidateFunction | undefined;
/** The template schema, compiled once. */
export function schemaCheck(): ValidateFunction {
  compiled ??= createAjv().compile(templateSchema);
  return compiled;
}

/** The schema node a JSON Schema path names, following one `$ref`. */
function schemaAt(path: string): Json | undefined {
  const node = valueAtPointer(templateSchema, path.replace(/^#/, ''));
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

/** Ajv's complaints about one template file, in plain English with a fix. */
export function schemaIssues(checked: CheckedTemplate, errors: readonly ErrorObject[]): Issue[] {
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
    const actual = valueAtPointer(value, e.instancePath);
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
