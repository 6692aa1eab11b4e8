import { describe, expect, it } from 'vitest';
import { findExpiring } from '../../scripts/github/findExpiring.ts';
import { loadRegister } from '../../scripts/lib/loadRegister.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const register = loadRegister(
  new Map([
    ['providers.csv', enc('provider_id,name\nP000001,One\nP000002,Two\n')],
    [
      'accreditations.csv',
      enc(
        [
          'accreditation_id,provider_id,status,scope,awarded_on,expires_on',
          'KM-000001,P000001,accredited,a,2023-01-01,2026-11-25',
          'KM-000002,P000002,accredited,a,2023-01-01,2026-11-26',
          'KM-000003,P000002,accredited,a,2023-01-01,2027-01-25',
          'KM-000004,P000002,accredited,a,2023-01-01,2027-01-26',
          'KM-000005,P000001,lapsed,a,2020-01-01,2022-01-01',
          'KM-000006,P000001,suspended,a,2023-01-01,2026-01-01',
          '',
        ].join('\n'),
      ),
    ],
  ]),
);

describe('findExpiring', () => {
  it('separates past expiry from expiring within 60 days, accredited awards only', () => {
    const found = findExpiring(register, '2026-11-26');
    expect(found.expired.map((i) => [i.accreditationId, i.days, i.providerName])).toEqual([
      ['KM-000001', -1, 'One'],
    ]);
    // Expiring today counts as expiring, not expired; day 60 is in, day 61 is out.
    expect(found.expiring.map((i) => [i.accreditationId, i.days])).toEqual([
      ['KM-000002', 0],
      ['KM-000003', 60],
    ]);
    expect(found.expired[0]!.line).toBe(2);
  });
});
