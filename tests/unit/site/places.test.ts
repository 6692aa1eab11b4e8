/**
 * The browser's place look-up (site/assets/search/places.js) over the files the build writes
 * (placeIndex.ts), checked against the shared geography itself: a sample of sectors in every
 * region, districts, towns, councils, fallbacks, and based-in versus serving.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { PlaceFinder, placeSummary } from '../../../site/assets/search/places.js';
import * as geo from '../../../scripts/lib/geography/browserPlaces.ts';
import { placeIndex } from '../../../scripts/publish/site/search/placeIndex.ts';
import { readGeography, readReference } from '../../../scripts/io/referenceFiles.ts';
import { ROOT } from '../../../scripts/io/projectRoot.ts';
import type { ProviderView, Register } from '../../../scripts/lib/buildRegister.ts';

const geography = await readGeography();
const reference = await readReference();
const towns = [...reference.entries()].map(([postcode, f]) => ({ postcode, town: f.town }));

// Two providers: one based in Trafford (Sale), one based in Wigan that serves Trafford.
const provider = (over: Partial<ProviderView>) => over as ProviderView;
const register = {
  providers: [
    provider({
      provider_id: 'P000001',
      postcode: 'M33 7AB',
      town: 'Sale',
      local_authority: 'E08000009',
    }),
    provider({
      provider_id: 'P000002',
      postcode: 'WN2 3PA',
      town: 'Wigan',
      local_authority: 'E08000010',
      areas_served: ['E08000009', 'E08000010'],
    }),
  ],
  codelists: new Map(),
} as unknown as Register;
const index = placeIndex(
  register,
  geography,
  new Map([
    ['P000001', 0],
    ['P000002', 1],
  ]),
  towns,
);
const files = new Map(index.files.map((f) => [f.path, JSON.parse(f.contents)]));
const finder = new PlaceFinder({
  geo,
  fetchJson: async (url: string) => {
    if (!files.has(url)) throw new Error(`404 ${url}`);
    return files.get(url);
  },
  url: async (path: string) => path,
  manifest: index.manifest,
});

const csv = (file: string) =>
  parse(readFileSync(join(ROOT, 'reference/geography', file)), { columns: true }) as Record<
    string,
    string
  >[];

describe('PlaceFinder against the shared geography', () => {
  const councils = csv('../../data/codelists/local-authorities.csv');
  const regionOf = new Map(councils.map((c) => [c['code']!, c['region']!]));
  const sectors = csv('england_postcode_sectors.csv');
  const byRegion = new Map<string, Record<string, string>[]>();
  for (const s of sectors) {
    const region = regionOf.get(s['care_la_code']!) ?? '';
    byRegion.set(region, [...(byRegion.get(region) ?? []), s]);
  }

  it('covers all nine regions of England', () => {
    expect([...byRegion.keys()].filter((r) => r.startsWith('E12')).sort()).toHaveLength(9);
  });

  for (const [region, list] of byRegion) {
    it(`places sectors, full postcodes and districts in ${region || 'no region'}`, async () => {
      // Every 97th sector: a spread across the region, the same on every run.
      for (const s of list.filter((_, i) => i % 97 === 0)) {
        const code = s['sector']!;
        const sector = await finder.locate(` ${code.toLowerCase()} `);
        expect(sector).toMatchObject({ kind: 'sector', council: s['care_la_code'] });
        expect(sector!.lat).toBeCloseTo(Number(s['lat']), 2);
        expect(sector!.lon).toBeCloseTo(Number(s['lon']), 2);
        const full = await finder.locate(`${code}ZZ`);
        expect(full).toMatchObject({ kind: 'postcode', council: s['care_la_code'] });
        expect(full!.note).toContain(`${code} postcode sector`);
        const district = await finder.locate(code.split(' ')[0]!);
        expect(district?.kind).toBe('district');
      }
    });
  }

  it('falls back from an unknown sector to its district, and says so', async () => {
    const district = csv('england_postcode_districts.csv').find((d) => d['district'] === 'M33')!;
    const known = new Set(sectors.map((s) => s['sector']));
    const missing = [...'0123456789'].map((d) => `M33 ${d}`).find((s) => !known.has(s))!;
    const place = await finder.locate(`${missing}AB`);
    expect(place).toMatchObject({ kind: 'postcode', council: 'E08000009' });
    expect(place!.lat).toBeCloseTo(Number(district['lat']), 3);
    expect(place!.note).toBe(
      `${missing} is not a postcode sector we know, so distances are from the middle of the M33 district.`,
    );
  });

  it('knows towns and councils by name, in any case, before any text search', async () => {
    expect(await finder.locate('sale')).toMatchObject({
      label: 'Sale',
      kind: 'town',
      council: 'E08000009',
    });
    expect(await finder.locate('TRAFFORD')).toMatchObject({
      kind: 'council',
      council: 'E08000009',
    });
    expect(await finder.locate('Brighton & Hove')).toMatchObject({ kind: 'council' });
    expect(await finder.locate('safe')).toBeUndefined();
    expect(await finder.locate('EH1 1AA')).toBeUndefined();
  });

  it('splits a service from a place: “befriending in Sale”, “carers M33 7AB”', async () => {
    expect(await finder.find('befriending in Sale')).toMatchObject({
      rest: 'befriending',
      place: { label: 'Sale' },
    });
    expect(await finder.find('carers M33 7AB')).toMatchObject({
      rest: 'carers',
      place: { label: 'M33 7AB' },
    });
    expect(await finder.find('dementia')).toBeUndefined();
  });

  it('finds the providers based in or serving the place, with distances', async () => {
    const sale = (await finder.locate('Sale'))!;
    const { council, results } = await finder.near(sale);
    expect(council).toBe('Trafford');
    expect(results.get(0)).toMatchObject({ based: true });
    expect(results.get(0)!.miles).toBeLessThan(2);
    expect(results.get(1)).toMatchObject({ based: false });
    expect(results.get(1)!.miles).toBeGreaterThan(10);
    expect(placeSummary(sale, council)).toBe(
      'Providers based in or serving Trafford, nearest to Sale first.',
    );
  });
});
