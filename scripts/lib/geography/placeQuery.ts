/**
 * Reads what someone typed as a place: a full postcode, a postcode sector or a district, in
 * any case and spacing ("m337ab", "M33 7", "M33"). Anything else is not a postcode query and
 * is left to town, council and text search.
 */
const OUTWARD = '(GIR|[A-Z]{1,2}[0-9][A-Z0-9]?)';
const FULL = new RegExp(`^${OUTWARD}([0-9])([A-Z]{2})$`);
const SECTOR = new RegExp(`^${OUTWARD}([0-9])$`);
const DISTRICT = new RegExp(`^${OUTWARD}$`);

export type PostcodeQuery =
  | { kind: 'postcode'; postcode: string; sector: string; district: string }
  | { kind: 'sector'; sector: string; district: string }
  | { kind: 'district'; district: string };

export function parsePostcodeQuery(text: string): PostcodeQuery | undefined {
  const compact = text.replace(/\s+/g, '').toUpperCase();
  // A space, if typed, says where the outward code ends ("M3 37" is not "M33 7").
  const spaced = /^\s*(\S+)\s+(\S+)\s*$/.exec(text.toUpperCase());
  const full = FULL.exec(compact);
  if (full && (!spaced || spaced[1] === full[1])) {
    const [, district = '', digit = '', unit = ''] = full;
    return {
      kind: 'postcode',
      postcode: `${district} ${digit}${unit}`,
      sector: `${district} ${digit}`,
      district,
    };
  }
  // Without a space a district is read before a sector: "M33" is the district, not "M3 3".
  const district = DISTRICT.exec(compact);
  if (district && !spaced) return { kind: 'district', district: district[1] ?? compact };
  const sector = SECTOR.exec(compact);
  if (sector && (!spaced || spaced[1] === sector[1])) {
    const [, outward = '', digit = ''] = sector;
    return { kind: 'sector', sector: `${outward} ${digit}`, district: outward };
  }
  return undefined;
}
