/**
 * Which labels a pull request gets, and whether it needs the accreditation panel, from what its
 * review report says it does to the register.
 */
import { REVIEW_LABELS } from './labels.ts';
import type { ReviewReport } from './reviewReport.ts';

/**
 * - new-provider: a provider is added;
 * - accreditation-change: any award added, ended, changed or removed;
 * - correction: an existing provider, document, commissioner, codelist entry or register.json is
 *   changed, ended or removed, or an award is corrected without its status changing;
 * - contract-template: any template version added, ended, changed or removed;
 * - invalid: the head does not validate.
 */
export function chooseLabels(report: ReviewReport): string[] {
  const { counts } = report.diff;
  const touched = (t: keyof typeof counts) =>
    counts[t].added + counts[t].ended + counts[t].changed + counts[t].removed > 0;
  const corrected = (t: keyof typeof counts) =>
    counts[t].ended + counts[t].changed + counts[t].removed > 0;
  const labels: string[] = [];
  if (counts.providers.added > 0) labels.push(REVIEW_LABELS.newProvider.name);
  if (touched('accreditations')) labels.push(REVIEW_LABELS.accreditationChange.name);
  const awardCorrected = report.diff.changes.some(
    (c) =>
      c.table === 'accreditations' && c.kind === 'changed' && !c.tags.includes('status-changed'),
  );
  if (
    corrected('providers') ||
    corrected('documents') ||
    corrected('commissioners') ||
    corrected('codelists') ||
    report.diff.meta.length > 0 ||
    awardCorrected
  ) {
    labels.push(REVIEW_LABELS.correction.name);
  }
  if (touched('contract-templates')) labels.push(REVIEW_LABELS.contractTemplate.name);
  if (report.errors.count > 0) labels.push(REVIEW_LABELS.invalid.name);
  return labels;
}

/**
 * True when an award's status changes: an existing award moves between statuses (or ends), an
 * award is removed, or a new award arrives already decided (anything but a plain application).
 * These are the changes the accreditation panel named in CODEOWNERS must approve.
 */
export function changesAccreditationStatus(report: ReviewReport): boolean {
  const { counts } = report.diff;
  if (counts.accreditations.ended + counts.accreditations.removed > 0) return true;
  return report.diff.changes.some(
    (c) =>
      c.table === 'accreditations' &&
      ((c.kind === 'changed' && c.tags.includes('status-changed')) ||
        (c.kind === 'added' && c.status?.after !== 'applied')),
  );
}
