/**
 * Places people name: towns (from the post towns of the postcode reference list and of the
 * register's own addresses), social-care councils and district councils, each with a
 * centre and the social-care council it falls in; and where each provider is (its postcode
 * sector's centre, or its district's). Built once at build time for the place search. Pure.
 */
import type { Geography, PostcodeArea } from './geography.ts';
import { parsePostcodeQuery } from './placeQuery.ts';
import { placeKey } from './placeKey.ts';

export { placeKey };

export interface NamedPlace {
  /** As people write it: "Sale", "Trafford", "Cherwell". */
  name: string;
  kind: 'town' | 'council';
  lat: number;
  lon: number;
  /** GSS code of the social-care council the place is in (most of it). */
  council: string;
}

export interface Located {
  lat: number;
  lon: number;
  /** The postcode area that placed it: a sector, or a district when the sector is unknown. */
  area: PostcodeArea;
}

/** A postcode's sector centre, else its district's; undefined outside England's data. */
export function locateAddress(geo: Geography, postcode: string): Located | undefined {
  const q = parsePostcodeQuery(postcode);
  if (!q) return undefined;
  const area =
    (q.kind !== 'district' ? geo.sectors.get(q.sector) : undefined) ??
    geo.districts.get(q.district);
  return area ? { lat: area.lat, lon: area.lon, area } : undefined;
}

/**
 * The social-care council of any council code: a district council (E07) is served by its
 * county; unitary, metropolitan and London councils are their own. From the sectors' data.
 */
export function careCouncils(geo: Geography): Map<string, string> {
  const votes = new Map<string, Map<string, number>>();
  for (const s of geo.sectors.values()) {
    const byCare = votes.get(s.districtCode) ?? new Map<string, number>();
    byCare.set(s.councilCode, (byCare.get(s.councilCode) ?? 0) + s.postcodeCount);
    votes.set(s.districtCode, byCare);
  }
  const care = new Map<string, string>();
  for (const [district, byCare] of votes) care.set(district, mostCommon(byCare));
  for (const s of geo.sectors.values()) care.set(s.councilCode, s.councilCode);
  return care;
}

/**
 * Towns and councils by name. A town is placed at the mean centre of the sectors its
 * postcodes are in, within the council most of them are in (so two towns of one name in
 * different counties do not meet in the middle): the first by postcode count wins the name.
 */
export function gazetteer(
  geo: Geography,
  towns: Iterable<{ postcode: string; town: string }>,
): NamedPlace[] {
  const byTown = new Map<string, { name: string; sectors: Map<string, PostcodeArea> }>();
  for (const { postcode, town } of towns) {
    const name = town.trim();
    if (!name || /\d/.test(name)) continue;
    const located = locateAddress(geo, postcode);
    if (!located) continue;
    const key = placeKey(name);
    const entry = byTown.get(key) ?? { name, sectors: new Map<string, PostcodeArea>() };
    entry.sectors.set(located.area.code, located.area);
    byTown.set(key, entry);
  }
  const places: NamedPlace[] = [];
  const named = new Set<string>();
  const add = (place: NamedPlace) => {
    const key = placeKey(place.name);
    if (named.has(key)) return;
    named.add(key);
    places.push(place);
  };
  // Councils first: "Trafford" the council, not a town of that name.
  const councils = new Map<string, { name: string; areas: PostcodeArea[]; care: string }>();
  const districts = new Map<string, { name: string; areas: PostcodeArea[]; care: string }>();
  for (const s of geo.sectors.values()) {
    const c = councils.get(s.councilCode) ?? {
      name: s.councilName,
      areas: [],
      care: s.councilCode,
    };
    c.areas.push(s);
    councils.set(s.councilCode, c);
    if (s.districtCode !== s.councilCode) {
      const d = districts.get(s.districtCode) ?? {
        name: s.districtName,
        areas: [],
        care: s.councilCode,
      };
      d.areas.push(s);
      districts.set(s.districtCode, d);
    }
  }
  for (const group of [councils, districts]) {
    for (const { name, areas, care } of group.values()) {
      add({ name, kind: 'council', ...centre(areas), council: care });
    }
  }
  for (const { name, sectors } of byTown.values()) {
    const byCouncil = new Map<string, PostcodeArea[]>();
    for (const area of sectors.values()) {
      byCouncil.set(area.councilCode, [...(byCouncil.get(area.councilCode) ?? []), area]);
    }
    const [council, areas] = [...byCouncil].sort((a, b) => b[1].length - a[1].length)[0]!;
    add({ name, kind: 'town', ...centre(areas), council });
  }
  return places.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function centre(areas: readonly PostcodeArea[]): { lat: number; lon: number } {
  let lat = 0;
  let lon = 0;
  let weight = 0;
  for (const a of areas) {
    const w = Math.max(1, a.postcodeCount);
    lat += a.lat * w;
    lon += a.lon * w;
    weight += w;
  }
  return { lat: round(lat / weight), lon: round(lon / weight) };
}

/** Three decimals: about 100 metres, plenty for "about 3 miles". */
export function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

function mostCommon(counts: ReadonlyMap<string, number>): string {
  let best = '';
  let most = -1;
  for (const [key, n] of counts) {
    if (n > most) {
      best = key;
      most = n;
    }
  }
  return best;
}
