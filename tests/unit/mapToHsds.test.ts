import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { validate as isUuid, version as uuidVersion } from 'uuid';
import { readDataDir } from '../../scripts/io/registerFolder.ts';
import { readGeography } from '../../scripts/io/referenceFiles.ts';
import { buildRegister, type Register } from '../../scripts/lib/buildRegister.ts';
import { loadRegister } from '../../scripts/lib/loadRegister.ts';
import { createHsdsMapper, gssUri, type HsdsMapper } from '../../scripts/lib/hsds/mapToHsds.ts';
import { organizationDocument, serviceDocument } from '../../scripts/lib/hsds/hsdsApi.ts';
import type { HsdsProvider } from '../../scripts/lib/hsds/hsdsTypes.ts';
import { ROOT, fixtureFiles, setCell, toSources } from '../support/register.ts';
import { hsdsSchema, schemaErrors } from '../support/hsdsSchemas.ts';

const TODAY = '2026-12-04';
const LINKS = {
  provider: (id: string) => `https://register.example/providers/${id}/`,
  certificate: (id: string) => `https://register.example/certificates/${id}/`,
};

const geography = await readGeography();

async function embedded(today = TODAY): Promise<Register> {
  return buildRegister(loadRegister(await readDataDir(join(ROOT, 'data'))), today);
}

function fixture(files = fixtureFiles(), today = '2026-06-01'): Register {
  return buildRegister(loadRegister(toSources(files)), today);
}

function mapper(register: Register): HsdsMapper {
  return createHsdsMapper({ register, geography, links: LINKS });
}

function provider(register: Register, id: string): HsdsProvider {
  return mapper(register).mapProvider(register.providerById.get(id)!);
}

const byCode = (p: HsdsProvider, name: string) => p.services.find((s) => s.name.endsWith(name))!;

describe('a provider accredited for one of its services', () => {
  it('yields an accredited transport service and an unaccredited befriending service', async () => {
    // Cedar Good Neighbours CIO offers befriending and transport; KM-000002 covers transport.
    const cedar = provider(await embedded(), 'P000002');
    expect(cedar.services.map((s) => s.name)).toEqual([
      'Cedar Good Neighbours CIO: Befriending',
      'Cedar Good Neighbours CIO: Community transport',
    ]);
    const transport = byCode(cedar, 'Community transport');
    expect(transport.accreditations).toContain('certificate KM-000002');
    expect(transport.accreditations).toContain('valid until 2027-01-12');
    expect(transport.accreditations).toContain(LINKS.certificate('KM-000002'));
    expect(transport.assured_date).toBe('2025-01-13');
    const befriending = byCode(cedar, 'Befriending');
    expect(befriending).not.toHaveProperty('accreditations');
    expect(befriending).not.toHaveProperty('assured_date');
    expect(befriending).not.toHaveProperty('assurer_email');
    expect(befriending.status).toBe('active');
  });

  it('names the register contact as assurer only when register.json gives an email', () => {
    const files = fixtureFiles();
    const meta = JSON.parse(files.get('register.json')!) as Record<string, unknown>;
    meta['contact'] = { name: 'Register maintainers', email: 'register@kitemark.example' };
    const withEmail = new Map(files).set('register.json', JSON.stringify(meta));
    const harbour = provider(fixture(withEmail), 'P000001');
    expect(byCode(harbour, 'Support for unpaid carers').assurer_email).toBe(
      'register@kitemark.example',
    );
    expect(byCode(provider(fixture(), 'P000001'), 'Support for unpaid carers')).not.toHaveProperty(
      'assurer_email',
    );
  });
});

describe('an award that is not current', () => {
  // Harbour Carers Trust (P000001) holds KM-000001 for carers-support, valid to 2028-01-31.
  const accredited = (p: HsdsProvider) => p.services.filter((s) => s.accreditations);

  it('passes on an accredited award in date', () => {
    expect(accredited(provider(fixture(), 'P000001')).map((s) => s.name)).toEqual([
      'Harbour Carers Trust: Support for unpaid carers',
    ]);
  });

  it('yields no accreditations once the award has expired', () => {
    const expired = provider(fixture(fixtureFiles(), '2028-02-01'), 'P000001');
    expect(accredited(expired)).toEqual([]);
    for (const s of expired.services) {
      expect(s).not.toHaveProperty('assured_date');
      expect(s).not.toHaveProperty('assurer_email');
    }
  });

  it.each(['suspended', 'withdrawn', 'lapsed', 'applied'])(
    'yields none for a %s award',
    (status) => {
      const files = setCell(fixtureFiles(), 'accreditations.csv', 2, 'status', status);
      expect(accredited(provider(fixture(files), 'P000001'))).toEqual([]);
    },
  );

  it('yields none for a provider that has only applied', () => {
    expect(accredited(provider(fixture(), 'P000002'))).toEqual([]);
  });
});

