/** The template schema, and its errors in the words of a contract template: "Clause 4.2 has no…". */
import type { ErrorObject, ValidateFunction } from 'ajv';
import templateSchema from '../../../../schema/contract-template.schema.json' with { type: 'json' };
import { raising, type Issue } from '../../issue.ts';
import { createAjv } from '../../schemas.ts';
import { capitalise } from '../../words.ts';
import { schemaIssues } from '../schemaIssues.ts';
import type { CheckedTemplate } from './checkedTemplate.ts';
import { str } from '../json.ts';
import { describe } from './phrasing.ts';

const { error } = raising(['template/published-on']);

let compiled: ValidateFunction | undefined;
/** The template schema, compiled once. */
export function schemaCheck(): ValidateFunction {
  compiled ??= createAjv().compile(templateSchema);
  return compiled;
}

/** Ajv's complaints about one template file, in plain English with a fix. */
export function templateSchemaIssues(
  checked: CheckedTemplate,
  errors: readonly ErrorObject[],
): Issue[] {
  const value = checked.value ?? {};
  return schemaIssues(errors, {
    schema: templateSchema,
    schemaFile: 'schema/contract-template.schema.json',
    code: 'template/schema',
    value,
    at: (pointer) => checked.at(pointer),
    where: (pointer) => capitalise(describe(value, pointer)),
    noun: 'a contract template',
    notAnObject: {
      message:
        'The file does not hold a contract template: it must be one JSON object with fields such as "id", "title" and "sections".',
      fix: 'Start from an existing version of a template and change it.',
    },
    // The schema's `const`s are the conditions of its `if`s: a failed `then` says what is wrong.
    ignore: ['const'],
    // A field of the template itself reads better without "The template:" in front.
    bareTopLevel: true,
    missing: (field, pointer) =>
      field === 'published_on'
        ? error(
            'template/published-on',
            checked.at(pointer),
            `This version is ${str(value['status']) ?? 'published'}, so it must say when it was published, but published_on is missing.`,
            'Add "published_on": "YYYY-MM-DD" with the date the version was published for use.',
          )
        : undefined,
  });
}
