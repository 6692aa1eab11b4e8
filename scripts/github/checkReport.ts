/**
 * Where the uploaded review report disagrees with the privileged job's own reading of the pull
 * request (its changed files, read from GitHub). The report was written by the pull request's
 * own code, so a disagreement means that code changed what the report says: the report is then
 * flagged, and the bot's own reading is the one shown and acted on.
 */
import { DIFF_TABLES } from '../lib/diffRegisters.ts';
import type { ReviewReport } from './reviewReport.ts';

const KINDS = ['added', 'ended', 'changed', 'removed'] as const;

export function reportDisagreements(uploaded: ReviewReport, own: ReviewReport): string[] {
  const problems: string[] = [];
  for (const table of DIFF_TABLES) {
    const a = uploaded.diff.counts[table];
    const b = own.diff.counts[table];
    if (KINDS.every((k) => a[k] === b[k])) continue;
    const say = (c: typeof a) => KINDS.map((k) => `${c[k]} ${k}`).join(', ');
    problems.push(`${table}: the report says ${say(a)}; the changed files say ${say(b)}`);
  }
  if (uploaded.diff.meta.length !== own.diff.meta.length)
    problems.push(
      `register.json: the report says ${uploaded.diff.meta.length} fields change; the changed files say ${own.diff.meta.length}`,
    );
  if ((uploaded.errors.count === 0) !== (own.errors.count === 0))
    problems.push(
      `validation: the report says ${uploaded.errors.count} errors; the bot's own check finds ${own.errors.count}`,
    );
  return problems;
}
