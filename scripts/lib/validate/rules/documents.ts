/** The rules about each document: its provider exists, its dates are in order, and its review is not overdue. */
import { isIsoDate } from '../../dates.ts';
import { raising, type Issue } from '../../issue.ts';
import { cellAt, type RuleContext } from './ruleContext.ts';

const { error, warning } = raising([
  'reference/provider',
  'date/order',
  'date/future',
  'document/review-overdue',
]);

export function checkDocuments({ register, today, providersById }: RuleContext): Issue[] {
  const issues: Issue[] = [];
  const { documents } = register;
  for (const row of documents.rows) {
    const d = row.record;
    const at = (field: string) => cellAt(documents, row, field);
    if (d.provider_id && !providersById.has(d.provider_id) && /^P[0-9]{6}$/.test(d.provider_id)) {
      issues.push(
        error(
          'reference/provider',
          at('provider_id'),
          `Provider ${d.provider_id} is not in providers.csv.`,
          'Add the provider first, or correct the provider ID.',
        ),
      );
    }
    if (isIsoDate(d.effective_on) && isIsoDate(d.review_by) && d.review_by <= d.effective_on) {
      issues.push(
        error(
          'date/order',
          at('review_by'),
          `Review by ${d.review_by} is not after effective on ${d.effective_on}.`,
          'Check the two dates.',
        ),
      );
    }
    if (isIsoDate(d.verified_on) && d.verified_on > today) {
      issues.push(
        error(
          'date/future',
          at('verified_on'),
          `Verified on ${d.verified_on} is in the future.`,
          `Record a verification once it has happened (today is ${today}).`,
        ),
      );
    }
    if (isIsoDate(d.review_by) && d.review_by < today) {
      issues.push(
        warning(
          'document/review-overdue',
          at('review_by'),
          `${d.provider_id}'s ${d.document_type} was due for review by ${d.review_by}.`,
          'Ask the provider for the reviewed version, verify it, and update the row.',
        ),
      );
    }
  }

  return issues;
}
