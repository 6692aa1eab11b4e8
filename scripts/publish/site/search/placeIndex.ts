/**
 * The place search's files, beside the text index, each small and loaded only for the place
 * typed (site/assets/search/places.js):
 *
 * - `places/pc/<area>.json`: the sectors and districts of one postcode area ("M" holds
 *   "M33 7" and "M33"), each `[lat, lon, council]`;
 * - `places/names/<letter>.json`: towns and councils by first letter, `[name, lat, lon,
 *   council, kind]` (kind `t` town, `c` council);
 * - `places/councils/<code>.json`: the providers based in or serving one social-care
 *   council, `{ "name", "rows": [[ref, lat, lon, based]] }` (based 1, serving 0).
 *
 * Councils are social-care councils throughout: a district council named in a provider's
 * address or areas served counts as its county, the council whose services a family uses.
 */
import type { Register } from '../../../lib/buildRegister.ts';
import type { Geography } from '../../../lib/geography/geography.ts';
import {
  careCouncils,
  gazetteer,
  locateAddress,
  placeKey,
  round,
} from '../../../lib/geography/gazetteer.ts';
import type { SearchIndexFile } from './buildSearchIndex.ts';

export interface PlaceManifest {
  /** Postcode areas with a file, upper case ("M", "SK"). */
  areas: string[];
  /** First characters of place names with a file. */
  letters: string[];
  /** Councils with a providers file. */
  councils: string[];
}

export interface PlaceIndex {
  files: SearchIndexFile[];
  manifest: PlaceManifest;
}

/**
 * @param providerRefs provider_id → document number in the search index
 * @param towns post towns by postcode (the reference list), beside the register's addresses
 */
export function placeIndex(
  register: Register,
  geo: Geography,
  providerRefs: ReadonlyMap<string, number>,
  towns: Iterable<{ postcode: string; town: string }>,
): PlaceIndex {
  const files: SearchIndexFile[] = [];

  const byArea = new Map<string, Record<string, [number, number, string]>>();
  for (const areas of [geo.sectors, geo.districts]) {
    for (const a of areas.values()) {
      const letters = /^[A-Z]+/.exec(a.code)?.[0] ?? '';
      const file = byArea.get(letters) ?? {};
      file[a.code] = [round(a.lat), round(a.lon), a.councilCode];
      byArea.set(letters, file);
    }
  }
  for (const [area, entries] of byArea) {
    files.push({ path: `places/pc/${area.toLowerCase()}.json`, contents: JSON.stringify(entries) });
  }

  const addresses = register.providers.map((p) => ({ postcode: p.postcode, town: p.town }));
  const named = gazetteer(geo, [...addresses, ...towns]);
  const byLetter = new Map<string, [string, number, number, string, string][]>();
  for (const place of named) {
    const letter = placeKey(place.name).charAt(0);
    if (!letter) continue;
    const list = byLetter.get(letter) ?? [];
    list.push([place.name, place.lat, place.lon, place.council, place.kind === 'town' ? 't' : 'c']);
    byLetter.set(letter, list);
  }
  for (const [letter, list] of byLetter) {
    files.push({ path: `places/names/${letter}.json`, contents: JSON.stringify(list) });
  }

  const care = careCouncils(geo);
  const careOf = (code: string) => care.get(code) ?? code;
  const byCouncil = new Map<string, [number, number, number, number][]>();
  for (const p of register.providers) {
    const ref = providerRefs.get(p.provider_id);
    const at = locateAddress(geo, p.postcode);
    if (ref === undefined || !at) continue;
    const based = careOf(p.local_authority);
    const councils = new Map([[based, 1]]);
    for (const code of p.areas_served ?? []) {
      if (!councils.has(careOf(code))) councils.set(careOf(code), 0);
    }
    for (const [council, isBased] of councils) {
      const rows = byCouncil.get(council) ?? [];
      rows.push([ref, round(at.lat), round(at.lon), isBased]);
      byCouncil.set(council, rows);
    }
  }
  const councilNames = new Map<string, string>();
  for (const s of geo.sectors.values()) councilNames.set(s.councilCode, s.councilName);
  const title = (code: string) =>
    register.codelists.get('local-authorities')?.get(code)?.title ?? councilNames.get(code) ?? code;
  for (const [council, rows] of byCouncil) {
    rows.sort((a, b) => a[0] - b[0]);
    files.push({
      path: `places/councils/${council.toLowerCase()}.json`,
      contents: JSON.stringify({ name: title(council), rows }),
    });
  }

  return {
    files,
    manifest: {
      areas: [...byArea.keys()].sort(),
      letters: [...byLetter.keys()].sort(),
      councils: [...byCouncil.keys()].sort(),
    },
  };
}
