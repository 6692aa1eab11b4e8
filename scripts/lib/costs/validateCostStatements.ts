/**
 * Checks the cost statements providers publish in `cost-statements/`: each against
 * schema/cost-statement.schema.json, then its sums worked again by the calculator, then its
 * provider against the register. Every issue names the file, line, column and field.
 */
import type { ValidateFunction } from 'ajv/dist/2020.js';
import costStatementSchema from '../../../schema/cost-statement.schema.json' with { type: 'json' };
import { compareIssues, error, type Issue } from '../issue.ts';
import { jsonPosition } from '../jsonPosition.ts';
import type { LoadedRegister } from '../loadRegister.ts';
import { createAjv } from '../schemas.ts';
import { appendAll } from '../appendAll.ts';
import { schemaIssues } from '../validate/schemaIssues.ts';
import { readCostStatement } from './costStatement.ts';

let compiled: ValidateFunction | undefined;
function schemaCheck(): ValidateFunction {
  compiled ??= createAjv().compile(costStatementSchema);
  return compiled;
}

export function validateCostStatements(
  register: Pick<LoadedRegister, 'costStatements' | 'codelists' | 'providers'>,
): Issue[] {
  const issues: Issue[] = [];
  if (register.costStatements.length === 0) return issues;
  const categories = Object.fromEntries(
    [...(register.codelists.get('cost-categories')?.entries.values() ?? [])].map((e) => [
      e.code,
      e.title,
    ]),
  );
  const providers = new Set(register.providers.rows.map((r) => r.record.provider_id));
  for (const source of register.costStatements) {
    // A file that is not JSON has been reported by the loader.
    if (source.value === undefined) continue;
    const at = (pointer: string) => ({
      file: source.file,
      ...jsonPosition(source.text, pointer),
      field: pointer,
    });
    const check = schemaCheck();
    if (!check(source.value)) {
      const described = schemaIssues(check.errors ?? [], {
        schema: costStatementSchema,
        schemaFile: 'schema/cost-statement.schema.json',
        code: 'cost-statement/schema',
        value: source.value,
        at,
        where: (pointer) => (pointer ? `${source.file} ${pointer}` : source.file),
        noun: 'a cost statement',
        notAnObject: {
          message: `${source.file} must be one JSON object: a cost statement with its details and cost lines.`,
          fix: 'The calculator at /contracts/pricing/ and `kitemark price` write statements in this form.',
        },
      });
      appendAll(issues, described);
      continue;
    }
    const read = readCostStatement(source.value, categories);
    for (const i of read.issues) issues.push(error(i.code, at(i.path), i.message, i.fix));
    const id = (source.value as { provider_id?: string }).provider_id;
    if (id && !providers.has(id)) {
      issues.push(
        error(
          'reference/provider',
          at('/provider_id'),
          `Provider ${id} is not in providers.csv.`,
          'Use the key of the provider whose statement this is, or leave provider_id out.',
        ),
      );
    }
  }
  return issues.sort(compareIssues);
}
