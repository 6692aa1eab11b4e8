/**
 * What a status means, in words, the same on the provider page, the certificate check, the
 * badge and the JSON: the reader learns first whether they can rely on the kitemark.
 */
import type { AccreditationView, DisplayStatus, ProviderView } from '../../lib/buildRegister.ts';
import { formatDate } from '../kit/format.ts';

export interface StatusText {
  status: DisplayStatus;
  /** A few words: "Accredited until 16 March 2029". */
  headline: string;
  /** One or two sentences: what it means for a commissioner. */
  detail: string;
}

/** The status of a provider, from the award that decides it. */
export function providerStatusText(p: Pick<ProviderView, 'status' | 'current'>): StatusText {
  const a = p.current;
  const until = formatDate(a?.expires_on);
  switch (p.status) {
    case 'accredited':
      return {
        status: 'accredited',
        headline: until ? `Accredited until ${until}` : 'Accredited',
        detail:
          a?.expiring && a.days_to_expiry !== undefined
            ? `The kitemark is held. It expires ${daysText(a.days_to_expiry)} unless renewed.`
            : 'The kitemark is held: commissioners that accept the kitemark accept this provider’s standard documents without asking for them again.',
      };
    case 'expired':
      return {
        status: 'expired',
        headline: until ? `Expired on ${until}` : 'Expired',
        detail:
          'The kitemark award has passed its expiry date and has not been renewed. Do not rely on it.',
      };
    case 'suspended':
      return {
        status: 'suspended',
        headline: 'Suspended',
        detail:
          'The kitemark is suspended while a concern is investigated. Commissioners should not rely on it until the suspension is lifted.',
      };
    case 'withdrawn':
      return {
        status: 'withdrawn',
        headline: 'Withdrawn',
        detail: 'The kitemark was withdrawn before its expiry date. It is not held.',
      };
    case 'lapsed':
      return {
        status: 'lapsed',
        headline: until ? `Lapsed on ${until}` : 'Lapsed',
        detail: 'The kitemark award ended without renewal. It is not held.',
      };
    case 'applied':
      return {
        status: 'applied',
        headline: 'Applied',
        detail:
          'The provider has applied for the kitemark; the assessment is not finished. It is not yet held.',
      };
    default:
      return {
        status: 'none',
        headline: 'Not accredited',
        detail: 'No kitemark award or application is on record for this provider.',
      };
  }
}

/** "in 12 days", "tomorrow", "today". */
export function daysText(days: number): string {
  if (days <= 0) return 'today';
  if (days === 1) return 'tomorrow';
  return `in ${days} days`;
}

export interface CertificateVerdict {
  status: DisplayStatus;
  /** True only for an accredited award within its dates: the one answer a commissioner needs. */
  valid: boolean;
  /** "Genuine and current", "Genuine, but expired"… */
  headline: string;
  detail: string;
}

/**
 * The answer to "is this certificate genuine and current?". `current` is the provider's
 * award that decides its status, to point from an old certificate to the one that replaced it.
 */
export function certificateVerdict(
  a: AccreditationView,
  current: AccreditationView | undefined,
): CertificateVerdict {
  const until = formatDate(a.expires_on);
  const replaced =
    current && current.accreditation_id !== a.accreditation_id
      ? ` The provider’s current award is ${current.accreditation_id} (${current.display_status}).`
      : '';
  switch (a.display_status) {
    case 'accredited':
      return {
        status: 'accredited',
        valid: true,
        headline: 'Genuine and current',
        detail: `${a.accreditation_id} is a kitemark certificate on the register, valid until ${until}.`,
      };
    case 'expired':
      return {
        status: 'expired',
        valid: false,
        headline: 'Genuine, but expired',
        detail: `${a.accreditation_id} is on the register but expired on ${until}. It is no longer valid.${replaced}`,
      };
    case 'suspended':
      return {
        status: 'suspended',
        valid: false,
        headline: 'Genuine, but suspended',
        detail: `${a.accreditation_id} is suspended while a concern is investigated. Do not rely on it until the suspension is lifted.`,
      };
    case 'withdrawn':
      return {
        status: 'withdrawn',
        valid: false,
        headline: 'Withdrawn: not valid',
        detail: `${a.accreditation_id} was withdrawn before its expiry date. It is not valid.${replaced}`,
      };
    case 'lapsed':
      return {
        status: 'lapsed',
        valid: false,
        headline: 'Lapsed: not valid',
        detail: `${a.accreditation_id} ended${until ? ` on ${until}` : ''} and is no longer valid.${replaced}`,
      };
    case 'applied':
      return {
        status: 'applied',
        valid: false,
        headline: 'An application, not an award',
        detail: `${a.accreditation_id} is the number of an application that is still being assessed. No kitemark has been awarded under it.`,
      };
    default:
      return {
        status: 'none',
        valid: false,
        headline: 'Not valid',
        detail: `${a.accreditation_id} is not a current kitemark.`,
      };
  }
}
