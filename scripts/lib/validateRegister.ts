/**
 * Validates a loaded register as a whole: each table against its schema, then the rules that
 * span rows and tables (references, date order, impossible states), then the warnings a
 * maintainer should see (likely duplicates, expiry, stale documents, unknown postcodes).
 */
import { compareIssues, error, type Issue } from './issue.ts';
import { jsonPosition } from './jsonPosition.ts';
import { validateJsonText } from './validateJsonText.ts';
import { EMPTY_REFERENCE, type Reference } from './reference.ts';
import type { LoadedRegister, Row } from './registerTypes.ts';
import registerSchema from '../../schema/register.schema.json' with { type: 'json' };
import { TABLES, compiledSchemas } from './schemas.ts';
import type { Provider } from './types.generated.ts';
import { schemaIssues } from './validate/schemaIssues.ts';
import { checkAccreditations } from './validate/rules/accreditations.ts';
import { checkCommissioners } from './validate/rules/commissioners.ts';
import { checkDocuments } from './validate/rules/documents.ts';
import { checkDuplicates } from './validate/rules/duplicates.ts';
import { checkPostcodes } from './validate/rules/postcodes.ts';
import { checkProviders } from './validate/rules/providers.ts';
import type { RegisterRule, RuleContext } from './validate/rules/ruleContext.ts';
import { appendAll } from './appendAll.ts';

export interface ValidateOptions {
  /** `YYYY-MM-DD`: the day expiry and review dates are judged against. */
  today: string;
  reference?: Reference;
  /** Days before expiry that an accreditation counts as expiring. */
  expiringWithinDays?: number;
  /** Extra checks (for example contract templates) that plug in without this module knowing them. */
  extraChecks?: readonly ((register: LoadedRegister) => Issue[])[];
}

export const EXPIRING_WITHIN_DAYS = 60;

/** The rules across rows and tables, by family; each file declares the codes it raises. */
const RULES: readonly RegisterRule[] = [
  checkProviders,
  checkDuplicates,
  checkPostcodes,
  checkAccreditations,
  checkDocuments,
  checkCommissioners,
];

export function validateRegister(register: LoadedRegister, options: ValidateOptions): Issue[] {
  const { register: registerCheck } = compiledSchemas();
  const issues: Issue[] = [...register.issues];
  const reference = options.reference ?? EMPTY_REFERENCE;

  const meta = register.meta;
  if (meta.value !== undefined && !registerCheck(meta.value)) {
    const described = schemaIssues(registerCheck.errors ?? [], {
      schema: registerSchema,
      schemaFile: 'schema/register.schema.json',
      code: 'register/schema',
      value: meta.value,
      at: (pointer) => ({ file: meta.file, ...jsonPosition(meta.text, pointer), field: pointer }),
      where: (pointer) => (pointer ? `register.json ${pointer}` : 'register.json'),
      noun: 'the register metadata',
      notAnObject: {
        message: 'register.json must be one JSON object, with fields such as "name" and "version".',
        fix: 'Restore it from the repository and change the fields you need.',
      },
    });
    for (const issue of described) issues.push(issue);
  }

  if (register.meta.value !== undefined)
    appendAll(issues, validateJsonText('register.json', register.meta.text, register.meta.value));

  for (const required of new Set(
    Object.values(TABLES).flatMap((t) => t.fields.map((f) => f.codelist).filter(Boolean)),
  )) {
    if (!register.codelists.has(required!)) {
      issues.push(
        error(
          'file/missing',
          { file: `codelists/${required}.csv`, line: 1, column: 1, field: '' },
          `The codelist codelists/${required}.csv is missing.`,
          'Restore it from the repository.',
        ),
      );
    }
  }

  const providersById = new Map<string, Row<Provider>>();
  for (const row of register.providers.rows) {
    const id = row.record.provider_id;
    if (id && !providersById.has(id)) providersById.set(id, row);
  }
  const context: RuleContext = {
    register,
    today: options.today,
    reference,
    expiringDays: options.expiringWithinDays ?? EXPIRING_WITHIN_DAYS,
    providersById,
  };
  // One by one: spreading a long array into push() overflows the call stack (over about
  // 100,000 issues, as when every award of a 10,000-provider register is judged expired).
  for (const rule of RULES) for (const issue of rule(context)) issues.push(issue);
  for (const check of options.extraChecks ?? [])
    for (const issue of check(register)) issues.push(issue);
  return issues.sort(compareIssues);
}
