import { describe, expect, it } from 'vitest';
import { codeTitles } from '../../scripts/lib/contracts/codeTitles.ts';
import { loadTemplates } from '../support/contracts.ts';

describe('codeTitles', () => {
  it('reads topic, cost category and status titles from the codelists', () => {
    const lists = loadTemplates(new Map()).codelists;
    const titles = codeTitles(lists);
    expect(titles.topics['risk-allocation']).toBe('Risk allocation');
    expect(titles.costCategories['direct-staff']).toBe('Direct staff costs');
    expect(titles.statuses['published']).toEqual({
      title: 'Published',
      description: expect.stringMatching(/^The current version/),
    });
    // The Register model holds codelists as plain maps of entries; that works too.
    const plain = new Map([...lists].map(([name, list]) => [name, list.entries]));
    expect(codeTitles(plain)).toEqual(titles);
  });

  it('is empty, not broken, without codelists', () => {
    expect(codeTitles(new Map())).toEqual({ topics: {}, costCategories: {}, statuses: {} });
  });
});
