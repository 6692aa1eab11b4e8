/**
 * Whether `kitemark fix` clears an issue by itself, so a long list of them can be summed up as
 * "run `kitemark fix`" instead of listed. Decided from the issue alone: the codes `fix` always
 * repairs, and the format codes whose hint is the corrected value (validateTable offers
 * `write it as "…"` for these only when the same cellFixes function that `fix` applies gave one).
 */
import type { Issue } from './issue.ts';

const ALWAYS = new Set(['cell/whitespace', 'list/empty-item', 'csv/bom', 'file/leftover']);
const WHEN_CORRECTED = new Set([
  'date/format',
  'link/scheme',
  'email/format',
  'postcode/format',
  'company-number/format',
  'charity-number/format',
  'oscr-number/format',
  'document/sha256',
  'text/invisible',
]);

export function isAutoFixable(issue: Issue): boolean {
  if (ALWAYS.has(issue.code)) return true;
  if (!WHEN_CORRECTED.has(issue.code) || !issue.fix) return false;
  return issue.fix.startsWith('write it as "') || issue.fix.startsWith('Run `kitemark fix`');
}
