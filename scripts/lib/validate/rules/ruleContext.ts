/**
 * What every rule across the register's rows and tables is given, and where it points an issue.
 * Each rule family is a file beside this one that declares the codes it raises.
 */
import type { Issue, IssueAt } from '../../issue.ts';
import type { Reference } from '../../reference.ts';
import type { LoadedRegister, Row, Table } from '../../registerTypes.ts';
import { TABLES } from '../../schemas.ts';
import type { Provider } from '../../types.generated.ts';

export interface RuleContext {
  register: LoadedRegister;
  /** `YYYY-MM-DD`: the day expiry and review dates are judged against. */
  today: string;
  reference: Reference;
  /** Days before expiry that an accreditation counts as expiring. */
  expiringDays: number;
  /** The first row given for each provider ID. */
  providersById: ReadonlyMap<string, Row<Provider>>;
}

export type RegisterRule = (context: RuleContext) => Issue[];

export function cellAt<T>(table: Table<T>, row: Row<T>, field: string): IssueAt {
  return { file: table.file, line: row.line, column: (table.column.get(field) ?? 0) + 1, field };
}

/** The title of each providers.csv column, for messages. */
export const PROVIDER_TITLE: Record<string, string> = Object.fromEntries(
  TABLES.providers.fields.map((f) => [f.name, f.title]),
);
