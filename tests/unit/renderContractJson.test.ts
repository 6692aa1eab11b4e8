import { describe, expect, it } from 'vitest';
import { fillContract } from '../../scripts/lib/contracts/fillContract.ts';
import { plainText, renderContractJson } from '../../scripts/lib/contracts/renderContractJson.ts';
import { SERVICES_VALUES, realTemplate, realTitles } from '../support/contracts.ts';

const services = realTemplate('standard-services-contract', '1.1.0');

describe('renderContractJson', () => {
  it('publishes a template exactly as it is stored', () => {
    expect(JSON.parse(renderContractJson(services))).toEqual(services);
  });

  it('publishes a filled contract with its values and the words of every clause', () => {
    const filled = fillContract(services, SERVICES_VALUES);
    if (!filled.ok) throw new Error('values are valid');
    const json = JSON.parse(renderContractJson(services, filled.contract, realTitles())) as {
      template: { id: string; version: string };
      values: Record<string, string | null>;
      sections: { clauses: { number: string; text: string }[] }[];
      schedules: { kind: string; cost_lines?: { title: string }[] }[];
    };
    expect(json.template).toMatchObject({ id: 'standard-services-contract', version: '1.1.0' });
    expect(json.values['contract_value']).toBe('125000');
    expect(json.values['provider_charity_number']).toBeNull();
    const clause = json.sections[4]!.clauses.find((c) => c.number === '5.1')!;
    expect(clause.text).toContain('£125,000');
    expect(clause.text).not.toMatch(/\{\{|\[/);
    expect(json.schedules[1]).toMatchObject({ kind: 'pricing' });
    expect(json.schedules[1]!.cost_lines![0]!.title).toBe('Direct staff costs');
  });

  it('writes a blank as its label in plain text', () => {
    expect(
      plainText([{ kind: 'placeholder', name: 'a', label: 'Start date' }, { kind: 'break' }]),
    ).toBe('[Start date]\n');
  });
});
