/**
 * A validation finding: typed data with a stable code, so CI annotations, the PR bot and the
 * data dictionary can all speak about the same thing. Codes are documented in `issueCodes.ts`.
 */
import type { IssueCode } from './issueCodes.ts';
import type { Severity } from './issueCodeInfo.ts';

export type { IssueCode } from './issueCodes.ts';
export type { Severity } from './issueCodeInfo.ts';

export interface Issue {
  severity: Severity;
  /** Stable, `area/what` (for example `postcode/format`). Never renamed once published. */
  code: IssueCode;
  /** Path relative to the data folder, with forward slashes (for example `providers.csv`). */
  file: string;
  /** 1-based; the CSV header is line 1. */
  line: number;
  /** 1-based cell number (CSV) or character column (JSON). */
  column: number;
  /** Column name, or a JSON path such as `/sections/2/clauses/0/text`; empty for whole-file issues. */
  field: string;
  /** Plain English: what is wrong. */
  message: string;
  /** Plain English: how to put it right, where we can say. */
  fix?: string;
  /**
   * Only on the summary that ends a capped list (see capIssues): the number of further issues of
   * this code, from this position on, that are counted but not listed.
   */
  omitted?: number;
}

export interface IssueAt {
  file: string;
  line: number;
  column: number;
  field: string;
}

export function error(code: IssueCode, at: IssueAt, message: string, fix?: string): Issue {
  return fix === undefined
    ? { severity: 'error', code, ...at, message }
    : { severity: 'error', code, ...at, message, fix };
}

export function warning(code: IssueCode, at: IssueAt, message: string, fix?: string): Issue {
  return fix === undefined
    ? { severity: 'warning', code, ...at, message }
    : { severity: 'warning', code, ...at, message, fix };
}

/**
 * The issue makers of one family of rules, bound to the codes the family declares, so that a
 * rule file says in one place what it can raise and cannot raise anything else.
 */
export function raising<const Code extends IssueCode>(codes: readonly Code[]) {
  return {
    codes,
    error: (code: Code, at: IssueAt, message: string, fix?: string) =>
      error(code, at, message, fix),
    warning: (code: Code, at: IssueAt, message: string, fix?: string) =>
      warning(code, at, message, fix),
  };
}

/** Stable order for output and tests: by file, line, column, then code. */
export function compareIssues(a: Issue, b: Issue): number {
  return (
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    a.line - b.line ||
    a.column - b.column ||
    (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)
  );
}

export function hasErrors(issues: readonly Issue[]): boolean {
  return issues.some((i) => i.severity === 'error');
}
