import { describe, expect, it } from 'vitest';
import {
  findCrossReferences,
  findMalformedPlaceholders,
  findPlaceholders,
  segmentText,
} from '../../scripts/lib/contracts/segmentText.ts';

const refs = (text: string) =>
  findCrossReferences(text).map((r) => [r.kind, r.number, r.text, r.rangeFrom ?? null]);

describe('findPlaceholders', () => {
  it('finds well-formed placeholders with their offsets', () => {
    expect(findPlaceholders('Pay {{contract_value}} by {{start_date}}.')).toEqual([
      { name: 'contract_value', start: 4, end: 22 },
      { name: 'start_date', start: 26, end: 40 },
    ]);
  });

  it('does not take anything else for a placeholder', () => {
    expect(findPlaceholders('{{ term }} {{Term}} {term} {{term}')).toEqual([]);
  });
});

describe('findMalformedPlaceholders', () => {
  it('finds what looks like a placeholder but is not one', () => {
    const found = findMalformedPlaceholders(
      'a {{ Term }} b {{term} c {term}} d {name} e }} {{ok}}',
    );
    expect(found.map((m) => m.text)).toEqual(['{{ Term }}', '{{term}', '{term}}', '{name}', '}}']);
  });

  it('leaves well-formed placeholders and ordinary braces alone', () => {
    expect(findMalformedPlaceholders('{{a}} and {{b_2}} (with a note {1})')).toEqual([]);
  });
});

describe('findCrossReferences', () => {
  it('reads clause, section and schedule references, ending before a full stop', () => {
    expect(refs('See clause 4.2. Then section 8. Then Schedule 3 and clause S3.1.')).toEqual([
      ['clause', '4.2', 'clause 4.2', null],
      ['section', '8', 'section 8', null],
      ['schedule', '3', 'Schedule 3', null],
      ['clause', 'S3.1', 'clause S3.1', null],
    ]);
  });

  it('reads lists and ranges, with and without the keyword repeated', () => {
    expect(refs('under clause 5.2 and clause 5.3')).toEqual([
      ['clause', '5.2', 'clause 5.2', null],
      ['clause', '5.3', 'clause 5.3', null],
    ]);
    expect(refs('clause 13.1 to clause 13.3')).toEqual([
      ['clause', '13.1', 'clause 13.1', null],
      ['clause', '13.3', 'clause 13.3', '13.1'],
    ]);
    expect(refs('clauses 4.1, 4.2 and 4.4 to 4.6')).toEqual([
      ['clause', '4.1', 'clauses 4.1', null],
      ['clause', '4.2', '4.2', null],
      ['clause', '4.4', '4.4', null],
      ['clause', '4.6', '4.6', '4.4'],
    ]);
    expect(refs('clause 10.4 and Schedule 6')).toEqual([
      ['clause', '10.4', 'clause 10.4', null],
      ['schedule', '6', 'Schedule 6', null],
    ]);
    expect(refs('Schedules 1 and 2')).toEqual([
      ['schedule', '1', 'Schedules 1', null],
      ['schedule', '2', '2', null],
    ]);
  });

  it('does not read a quantity after a reference as another reference', () => {
    expect(refs('under section 8 and 10 working days later')).toEqual([
      ['section', '8', 'section 8', null],
    ]);
    expect(refs('under clause 4.2 and 30 days')).toEqual([['clause', '4.2', 'clause 4.2', null]]);
  });

  it('leaves references into legislation alone', () => {
    expect(refs('an enquiry under section 42 of the Care Act 2014')).toEqual([]);
    expect(refs('Schedule 1 to the Data Protection Act 2018 applies')).toEqual([]);
    expect(refs('section 149 of the Equality Act 2010 and clause 2.1')).toEqual([
      ['clause', '2.1', 'clause 2.1', null],
    ]);
  });

  it('keeps a number with too many parts whole, so it fails to resolve rather than half-resolving', () => {
    expect(refs('see clause 4.2.1')).toEqual([['clause', '4.2.1', 'clause 4.2.1', null]]);
  });

  it('does not find references inside other words', () => {
    expect(refs('subclause 4.2 and clause4.2 and clause 4.2a')).toEqual([]);
  });
});

describe('segmentText', () => {
  it('splits text into text, placeholders and references, in order, losing nothing', () => {
    const text = 'Pay {{contract_value}} under clause 5.3, see Schedule 2.';
    const segments = segmentText(text);
    expect(segments.map((s) => s.kind)).toEqual([
      'text',
      'placeholder',
      'text',
      'reference',
      'text',
      'reference',
      'text',
    ]);
    expect(segments.map((s) => s.text).join('')).toBe(text);
  });

  it('handles text with nothing in it, and empty text', () => {
    expect(segmentText('Plain words.')).toEqual([{ kind: 'text', text: 'Plain words.' }]);
    expect(segmentText('')).toEqual([]);
  });
});
