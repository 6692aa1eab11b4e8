/**
 * England's postcode sectors and districts with their centroids and the council with
 * social-care responsibility (reference/geography/, OS Code-Point Open and ONS, OGL v3).
 * There are no single postcodes in the data: a full postcode is placed at its sector's
 * centroid, or its district's when the sector is unknown, and the answer says which.
 */
import { parse } from 'csv-parse/sync';
import { parsePostcodeQuery } from './placeQuery.ts';

export interface PostcodeArea {
  /** "M33 7" for a sector, "M33" for a district. */
  code: string;
  lat: number;
  lon: number;
  /** GSS code of the council with social-care responsibility for most of the area. */
  councilCode: string;
  councilName: string;
  icbCode: string;
  icbName: string;
  postcodeCount: number;
}

export interface Geography {
  sectors: ReadonlyMap<string, PostcodeArea>;
  districts: ReadonlyMap<string, PostcodeArea>;
}

export type Precision = 'sector' | 'district';

export interface LocatedPlace {
  /** What was asked for, normalised: "M33 7AB", "M33 7" or "M33". */
  asked: string;
  precision: Precision;
  area: PostcodeArea;
  /** True when the sector (or postcode) asked for is not in the data and a wider area answers. */
  fellBack: boolean;
}

export const GEOGRAPHY_ATTRIBUTION =
  'Contains OS data © Crown copyright and database right 2025. Contains Royal Mail data © Royal Mail copyright and database right 2025. Contains National Statistics data © Crown copyright and database right 2025.';

export const BOUNDARY_ATTRIBUTION =
  'Source: Office for National Statistics licensed under the Open Government Licence v.3.0. Contains OS data © Crown copyright and database right 2025.';

/** Parses england_postcode_sectors.csv or england_postcode_districts.csv (same columns). */
export function parsePostcodeAreas(csv: string | Uint8Array): Map<string, PostcodeArea> {
  const rows = parse(csv, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  const areas = new Map<string, PostcodeArea>();
  for (const row of rows) {
    const code = row['sector'] ?? row['district'] ?? '';
    areas.set(code, {
      code,
      lat: Number(row['lat']),
      lon: Number(row['lon']),
      councilCode: row['care_la_code'] ?? '',
      councilName: row['care_la_name'] ?? '',
      icbCode: row['icb_code'] ?? '',
      icbName: row['icb_name'] ?? '',
      postcodeCount: Number(row['postcode_count']),
    });
  }
  return areas;
}

export function parseGeography(
  sectorsCsv: string | Uint8Array,
  districtsCsv: string | Uint8Array,
): Geography {
  return { sectors: parsePostcodeAreas(sectorsCsv), districts: parsePostcodeAreas(districtsCsv) };
}

/** Places a postcode, sector or district; undefined when it is not a postcode or not in England. */
export function locatePostcode(geo: Geography, text: string): LocatedPlace | undefined {
  const query = parsePostcodeQuery(text);
  if (!query) return undefined;
  const asked =
    query.kind === 'postcode'
      ? query.postcode
      : query.kind === 'sector'
        ? query.sector
        : query.district;
  if (query.kind !== 'district') {
    const sector = geo.sectors.get(query.sector);
    if (sector) return { asked, precision: 'sector', area: sector, fellBack: false };
  }
  const district = geo.districts.get(query.district);
  if (district) {
    return { asked, precision: 'district', area: district, fellBack: query.kind !== 'district' };
  }
  return undefined;
}

const EARTH_RADIUS_MILES = 3958.8;

/** Great-circle distance (haversine); plenty for "about 3 miles". */
export function distanceMiles(
  a: { lat: number; lon: number },
  b: { lat: number; lon: number },
): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_MILES * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** "under a mile", "about 1 mile", "about 3 miles": distances between centroids are approximate. */
export function describeDistance(miles: number): string {
  if (miles < 0.75) return 'under a mile';
  const rounded = Math.round(miles);
  return `about ${rounded} ${rounded === 1 ? 'mile' : 'miles'}`;
}
