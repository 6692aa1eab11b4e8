// lunrPostings must give exactly the weights lunr.Builder gives: the search shards' scores
// depend on it.
import lunr from 'lunr';
import { describe, expect, it } from 'vitest';
import { lunrPostings } from '../../../scripts/publish/site/search/lunrPostings.ts';

const FIELDS = ['n', 'i', 'd'];
const DOCS = [
  {
    n: 'Harbour Carers Trust',
    i: ['p000001', 'km-000001'],
    d: 'Breaks and advice for unpaid carers in Dorset.',
  },
  {
    n: 'Kestrel Advocacy Project',
    i: ['p000002'],
    d: 'Independent advocacy for older people, advocacy at home.',
  },
  {
    n: 'Sale Friends Group',
    i: ['p000003', '1123456'],
    d: 'Weekly visits by volunteers; carers welcome.',
  },
  { n: 'The the and', i: [], d: '' },
];

function lunrIndex() {
  return lunr(function () {
    this.ref('r');
    for (const f of FIELDS) this.field(f);
    DOCS.forEach((d, r) => this.add({ ...d, r: String(r) }));
  });
}

describe('lunrPostings', () => {
  const postings = lunrPostings(DOCS, FIELDS);
  const index = lunrIndex();
  // lunr's types leave out the index's internals; these are what Index.load restores.
  const internals = index as unknown as {
    fieldVectors: Record<string, { elements: number[] }>;
    invertedIndex: Record<string, { _index: number }>;
  };
  const vectors = internals.fieldVectors;
  const inverted = internals.invertedIndex;

  it('finds the same terms as lunr', () => {
    expect(postings.map((p) => p.term).sort()).toEqual(Object.keys(inverted).sort());
  });

  it('gives each posting lunr’s weight', () => {
    let checked = 0;
    for (const { term, fields } of postings) {
      for (const [f, list] of fields) {
        list.refs.forEach((ref, k) => {
          const vector = vectors[`${FIELDS[f]}/${ref}`]!;
          const elements = vector.elements;
          const at = elements.findIndex((x, i) => i % 2 === 0 && x === inverted[term]!._index);
          expect(at).toBeGreaterThanOrEqual(0);
          expect(list.weights[k]).toBe(elements[at + 1]);
          checked++;
        });
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('keeps identifiers whole', () => {
    expect(postings.map((p) => p.term)).toContain('km-000001');
  });
});
