import { describe, expect, it } from 'vitest';
import { TABLES } from '../../../scripts/lib/schemas.ts';
import {
  certificateRecord,
  providerRecord,
} from '../../../scripts/publish/site/records/providerRecord.ts';
import { siteFixture } from '../../support/siteRegister.ts';

const { register, site } = siteFixture();
const p1 = register.providerById.get('P000001')!;

describe('providerRecord', () => {
  const record = providerRecord(p1, site);
  it('starts with every providers.csv column in schema order, empty as null', () => {
    const columns = TABLES.providers.fields.map((f) => f.name);
    expect(Object.keys(record).slice(0, columns.length)).toEqual(columns);
    expect(record.oscr_number).toBeNull();
    expect(record.services).toEqual(['carers-support', 'respite-care']);
  });
  it('gives each award and document every column of its table', () => {
    const award = record.accreditations[0]!;
    for (const f of TABLES.accreditations.fields) expect(award).toHaveProperty(f.name);
    const document = record.documents[0]!;
    for (const f of TABLES.documents.fields) {
      if (f.name !== 'provider_id') expect(document).toHaveProperty(f.name);
    }
  });
  it('carries the status to rely on, the date judged and absolute links', () => {
    expect(record).toMatchObject({
      status: 'accredited',
      current_accreditation: 'KM-000001',
      as_of: '2026-06-01',
      links: {
        html: 'https://register.example/kitemark/providers/P000001/',
        json: 'https://register.example/kitemark/providers/P000001.json',
        badge: 'https://register.example/kitemark/badges/P000001.svg',
      },
    });
  });
  it('survives a JSON round trip unchanged', () => {
    expect(JSON.parse(JSON.stringify(record))).toEqual(record);
  });
});

describe('certificateRecord', () => {
  it('puts the verdict first', () => {
    const record = certificateRecord(register.accreditationById.get('KM-000001')!, p1, site);
    expect(Object.keys(record).slice(0, 4)).toEqual([
      'accreditation_id',
      'valid',
      'verdict',
      'verdict_detail',
    ]);
    expect(record.valid).toBe(true);
    expect(record.provider?.name).toBe('Harbour Carers Trust');
  });
});
