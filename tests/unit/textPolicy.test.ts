import { describe, expect, it } from 'vitest';
import {
  forbiddenCharacterAt,
  isRemovable,
  removeInvisible,
} from '../../scripts/lib/textPolicy.ts';

const HIDDEN: Record<string, string> = {
  bell: '\u0007',
  escape: '\u001B',
  'vertical tab': '\u000B',
  'form feed': '\u000C',
  backspace: '\u0008',
  'C1 control': '\u0085',
  'right-to-left override': '\u202E',
  'left-to-right isolate': '\u2066',
  'Arabic letter mark': '\u061C',
  'zero-width space': '\u200B',
  'zero-width joiner': '\u200D',
  'word joiner': '\u2060',
  'byte order mark': '\uFEFF',
  'non-character U+FFFE': '\uFFFE',
  'non-character U+FDD0': '\uFDD0',
  'non-character U+1FFFF': '\u{1FFFF}',
};

describe('the text policy', () => {
  for (const [name, ch] of Object.entries(HIDDEN)) {
    it(`finds a ${name} and fix removes it`, () => {
      const text = `Harbour${ch} Trust`;
      expect(forbiddenCharacterAt(text)).toBe(7);
      expect(isRemovable(text)).toBe(true);
      expect(removeInvisible(text)).toBe('Harbour Trust');
    });
  }

  it('allows tabs and line breaks only in multi-line text', () => {
    expect(forbiddenCharacterAt('one\ntwo\tthree')).toBe(-1);
    expect(forbiddenCharacterAt('one\ntwo', { multiline: false })).toBe(3);
    expect(removeInvisible('one\r\ntwo', { multiline: false })).toBe('one two');
  });

  it('leaves letters of every script, accents and emoji alone', () => {
    const text = 'Café Ōrākei — গ্রামীণ সেবা, خدمات 👩‍⚕️'.replace('\u200D', '');
    expect(forbiddenCharacterAt(text, { multiline: false })).toBe(-1);
  });

  it('flags private-use characters but does not delete them unseen', () => {
    expect(forbiddenCharacterAt('a\uE000b')).toBe(1);
    expect(isRemovable('a\uE000b')).toBe(false);
  });
});
