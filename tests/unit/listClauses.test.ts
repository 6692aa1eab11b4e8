import { describe, expect, it } from 'vitest';
import {
  clauseAnchor,
  isNumberedInOrder,
  listClauses,
  listParts,
  parameterUses,
  partAnchor,
} from '../../scripts/lib/contracts/listClauses.ts';
import { fixtureTemplate, realTemplate } from '../support/contracts.ts';

describe('listParts and listClauses', () => {
  it('lists sections, then schedules, with their clauses, anchors and pointers', () => {
    const parts = listParts(fixtureTemplate());
    expect(parts.map((p) => [p.kind, p.number, p.label, p.anchor, p.pointer])).toEqual([
      ['section', '1', 'Section 1', 'section-1', '/sections/0'],
      ['section', '2', 'Section 2', 'section-2', '/sections/1'],
      ['schedule', '1', 'Schedule 1', 'schedule-1', '/schedules/0'],
    ]);
    expect(listClauses(fixtureTemplate()).map((c) => [c.number, c.anchor, c.pointer])).toEqual([
      ['1.1', 'clause-1-1', '/sections/0/clauses/0'],
      ['1.2', 'clause-1-2', '/sections/0/clauses/1'],
      ['2.1', 'clause-2-1', '/sections/1/clauses/0'],
      ['S1.1', 'clause-s1-1', '/schedules/0/clauses/0'],
      ['S1.2', 'clause-s1-2', '/schedules/0/clauses/1'],
    ]);
    expect(parts[2]!.costLines).toHaveLength(8);
  });

  it('gives every clause of a real template its own anchor', () => {
    const anchors = listClauses(realTemplate('standard-services-contract', '1.1.0')).map(
      (c) => c.anchor,
    );
    expect(new Set(anchors).size).toBe(anchors.length);
    expect(anchors.every((a) => /^[a-z0-9-]+$/.test(a))).toBe(true);
  });
});

describe('anchors', () => {
  it('are safe ids', () => {
    expect(clauseAnchor('4.2')).toBe('clause-4-2');
    expect(clauseAnchor('S3.1')).toBe('clause-s3-1');
    expect(partAnchor('schedule', '3')).toBe('schedule-3');
  });
});

describe('isNumberedInOrder', () => {
  it('is true for the real templates and false when a number is out of place', () => {
    expect(isNumberedInOrder(realTemplate('standard-services-contract', '1.0.0'))).toBe(true);
    const t = fixtureTemplate();
    t.sections[0]!.clauses[1]!.number = '1.3';
    expect(isNumberedInOrder(t)).toBe(false);
  });
});

describe('parameterUses', () => {
  it('lists the clauses that use each parameter', () => {
    expect(Object.fromEntries(parameterUses(fixtureTemplate()))).toEqual({
      provider_name: ['1.1'],
      term_years: ['1.2'],
      contract_value: ['2.1'],
    });
  });
});
