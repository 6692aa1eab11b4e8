/**
 * Awards that need a maintainer's attention because of their dates: those past expiry but still
 * marked accredited (readers see them as expired), and those expiring within the warning window.
 * The same rule as the validator's accreditation/expired and accreditation/expiring warnings.
 */
import { addDays, daysBetween, isIsoDate } from '../lib/dates.ts';
import type { LoadedRegister } from '../lib/loadRegister.ts';
import { EXPIRING_WITHIN_DAYS } from '../lib/validateRegister.ts';

export interface ExpiryItem {
  accreditationId: string;
  providerId: string;
  providerName: string;
  expiresOn: string;
  /** Days from today to expiry: negative once past. */
  days: number;
  /** The award's line in accreditations.csv. */
  line: number;
}

export interface ExpiryFindings {
  today: string;
  withinDays: number;
  /** Accredited, expiry date before today: oldest first. */
  expired: ExpiryItem[];
  /** Accredited, expiring today or within `withinDays`: soonest first. */
  expiring: ExpiryItem[];
}

export function findExpiring(
  register: Pick<LoadedRegister, 'providers' | 'accreditations'>,
  today: string,
  withinDays = EXPIRING_WITHIN_DAYS,
): ExpiryFindings {
  const names = new Map(register.providers.rows.map((r) => [r.record.provider_id, r.record.name]));
  const until = addDays(today, withinDays);
  const expired: ExpiryItem[] = [];
  const expiring: ExpiryItem[] = [];
  const seen = new Set<string>();
  for (const { line, record: a } of register.accreditations.rows) {
    if (
      a.status !== 'accredited' ||
      !isIsoDate(a.expires_on) ||
      !a.accreditation_id ||
      seen.has(a.accreditation_id)
    )
      continue;
    seen.add(a.accreditation_id);
    const item: ExpiryItem = {
      accreditationId: a.accreditation_id,
      providerId: a.provider_id ?? '',
      providerName: names.get(a.provider_id) ?? '',
      expiresOn: a.expires_on,
      days: daysBetween(today, a.expires_on),
      line,
    };
    if (a.expires_on < today) expired.push(item);
    else if (a.expires_on <= until) expiring.push(item);
  }
  const order = (x: ExpiryItem, y: ExpiryItem) =>
    x.expiresOn < y.expiresOn
      ? -1
      : x.expiresOn > y.expiresOn
        ? 1
        : x.accreditationId < y.accreditationId
          ? -1
          : 1;
  return { today, withinDays, expired: expired.sort(order), expiring: expiring.sort(order) };
}
