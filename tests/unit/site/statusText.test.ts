import { describe, expect, it } from 'vitest';
import type { AccreditationView } from '../../../scripts/lib/buildRegister.ts';
import {
  certificateVerdict,
  daysText,
  providerStatusText,
} from '../../../scripts/publish/site/statusText.ts';

const award = (over: Partial<AccreditationView>): AccreditationView => ({
  accreditation_id: 'KM-000001',
  provider_id: 'P000001',
  status: 'accredited',
  scope: ['advocacy'],
  awarded_on: '2025-01-01',
  expires_on: '2027-12-31',
  display_status: 'accredited',
  expiring: false,
  provider_name: 'A',
  ...over,
});

describe('providerStatusText', () => {
  it('gives the date an accredited award runs until', () => {
    expect(providerStatusText({ status: 'accredited', current: award({}) }).headline).toBe(
      'Accredited until 31 December 2027',
    );
  });
  it('warns when the award expires soon', () => {
    const text = providerStatusText({
      status: 'accredited',
      current: award({ expiring: true, days_to_expiry: 12 }),
    });
    expect(text.detail).toContain('in 12 days');
  });
  it('gives the date an award expired on', () => {
    const current = award({ expires_on: '2026-01-31', display_status: 'expired' });
    expect(providerStatusText({ status: 'expired', current }).headline).toBe(
      'Expired on 31 January 2026',
    );
  });
  it('covers every status, including none', () => {
    for (const status of ['suspended', 'withdrawn', 'lapsed', 'applied', 'none'] as const) {
      expect(providerStatusText({ status }).headline.length).toBeGreaterThan(3);
    }
    expect(providerStatusText({ status: 'none' }).headline).toBe('Not accredited');
  });
});

describe('daysText', () => {
  it('reads naturally', () => {
    expect([daysText(0), daysText(1), daysText(30)]).toEqual(['today', 'tomorrow', 'in 30 days']);
  });
});

describe('certificateVerdict', () => {
  it('is valid only for an accredited award within its dates', () => {
    expect(certificateVerdict(award({}), undefined)).toMatchObject({
      valid: true,
      headline: 'Genuine and current',
    });
    for (const status of ['expired', 'suspended', 'withdrawn', 'lapsed', 'applied'] as const) {
      expect(certificateVerdict(award({ display_status: status }), undefined).valid).toBe(false);
    }
  });
  it('points from an old award to the current one', () => {
    const old = award({
      accreditation_id: 'KM-000001',
      display_status: 'lapsed',
      status: 'lapsed',
    });
    const renewed = award({ accreditation_id: 'KM-000009' });
    expect(certificateVerdict(old, renewed).detail).toContain('KM-000009');
  });
});
