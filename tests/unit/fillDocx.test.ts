import { describe, expect, it } from 'vitest';
import {
  docxRunText,
  fillDocxSkeleton,
  fillDocxXml,
} from '../../scripts/lib/contracts/fillDocx.ts';
import { skeletonToken } from '../../scripts/lib/contracts/describeContract.ts';
import type { FilledContract } from '../../scripts/lib/contracts/fillContract.ts';

const contract: FilledContract = {
  id: 'x',
  version: '1.0.0',
  values: new Map([
    ['name', { value: 'A & <B>', text: 'A & <B> $& $1', blank: false }],
    ['lines', { value: 'one\ntwo', text: 'one\ntwo', blank: false }],
  ]),
};

describe('fillDocxXml', () => {
  it('puts each value in place of its marker, escaped for XML, exactly once', () => {
    const xml = `<w:t xml:space="preserve">Hello ${skeletonToken('name')}!</w:t>`;
    expect(fillDocxXml(xml, contract)).toBe(
      '<w:t xml:space="preserve">Hello A &amp; &lt;B&gt; $&amp; $1!</w:t>',
    );
  });

  it('turns line breaks into Word line breaks', () => {
    expect(docxRunText('one\ntwo')).toBe('one</w:t><w:br/><w:t xml:space="preserve">two');
  });

  it('leaves nothing for a marker it has no value for', () => {
    expect(fillDocxXml(`a${skeletonToken('missing')}b`, contract)).toBe('ab');
  });
});

describe('fillDocxSkeleton', () => {
  it('fills text parts and decodes binary ones', () => {
    const entries = fillDocxSkeleton(
      {
        id: 'x',
        version: '1.0.0',
        parts: [
          { path: 'word/document.xml', text: skeletonToken('lines') },
          { path: 'media/a.bin', base64: 'AAEC' },
        ],
      },
      contract,
    );
    expect(new TextDecoder().decode(entries[0]!.data)).toBe(
      'one</w:t><w:br/><w:t xml:space="preserve">two',
    );
    expect([...entries[1]!.data]).toEqual([0, 1, 2]);
  });
});
