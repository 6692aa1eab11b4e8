/**
 * UK postcodes. The stored form is upper case with one space before the inward code
 * (`SW1A 1AA`); `normalisePostcode` is the mechanical fix behind `postcode/format`.
 */
const POSTCODE = /^(?:GIR 0AA|[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][A-Z]{2})$/;

export function isPostcode(value: string): boolean {
  return POSTCODE.test(value);
}

/** Upper-cases and re-spaces; returns the input unchanged when it cannot be a postcode. */
export function normalisePostcode(value: string): string {
  const compact = value.replace(/\s+/g, '').toUpperCase();
  if (compact.length < 5 || compact.length > 7) return value;
  const candidate = `${compact.slice(0, -3)} ${compact.slice(-3)}`;
  return POSTCODE.test(candidate) ? candidate : value;
}

/** `SW1A 1AA` → `SW1A`: the outward code, which people search by. */
export function postcodeDistrict(postcode: string): string {
  return postcode.split(' ')[0] ?? postcode;
}

/** `SW1A 1AA` → `SW`. */
export function postcodeArea(postcode: string): string {
  return /^[A-Z]+/.exec(postcode)?.[0] ?? '';
}
