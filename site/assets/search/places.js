// @ts-check
/**
 * The place search: what someone typed read as a postcode (full, sector or district), a town
 * or a council before any text search, so "Sale" is the town and not a near miss of "safe";
 * then the providers based in or serving that place's social-care council, nearest first.
 * Loads only the files for the place typed (scripts/site/search/placeIndex.ts). The
 * geography functions are the build's own (assets/search/geography.js) and `fetchJson` is
 * passed in, so Node tests drive this from the built files. Pure apart from fetching.
 */

/**
 * @typedef {{ parsePostcodeQuery: (text: string) => any, placeKey: (text: string) => string,
 *   distanceMiles: (a: {lat: number, lon: number}, b: {lat: number, lon: number}) => number,
 *   describeDistance: (miles: number) => string }} GeoFunctions
 * @typedef {{ areas: string[], letters: string[], councils: string[] }} PlaceManifest
 * @typedef {{ label: string, kind: 'postcode' | 'sector' | 'district' | 'town' | 'council',
 *   lat: number, lon: number, council: string, note: string }} Place
 * @typedef {{ place: Place, rest: string }} PlaceMatch
 * @typedef {{ miles: number, based: boolean }} Nearby
 */

/** Words that join a service to a place: "befriending in Sale", "carers near M33". */
const JOINERS = /\s+(?:in|near|around)\s+/i;
/** A place name has at most this many words ("Newcastle upon Tyne"). */
const MAX_PLACE_WORDS = 4;

export class PlaceFinder {
  /**
   * @param {{ geo: GeoFunctions, fetchJson: (url: string) => Promise<any>,
   *   url: (path: string) => Promise<string>, manifest: PlaceManifest }} options
   *   url: the address of a file of this build's index
   */
  constructor(options) {
    this.geo = options.geo;
    this.fetchJson = options.fetchJson;
    this.url = options.url;
    this.areas = new Set(options.manifest.areas);
    this.letters = new Set(options.manifest.letters);
    this.councils = new Set(options.manifest.councils);
    /** @type {Map<string, Promise<any>>} */
    this.files = new Map();
  }

  /** @param {string} path */
  file(path) {
    let promise = this.files.get(path);
    if (!promise) {
      promise = this.url(path).then((url) => this.fetchJson(url));
      this.files.set(path, promise);
      promise.catch(() => this.files.delete(path));
    }
    return promise;
  }

  /**
   * The place a query names, and the words left for text search: the whole query, else the
   * words after "in" or "near", else its last words.
   * @param {string} query
   * @returns {Promise<PlaceMatch | undefined>}
   */
  async find(query) {
    const text = query.replace(/\s+/g, ' ').trim();
    const whole = await this.locate(text);
    if (whole) return { place: whole, rest: '' };
    const joined = text.split(JOINERS);
    if (joined.length > 1) {
      const place = await this.locate(/** @type {string} */ (joined.pop()));
      if (place) return { place, rest: joined.join(' ') };
    }
    const words = text.split(' ');
    for (let n = Math.min(MAX_PLACE_WORDS, words.length - 1); n >= 1; n--) {
      const place = await this.locate(words.slice(-n).join(' '));
      if (place) return { place, rest: words.slice(0, -n).join(' ') };
    }
    return undefined;
  }

  /**
   * A postcode, sector or district, else a town or council by name.
   * @param {string} text
   * @returns {Promise<Place | undefined>}
   */
  async locate(text) {
    const postcode = this.geo.parsePostcodeQuery(text);
    if (postcode) return this.locatePostcode(postcode);
    const key = this.geo.placeKey(text);
    const letter = key.charAt(0);
    if (!key || !this.letters.has(letter)) return undefined;
    /** @type {[string, number, number, string, string][]} */
    const names = await this.file(`places/names/${letter}.json`);
    const found = names.find((n) => this.geo.placeKey(n[0]) === key);
    if (!found) return undefined;
    const [label, lat, lon, council, kind] = found;
    return { label, kind: kind === 't' ? 'town' : 'council', lat, lon, council, note: '' };
  }

  /**
   * @param {{ kind: string, postcode?: string, sector?: string, district: string }} q
   * @returns {Promise<Place | undefined>}
   */
  async locatePostcode(q) {
    const area = /^[A-Z]+/.exec(q.district)?.[0] ?? '';
    if (!this.areas.has(area)) return undefined;
    /** @type {Record<string, [number, number, string]>} */
    const entries = await this.file(`places/pc/${area.toLowerCase()}.json`);
    const sector = q.sector ? entries[q.sector] : undefined;
    const district = entries[q.district];
    const label = q.postcode ?? q.sector ?? q.district;
    const kind = /** @type {Place['kind']} */ (q.kind);
    if (sector) {
      const note =
        kind === 'postcode'
          ? `Distances are from the middle of the ${q.sector} postcode sector, which ${label} is in.`
          : '';
      return { label, kind, lat: sector[0], lon: sector[1], council: sector[2], note };
    }
    if (district) {
      const note =
        kind === 'district'
          ? ''
          : `${q.sector} is not a postcode sector we know, so distances are from the middle of the ${q.district} district.`;
      return { label, kind, lat: district[0], lon: district[1], council: district[2], note };
    }
    return undefined;
  }

  /**
   * The providers based in or serving the place's council, with their distance from it.
   * @param {Place} place
   * @returns {Promise<{ council: string, results: Map<number, Nearby> }>}
   */
  async near(place) {
    const code = place.council;
    /** @type {Map<number, Nearby>} */
    const results = new Map();
    if (!this.councils.has(code)) return { council: '', results };
    /** @type {{ name: string, rows: [number, number, number, number][] }} */
    const file = await this.file(`places/councils/${code.toLowerCase()}.json`);
    for (const [ref, lat, lon, based] of file.rows) {
      results.set(ref, { miles: this.geo.distanceMiles(place, { lat, lon }), based: based === 1 });
    }
    return { council: file.name, results };
  }
}

/**
 * What the results are for, in words: "Providers based in or serving Trafford, nearest to
 * Sale first."
 * @param {Place} place
 * @param {string} council the council's name
 */
export function placeSummary(place, council) {
  const where = council || 'the area';
  const what =
    place.kind === 'council' && place.label === council
      ? `based in or serving ${where}`
      : `based in or serving ${where}, nearest to ${place.label} first`;
  return `Providers ${what}.`;
}
