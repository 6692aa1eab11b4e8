/**
 * What the catalogue says about one issue code. Apart from the catalogue so that its parts (the
 * register's codes and the contract templates') can be declared without importing each other.
 */
import type { FieldSpec, TableSpec } from './schemas.ts';

export type Severity = 'error' | 'warning';

export interface IssueCodeInfo<Code extends string = string> {
  code: Code;
  severity: Severity;
  /** A short name for the rule. */
  title: string;
  /** What the rule checks and why, for register readers and contributors. */
  description: string;
  /**
   * The fields the rule can be raised on, so the data dictionary lists it under them. Absent for
   * rules about whole files (CSV syntax, headers), which the dictionary lists once.
   */
  applies?: (field: FieldSpec, table: TableSpec) => boolean;
}

/** Keeps each code's literal type, so the codes a catalogue holds can be a type of their own. */
export function catalogue<const Code extends string>(
  entries: readonly IssueCodeInfo<Code>[],
): readonly IssueCodeInfo<Code>[] {
  return entries;
}
