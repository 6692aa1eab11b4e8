import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import {
  describeDistance,
  distanceMiles,
  locatePostcode,
  parseGeography,
} from '../../scripts/lib/geography/geography.ts';
import { readGeography } from '../../scripts/io/referenceFiles.ts';
import { ROOT } from '../../scripts/io/projectRoot.ts';

const geography = await readGeography();

describe('locatePostcode', () => {
  it('places a full postcode at its sector, in its social-care council', () => {
    const place = locatePostcode(geography, 'm33 7ab');
    expect(place).toMatchObject({ asked: 'M33 7AB', precision: 'sector', fellBack: false });
    expect(place?.area).toMatchObject({
      code: 'M33 7',
      councilCode: 'E08000009',
      councilName: 'Trafford',
    });
  });

  it('places a district at its own centroid', () => {
    expect(locatePostcode(geography, 'SW1A')?.area).toMatchObject({
      code: 'SW1A',
      lat: 51.50452,
      lon: -0.13225,
      councilCode: 'E09000033',
    });
  });

  it('falls back from an unknown sector to its district and says so', () => {
    const place = locatePostcode(geography, 'M33 9ZZ');
    expect(geography.sectors.has('M33 9')).toBe(false);
    expect(place).toMatchObject({ asked: 'M33 9ZZ', precision: 'district', fellBack: true });
    expect(place?.area.code).toBe('M33');
  });

  it('knows nothing of places outside England or of words', () => {
    expect(locatePostcode(geography, 'CF10 1AA')).toBeUndefined();
    expect(locatePostcode(geography, 'Sale')).toBeUndefined();
  });

  it('agrees with the shared geography for sectors in every region', () => {
    const rows = parse(
      readFileSync(join(ROOT, 'reference/geography/england_postcode_sectors.csv')),
      {
        columns: true,
      },
    ) as Record<string, string>[];
    // One sector in every postcode area covers every region of England.
    const byArea = new Map<string, Record<string, string>>();
    for (const row of rows) byArea.set(/^[A-Z]+/.exec(row['sector'] ?? '')?.[0] ?? '', row);
    expect(byArea.size).toBeGreaterThan(100);
    for (const row of byArea.values()) {
      const place = locatePostcode(geography, `${row['sector']}AA`);
      expect(place?.area).toMatchObject({
        code: row['sector'],
        lat: Number(row['lat']),
        councilCode: row['care_la_code'],
      });
    }
  });

  it('parses the two files with the same columns', () => {
    const csv =
      'sector,postcode_count,lat,lon,care_la_code,care_la_name,icb_code,icb_name\nAB1 2,3,1.5,-2.5,E1,Here,E54,ICB\n';
    const geo = parseGeography(csv, csv.replace('sector', 'district').replace('AB1 2', 'AB1'));
    expect(geo.sectors.get('AB1 2')).toMatchObject({ lat: 1.5, lon: -2.5, postcodeCount: 3 });
    expect(geo.districts.get('AB1')?.councilName).toBe('Here');
  });
});

describe('distanceMiles', () => {
  it('measures Manchester to Sale as about 5 miles', () => {
    const manchester = geography.districts.get('M1')!;
    const sale = geography.districts.get('M33')!;
    expect(distanceMiles(manchester, sale)).toBeGreaterThan(4);
    expect(distanceMiles(manchester, sale)).toBeLessThan(6.5);
    expect(distanceMiles(sale, sale)).toBe(0);
  });

  it('describes distances in rounded words', () => {
    expect(describeDistance(0.4)).toBe('under a mile');
    expect(describeDistance(1.2)).toBe('about 1 mile');
    expect(describeDistance(2.6)).toBe('about 3 miles');
  });
});
