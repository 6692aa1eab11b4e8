/** One contract template file as every rule sees it: where it is, what it holds, how to point into it. */
import type { IssueAt } from '../../issue.ts';
import type { JsonLocator } from '../../contracts/locateJson.ts';
import type { JsonSource } from '../../registerTypes.ts';
import type { Json } from '../json.ts';

/** `MAJOR.MINOR.PATCH`: a version, and so the name of a template file. */
export const SEMVER = /^(\d+)\.(\d+)\.(\d+)$/;

/** One template file as the checks see it. */
export interface CheckedTemplate {
  source: JsonSource<unknown>;
  folder: string;
  /** The file name without `.json`; a version when the name is right. */
  name: string;
  value: Json | undefined;
  locate: JsonLocator;
  at(pointer: string, inside?: number): IssueAt;
}

export interface TemplateCheckOptions {
  /** `YYYY-MM-DD`: a published version dated after it gets a warning. */
  today?: string;
}
