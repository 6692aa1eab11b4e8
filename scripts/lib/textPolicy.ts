/**
 * The one policy for characters in the register's free text (CSV cells, register.json, contract
 * templates, the contract fill-in form): no control characters, no hidden text-direction
 * controls (which can make a name or a clause read differently from what it says), no
 * zero-width characters (which make two names that look the same differ), no private-use
 * characters (the DOCX filler's own markers), no byte-order marks, non-characters or lone
 * surrogates. Tab and line breaks are allowed where a field allows them.
 *
 * Pure and dependency-free: it is also bundled into the browser for the fill-in form.
 */

const CONTROL = '\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F';
const BIDI = '\\u061C\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069';
const ZERO_WIDTH = '\\u180E\\u200B-\\u200D\\u2060-\\u2064\\uFEFF';
const SEPARATORS = '\\u2028\\u2029';
const PRIVATE_USE = '\\uE000-\\uF8FF';
const NON_CHARACTERS = '\\uFDD0-\\uFDEF\\uFFFE\\uFFFF';
// Non-characters of the other planes (U+1FFFE, U+1FFFF, …) and lone surrogates.
const ASTRAL =
  '[\\uD83F\\uD87F\\uD8BF\\uD8FF\\uD93F\\uD97F\\uD9BF\\uD9FF\\uDA3F\\uDA7F\\uDABF\\uDAFF\\uDB3F\\uDB7F\\uDBBF\\uDBFF][\\uDFFE\\uDFFF]';
const LONE_SURROGATE =
  '[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]';

const FORBIDDEN_CLASS = `${CONTROL}${BIDI}${ZERO_WIDTH}${SEPARATORS}${PRIVATE_USE}${NON_CHARACTERS}`;
const FORBIDDEN = new RegExp(`[${FORBIDDEN_CLASS}]|${ASTRAL}|${LONE_SURROGATE}`);
const FORBIDDEN_ON_ONE_LINE = new RegExp(
  `[\\t\\n\\r${FORBIDDEN_CLASS}]|${ASTRAL}|${LONE_SURROGATE}`,
);
/** What `kitemark fix` may delete unseen: everything forbidden but private-use characters. */
const REMOVABLE = new RegExp(
  `[${CONTROL}${BIDI}${ZERO_WIDTH}${SEPARATORS}${NON_CHARACTERS}]|${ASTRAL}|${LONE_SURROGATE}`,
  'g',
);

/** Free-text columns of the register's tables that may hold line breaks and tabs. */
export const MULTILINE_FIELDS: ReadonlySet<string> = new Set(['description']);

export interface TextPolicyOptions {
  /** Tab and line breaks are allowed (longer text); false for one-line values such as names. */
  multiline?: boolean;
}

/** Where the first forbidden character is, or -1. */
export function forbiddenCharacterAt(text: string, options: TextPolicyOptions = {}): number {
  const pattern = options.multiline === false ? FORBIDDEN_ON_ONE_LINE : FORBIDDEN;
  return pattern.exec(text)?.index ?? -1;
}

export function hasForbiddenCharacter(text: string, options: TextPolicyOptions = {}): boolean {
  return (options.multiline === false ? FORBIDDEN_ON_ONE_LINE : FORBIDDEN).test(text);
}

/** `U+202E` for the character at `index`. */
export function codePointName(text: string, index: number): string {
  return `U+${text.codePointAt(index)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Plain words for the kind of character at `index`, for messages. */
export function describeCharacter(text: string, index: number): string {
  const c = text.codePointAt(index)!;
  if (c === 0x09) return 'a tab';
  if (c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029) return 'a line break';
  if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) return 'a control character';
  if (new RegExp(`[${BIDI}]`).test(String.fromCodePoint(c))) return 'a hidden text-direction mark';
  if (new RegExp(`[${ZERO_WIDTH}]`).test(String.fromCodePoint(c))) return 'an invisible character';
  if (c >= 0xe000 && c <= 0xf8ff) return 'a private-use character';
  if (c >= 0xd800 && c <= 0xdfff) return 'half of a broken character';
  return 'a non-character';
}

/** True when `removeInvisible` would take out every forbidden character of `text`. */
export function isRemovable(text: string, options: TextPolicyOptions = {}): boolean {
  return !hasForbiddenCharacter(removeInvisible(text, options), options);
}

/**
 * The text without the characters nobody can see or mean (controls, direction marks, zero-width
 * characters, non-characters); a line break or tab where the field allows none becomes a space.
 * Private-use characters stay: they show, and need a person to say what was meant.
 */
export function removeInvisible(text: string, options: TextPolicyOptions = {}): string {
  let out = text.replace(REMOVABLE, '');
  if (options.multiline === false) out = out.replace(/[\t\r\n]+/g, ' ');
  return out;
}
