/**
 * Validates a loaded register as a whole: each table against its schema, then the rules that
 * span rows and tables (references, date order, impossible states), then the warnings a
 * maintainer should see (likely duplicates, expiry, stale documents, unknown postcodes).
 */
import { compareIssues, error, type Issue } from './issue.ts';
import { jsonPosition } from './jsonPosition.ts';
import { EMPTY_REFERENCE, type Reference } from './reference.ts';
import type { LoadedRegister, Row } from './registerTypes.ts';
import { TABLES, compiledSchemas } from './schemas.ts';
import type { Provider } from './types.generated.ts';
import { checkAccreditations } from './validate/rules/accreditations.ts';
import { checkCommissioners } from './validate/rules/commissioners.ts';
import { checkDocuments } from './validate/rules/documents.ts';
import { checkDuplicates } from './validate/rules/duplicates.ts';
import { checkPostcodes } from './validate/rules/postcodes.ts';
import { checkProviders } from './validate/rules/providers.ts';
import type { RegisterRule, RuleContext } from './validate/rules/ruleContext.ts';

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

  if (register.meta.value !== undefined && !registerCheck(register.meta.value)) {
    for (const e of registerCheck.errors ?? []) {
      const field = e.instancePath || `/${String(e.params['missingProperty'] ?? '')}`;
      issues.push(
        error(
          'register/schema',
          { file: 'register.json', ...jsonPosition(register.meta.text, e.instancePath), field },
          `register.json ${field}: ${e.message ?? 'is not valid'}.`,
          'See schema/register.schema.json for what register.json holds.',
        ),
      );
    }
  }

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
