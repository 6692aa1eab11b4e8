import { describe, expect, it } from 'vitest';
import { renderContract } from '../../scripts/lib/contracts/renderContract.ts';
import { fixtureTemplate } from '../support/contracts.ts';

const values = { provider_name: 'Carers', term_years: '4', contract_value: '90000' };

describe('renderContract', () => {
  it('renders the template in each text format', () => {
    for (const format of ['html', 'markdown', 'json'] as const) {
      const result = renderContract(fixtureTemplate(), format);
      expect(result.ok && result.text.length).toBeGreaterThan(500);
    }
  });

  it('renders the completed contract when the values are right', () => {
    const result = renderContract(fixtureTemplate(), 'markdown', values);
    expect(result.ok && result.text).toContain('The price is £90,000 a year');
  });

  it('returns the problems, not a document, when they are not', () => {
    expect(renderContract(fixtureTemplate(), 'html', { ...values, term_years: '1' })).toEqual({
      ok: false,
      errors: [
        {
          parameter: 'term_years',
          code: 'value/minimum',
          message: 'Initial term (years) must be at least 3',
        },
      ],
    });
  });
});
