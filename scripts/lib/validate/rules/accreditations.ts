/**
 * The rules about each award: its provider exists and offers what it covers, its dates are in
 * order and within the longest term, one award is current at a time, an accredited provider
 * holds its mandatory documents, and awards past or near expiry are flagged.
 */
import { addDays, addYears, isIsoDate } from '../../dates.ts';
import { raising, type Issue } from '../../issue.ts';
import type { Row } from '../../registerTypes.ts';
import type { Accreditation, Document } from '../../types.generated.ts';
import { cellAt, type RuleContext } from './ruleContext.ts';

const { error, warning } = raising([
  'reference/provider',
  'accreditation/scope',
  'accreditation/state',
  'date/order',
  'accreditation/term',
  'date/future',
  'accreditation/multiple-current',
  'accreditation/documents',
  'accreditation/expired',
  'accreditation/expiring',
]);

export const MAX_AWARD_YEARS = 3;
const CURRENT_STATUSES = new Set(['accredited', 'suspended']);

export function checkAccreditations({
  register,
  today,
  expiringDays,
  providersById,
}: RuleContext): Issue[] {
  const issues: Issue[] = [];
  const { accreditations, documents, codelists } = register;
  const mandatory = [...(codelists.get('document-types')?.entries.values() ?? [])]
    .filter((t) => t['mandatory'] === 'yes')
    .map((t) => t.code);
  const documentsByProvider = new Map<string, Map<string, Document>>();
  for (const row of documents.rows) {
    const d = row.record;
    if (!d.provider_id || !d.document_type) continue;
    let byType = documentsByProvider.get(d.provider_id);
    if (!byType) documentsByProvider.set(d.provider_id, (byType = new Map()));
    if (!byType.has(d.document_type)) byType.set(d.document_type, d);
  }
  const currentByProvider = new Map<string, Row<Accreditation>>();
  const expiringBy = addDays(today, expiringDays);
  for (const row of accreditations.rows) {
    const a = row.record;
    const at = (field: string) => cellAt(accreditations, row, field);
    const provider = a.provider_id ? providersById.get(a.provider_id) : undefined;
    if (a.provider_id && !provider && /^P[0-9]{6}$/.test(a.provider_id)) {
      issues.push(
        error(
          'reference/provider',
          at('provider_id'),
          `Provider ${a.provider_id} is not in providers.csv.`,
          'Add the provider first, or correct the provider ID.',
        ),
      );
    }
    if (provider && a.scope) {
      const services = new Set(provider.record.services ?? []);
      const outside = a.scope.filter((s) => !services.has(s));
      if (outside.length > 0 && provider.record.services) {
        issues.push(
          error(
            'accreditation/scope',
            at('scope'),
            `The scope includes ${outside.map((s) => `"${s}"`).join(', ')}, which ${a.provider_id} does not list among its services.`,
            `Remove it from the scope, or add it to the provider's services (line ${provider.line} of providers.csv).`,
          ),
        );
      }
    }
    const awarded = isIsoDate(a.awarded_on) ? a.awarded_on : undefined;
    const expires = isIsoDate(a.expires_on) ? a.expires_on : undefined;
    if (a.status === 'applied' && (a.awarded_on || a.expires_on)) {
      issues.push(
        error(
          'accreditation/state',
          at(a.awarded_on ? 'awarded_on' : 'expires_on'),
          'An application (status applied) has no award or expiry date yet.',
          'Leave awarded_on and expires_on empty until the kitemark is awarded, then set the status to accredited.',
        ),
      );
    }
    if (awarded && expires) {
      if (expires <= awarded) {
        issues.push(
          error(
            'date/order',
            at('expires_on'),
            `Expires on ${expires} is not after awarded on ${awarded}.`,
            'Check the two dates: an award expires after it is made.',
          ),
        );
      } else if (expires > addYears(awarded, MAX_AWARD_YEARS)) {
        issues.push(
          error(
            'accreditation/term',
            at('expires_on'),
            `Expires on ${expires} is more than ${MAX_AWARD_YEARS} years after the award on ${awarded}.`,
            `An award lasts at most ${MAX_AWARD_YEARS} years: write it as "${addDays(addYears(awarded, MAX_AWARD_YEARS), -1)}" or earlier.`,
          ),
        );
      }
    }
    if (awarded && awarded > today && a.status !== 'applied') {
      issues.push(
        error(
          'date/future',
          at('awarded_on'),
          `Awarded on ${awarded} is in the future.`,
          `An award is recorded once made (today is ${today}).`,
        ),
      );
    }
    if (isIsoDate(a.last_reviewed_on)) {
      if (awarded && a.last_reviewed_on < awarded) {
        issues.push(
          error(
            'date/order',
            at('last_reviewed_on'),
            `Last reviewed on ${a.last_reviewed_on} is before the award on ${awarded}.`,
            'A review comes after the award: check the dates.',
          ),
        );
      } else if (a.last_reviewed_on > today) {
        issues.push(
          error(
            'date/future',
            at('last_reviewed_on'),
            `Last reviewed on ${a.last_reviewed_on} is in the future.`,
            `Record a review once it has happened (today is ${today}).`,
          ),
        );
      }
    }
    if (a.provider_id && a.status && CURRENT_STATUSES.has(a.status)) {
      const other = currentByProvider.get(a.provider_id);
      if (other) {
        issues.push(
          error(
            'accreditation/multiple-current',
            at('status'),
            `${a.provider_id} already has a current award, ${other.record.accreditation_id} (line ${other.line}); a provider holds one at a time.`,
            'Mark the earlier award lapsed (a renewal is a new row and ends the old one).',
          ),
        );
      } else currentByProvider.set(a.provider_id, row);
    }
    if (a.status === 'accredited' && provider) {
      const held = documentsByProvider.get(a.provider_id!) ?? new Map<string, Document>();
      const missing = mandatory.filter((t) => !held.has(t));
      const unverified = mandatory.filter((t) => held.has(t) && !held.get(t)!.verified_on);
      if (missing.length > 0 || unverified.length > 0) {
        const title = (t: string) => codelists.get('document-types')?.entries.get(t)?.title ?? t;
        const parts = [];
        if (missing.length) parts.push(`missing: ${missing.map(title).join(', ')}`);
        if (unverified.length) parts.push(`not verified: ${unverified.map(title).join(', ')}`);
        issues.push(
          error(
            'accreditation/documents',
            at('status'),
            `${a.accreditation_id ?? 'This award'} is accredited, but ${a.provider_id}'s mandatory documents are incomplete (${parts.join('; ')}).`,
            'Add and verify the documents in documents.csv, or set the status to applied or suspended.',
          ),
        );
      }
      if (expires && expires < today) {
        issues.push(
          warning(
            'accreditation/expired',
            at('expires_on'),
            `${a.accreditation_id} is marked accredited but expired on ${expires}; it is shown everywhere as expired.`,
            'Record the renewal as a new award, or set the status to lapsed.',
          ),
        );
      } else if (expires && expires <= expiringBy) {
        issues.push(
          warning(
            'accreditation/expiring',
            at('expires_on'),
            `${a.accreditation_id} (${provider.record.name}) expires on ${expires}, within ${expiringDays} days.`,
            'Remind the provider to apply for renewal.',
          ),
        );
      }
    }
  }

  return issues;
}