describe('identifiers', () => {
  it('are UUIDv5 and identical across two builds', async () => {
    const ids = async () => {
      const register = await embedded();
      const m = mapper(register);
      return JSON.stringify(register.providers.map((p) => m.mapProvider(p)))
        .match(/"(?:[a-z_]*id)":"[^"]+"/g)!
        .join('\n');
    };
    const [first, second] = [await ids(), await ids()];
    expect(first).toBe(second);
    const register = await embedded();
    const all = register.providers.map((p) => mapper(register).mapProvider(p));
    const serviceIds = all.flatMap((p) => p.services.map((s) => s.id));
    expect(new Set(serviceIds).size).toBe(serviceIds.length);
    for (const id of serviceIds) {
      expect(isUuid(id)).toBe(true);
      expect(uuidVersion(id)).toBe(5);
    }
  });

  it('differ between registers with the same keys', () => {
    const files = fixtureFiles();
    const meta = JSON.parse(files.get('register.json')!) as Record<string, unknown>;
    meta['name'] = 'another-register';
    const other = new Map(files).set('register.json', JSON.stringify(meta));
    expect(provider(fixture(other), 'P000001').organization.id).not.toBe(
      provider(fixture(), 'P000001').organization.id,
    );
  });

  it('lists charity, company, OSCR, CQC and ODS numbers with their org-id schemes', () => {
    let files = setCell(fixtureFiles(), 'providers.csv', 2, 'cqc_provider_id', '1-101234567');
    files = setCell(files, 'providers.csv', 2, 'ods_code', 'RXA');
    files = setCell(files, 'providers.csv', 2, 'oscr_number', 'SC012345');
    const ids = provider(fixture(files), 'P000001').organization.organization_identifiers;
    expect(ids.map((i) => [i.identifier_scheme, i.identifier])).toEqual([
      ['GB-CHC', '1123456'],
      ['GB-SC', 'SC012345'],
      ['GB-COH', '04123456'],
      // org-id.guide lists no CQC scheme: HSDS then names the type in words only.
      [undefined, '1-101234567'],
      ['GB-NHS', 'RXA'],
    ]);
    expect(ids[3]!.identifier_type).toBe('Care Quality Commission');
  });
});

describe('every provider of the embedded register', () => {
  let register: Register;
  let all: [string, HsdsProvider][];
  beforeAll(async () => {
    register = await embedded();
    const m = mapper(register);
    all = register.providers.map((p) => [p.provider_id, m.mapProvider(p)]);
  }, 120_000);

  it('validates against the HSDS 3.0 schemas', () => {
    const service = hsdsSchema('compiled/service.json');
    const organization = hsdsSchema('organization.json');
    for (const [, p] of all) {
      const doc = organizationDocument(p.organization, p.services);
      expect(organization(doc), schemaErrors(organization)).toBe(true);
      for (const s of p.services) {
        expect(service(serviceDocument(s, p.organization)), schemaErrors(service)).toBe(true);
      }
    }
  });

  it('has one service per service offered, each serving exactly the register’s areas', () => {
    for (const [id, p] of all) {
      const source = register.providerById.get(id)!;
      expect(p.services).toHaveLength(source.services.length);
      for (const s of p.services) {
        expect(s.service_areas.map((a) => a.uri)).toEqual((source.areas_served ?? []).map(gssUri));
        expect(s.service_areas.every((a) => a.service_id === s.id)).toBe(true);
      }
    }
  });

  it('places each address at its postcode sector’s centroid, or its district’s', () => {
    for (const [id, p] of all) {
      const source = register.providerById.get(id)!;
      const [location] = p.organization.locations;
      const address = location!.addresses[0]!;
      expect(address.postal_code).toBe(source.postcode);
      expect(address.address_1).toBe(source.address_line_1);
      expect(address.city).toBe(source.town);
      const sector = geography.sectors.get(source.postcode.slice(0, -2));
      const area = sector ?? geography.districts.get(source.postcode.split(' ')[0]!);
      expect([location!.latitude, location!.longitude]).toEqual([area?.lat, area?.lon]);
      for (const s of p.services) {
        expect(s.service_at_locations.map((l) => l.location_id)).toEqual([location!.id]);
      }
    }
  });

  it('links each service to its taxonomy terms', () => {
    const m = mapper(register);
    const terms = new Map(m.terms.map((t) => [t.id, t]));
    const [, cedar] = all.find(([id]) => id === 'P000002')!;
    const transport = byCode(cedar, 'Community transport');
    expect(
      transport.attributes.map((a) => [a.link_type, terms.get(a.taxonomy_term_id)?.code]),
    ).toEqual([
      ['service_type', 'transport'],
      ['target_group', 'older-people'],
    ]);
    expect(new Set(m.terms.map((t) => t.code)).size).toBe(m.terms.length);
  });
});
