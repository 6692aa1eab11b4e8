// @ts-check
/**
 * Turns what a person types into the terms searched for: identifiers kept whole
 * (`KM-000123`, `P000123`, a charity or company number), a full postcode reduced to its
 * district (the index holds districts), then words as lunr tokenises them, without the
 * stop words lunr leaves out of the index. Each term keeps its typed form: the exact clause
 * stems it, prefix and fuzzy clauses use it as typed. Pure; `lunr` is passed in.
 */

/** Longest query that is searched; anything after is ignored. */
export const MAX_QUERY_LENGTH = 200;
/** At most this many terms are searched (a pasted paragraph would be slow and pointless). */
export const MAX_TERMS = 8;

const IDENTIFIER =
  /(?:^|[\s,;])(km[-\s]?\d{6}|p\d{6}|sc\d{6}|1-\d{6,12}|[a-z]{2}\d{6}|\d{6,8})(?=$|[\s,;])/gi;
const POSTCODE = /(?:^|\s)([a-z]{1,2}\d[a-z\d]?)\s*(\d[a-z]{2})(?=$|\s)/gi;

/**
 * @typedef {{ text: string, identifier: boolean }} QueryTerm
 */

/**
 * @param {any} lunr the lunr library
 * @param {string} query what was typed
 * @returns {QueryTerm[]}
 */
export function queryTerms(lunr, query) {
  let text = ` ${String(query).slice(0, MAX_QUERY_LENGTH).toLowerCase()} `;
  /** @type {QueryTerm[]} */
  const terms = [];
  text = text.replace(IDENTIFIER, (match, id) => {
    terms.push({ text: normaliseIdentifier(id), identifier: true });
    return match.slice(0, match.length - id.length);
  });
  text = text.replace(POSTCODE, (match, district) => {
    terms.push({ text: district, identifier: false });
    return match.slice(0, match.length - match.trimStart().length);
  });
  const tokens = lunr.tokenizer(text);
  const kept = new lunr.Pipeline();
  kept.add(lunr.trimmer, lunr.stopWordFilter);
  for (const token of kept.run(tokens)) {
    const word = token.toString();
    if (word !== '') terms.push({ text: word, identifier: false });
  }
  const seen = new Set();
  return terms
    .filter((t) => (seen.has(t.text) ? false : (seen.add(t.text), true)))
    .slice(0, MAX_TERMS);
}

/**
 * Identifiers as the index holds them: lower case, certificate numbers as `km-000123`.
 * @param {string} id
 */
export function normaliseIdentifier(id) {
  const lower = id.toLowerCase().replace(/\s+/g, '');
  const km = /^km-?(\d{6})$/.exec(lower);
  return km ? `km-${km[1]}` : lower;
}

/**
 * The certificate or provider a query names exactly, for a "go straight there" link.
 * @param {string} query
 * @returns {{ kind: 'provider' | 'certificate', id: string } | undefined}
 */
export function directIdentifier(query) {
  const q = String(query).trim().toUpperCase().replace(/\s+/g, '');
  const km = /^KM-?(\d{6})$/.exec(q);
  if (km) return { kind: 'certificate', id: `KM-${km[1]}` };
  if (/^P\d{6}$/.test(q)) return { kind: 'provider', id: q };
  return undefined;
}
