import { describe, expect, it } from 'vitest';
import {
  DEFAULT_FALLBACK,
  fillContract,
  fillValue,
  HARD_MAX_LENGTH,
} from '../../scripts/lib/contracts/fillContract.ts';
import type { Parameter } from '../../scripts/lib/types.generated.ts';
import { SERVICES_VALUES, realTemplate } from '../support/contracts.ts';

const services = realTemplate('standard-services-contract', '1.1.0');

function check(parameter: Parameter, raw: unknown) {
  const result = fillValue(parameter, raw);
  return 'issue' in result
    ? { code: result.issue.code, message: result.issue.message }
    : { value: result.filled.value, text: result.filled.text, blank: result.filled.blank };
}

const integer: Parameter = {
  name: 'term_years',
  label: 'Initial term (years)',
  type: 'integer',
  required: true,
  constraints: { minimum: 3, maximum: 10 },
};
const money: Parameter = {
  name: 'contract_value',
  label: 'Price for each contract year',
  type: 'money',
  required: true,
  constraints: { minimum: 0 },
};
const text: Parameter = {
  name: 'provider_name',
  label: "Provider's legal name",
  type: 'text',
  required: true,
  constraints: { max_length: 20 },
};

describe('fillContract on a real template', () => {
  it('accepts a complete set of values and words every one of them', () => {
    const result = fillContract(services, SERVICES_VALUES);
    expect(result.errors).toEqual([]);
    if (!result.ok) return;
    const text = (name: string) => result.contract.values.get(name)?.text;
    expect(text('contract_value')).toBe('£125,000');
    expect(text('liability_cap')).toBe('£1,000,000');
    expect(text('start_date')).toBe('1 April 2026');
    expect(text('indicative_annual_volume')).toBe('1,200');
    expect(text('provider_charity_number')).toBe(DEFAULT_FALLBACK);
    expect(result.contract.values.get('provider_charity_number')).toEqual({
      text: 'not applicable',
      blank: true,
    });
    expect([...result.contract.values.keys()]).toEqual(services.parameters.map((p) => p.name));
  });

  it('lists every problem, in the order of the form, in plain words', () => {
    const result = fillContract(services, {
      ...SERVICES_VALUES,
      term_years: '2',
      price_basis: 'cheap',
    });
    expect(result.ok).toBe(false);
    expect(result.errors).toEqual([
      {
        parameter: 'term_years',
        code: 'value/minimum',
        message: 'Initial term (years) must be at least 3',
      },
      {
        parameter: 'price_basis',
        code: 'value/options',
        message: 'Select one of the listed options for the basis of the price',
      },
    ]);
  });

  it('asks for every required value when given nothing', () => {
    const result = fillContract(services, {});
    const required = services.parameters.filter((p) => p.required).map((p) => p.name);
    expect(result.errors.map((e) => e.parameter)).toEqual(required);
    expect(result.errors[0]!.message).toBe("Enter the commissioner's legal name");
  });

  it('takes a Map, and reads only own properties of an object', () => {
    expect(fillContract(services, new Map(Object.entries(SERVICES_VALUES))).ok).toBe(true);
    const inherited = Object.create({ commissioner_name: 'From the prototype' }) as Record<
      string,
      unknown
    >;
    const result = fillContract(services, inherited);
    expect(result.errors.some((e) => e.parameter === 'commissioner_name')).toBe(true);
  });

  it('ignores values for parameters the template does not have, including hostile keys', () => {
    const values = JSON.parse(
      JSON.stringify({
        ...SERVICES_VALUES,
        __proto__: { polluted: 1 },
        constructor: 'x',
        unknown: '<b>',
      }),
    ) as Record<string, unknown>;
    const result = fillContract(services, values);
    expect(result.ok).toBe(true);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('fillValue', () => {
  it('checks whole numbers against their limits', () => {
    expect(check(integer, '5')).toEqual({ value: '5', text: '5', blank: false });
    expect(check(integer, 5)).toEqual({ value: '5', text: '5', blank: false });
    expect(check(integer, ' 007 ')).toEqual({ value: '7', text: '7', blank: false });
    expect(check(integer, '2')).toEqual({
      code: 'value/minimum',
      message: 'Initial term (years) must be at least 3',
    });
    expect(check(integer, '11')).toEqual({
      code: 'value/maximum',
      message: 'Initial term (years) must be no more than 10',
    });
    for (const bad of ['3.5', '1e1', 'five', '0x5', '5 years', '1,00', NaN, Infinity]) {
      expect(check(integer, bad)).toMatchObject({ code: 'value/type' });
    }
    expect(check({ ...integer, constraints: {} }, '12,000')).toEqual({
      value: '12000',
      text: '12,000',
      blank: false,
    });
    expect(check({ ...integer, constraints: {} }, '99999999999999999999')).toMatchObject({
      code: 'value/type',
    });
  });

  it('reads money as pounds with at most two decimal places', () => {
    expect(check(money, '125000')).toEqual({ value: '125000', text: '£125,000', blank: false });
    expect(check(money, '£125,000.5')).toEqual({
      value: '125000.50',
      text: '£125,000.50',
      blank: false,
    });
    expect(check(money, 1250.25)).toEqual({ value: '1250.25', text: '£1,250.25', blank: false });
    expect(check(money, '-1')).toEqual({
      code: 'value/minimum',
      message: 'Price for each contract year must be at least £0',
    });
    for (const bad of ['12.345', '£', '1,2345', '12 pounds', '$100', '1e6']) {
      expect(check(money, bad)).toMatchObject({ code: 'value/type' });
    }
  });

  it('takes real dates only', () => {
    const date: Parameter = {
      name: 'start_date',
      label: 'Start date',
      type: 'date',
      required: true,
    };
    expect(check(date, '2028-02-29')).toEqual({
      value: '2028-02-29',
      text: '29 February 2028',
      blank: false,
    });
    for (const bad of ['2026-02-30', '2026-13-01', '01/04/2026', '2026-4-1', 'tomorrow']) {
      expect(check(date, bad)).toEqual({
        code: 'value/type',
        message: 'Start date must be a real date, like 2026-04-01',
      });
    }
  });

  it('takes one of the options, matching case as the template writes it', () => {
    const choice = services.parameters.find((p) => p.name === 'payment_schedule')!;
    expect(check(choice, 'QUARTERLY IN ADVANCE')).toMatchObject({ value: 'quarterly in advance' });
    expect(check(choice, 'yearly in arrears')).toMatchObject({ code: 'value/options' });
    expect(check(choice, '')).toEqual({
      code: 'value/required',
      message: 'Select how often the price is paid in advance',
    });
  });

  it('reads yes and no', () => {
    const yes: Parameter = { name: 'tupe', label: 'TUPE applies', type: 'boolean', required: true };
    expect(check(yes, true)).toMatchObject({ value: 'yes', text: 'yes' });
    expect(check(yes, 'No')).toMatchObject({ value: 'no' });
    expect(check(yes, 'maybe')).toEqual({
      code: 'value/type',
      message: 'Select yes or no for the TUPE applies',
    });
  });

  it('limits text to its maximum length and to one line', () => {
    expect(check(text, '  Trafford Carers  ')).toMatchObject({ value: 'Trafford Carers' });
    expect(check(text, 'x'.repeat(21))).toEqual({
      code: 'value/max-length',
      message: "Provider's legal name must be 20 characters or fewer (it has 21)",
    });
    expect(check(text, 'two\nlines')).toMatchObject({ code: 'value/one-line' });
    const unlimited: Parameter = { ...text, constraints: {} };
    expect(check(unlimited, 'x'.repeat(HARD_MAX_LENGTH + 1))).toMatchObject({
      code: 'value/max-length',
    });
  });

  it('keeps the paragraphs of long text, tidied', () => {
    const long: Parameter = { name: 'd', label: 'Description', type: 'long_text', required: true };
    expect(check(long, ' One.  \r\nTwo.\r\n\r\n\r\n\r\nThree. ')).toMatchObject({
      value: 'One.\nTwo.\n\nThree.',
    });
  });

  it('refuses invisible characters that could change how the text reads', () => {
    for (const bad of [
      'a\u202Eb',
      'a\u0000b',
      'a\u2066b',
      'a\uE000b',
      'a\uFEFFb',
      'a\uD800b',
      'a\u0007b',
    ]) {
      expect(check(text, bad)).toMatchObject({ code: 'value/characters' });
    }
    expect(check(text, 'Café 🙂 – ok')).toMatchObject({ value: 'Café 🙂 – ok' });
  });

  it('keeps HTML and placeholders in a value as plain characters', () => {
    expect(
      check({ ...text, constraints: {} }, '<script>alert(1)</script> {{term_years}}'),
    ).toMatchObject({
      value: '<script>alert(1)</script> {{term_years}}',
    });
  });

  it('uses the fallback wording for an optional value left blank', () => {
    const optional: Parameter = { ...text, required: false };
    expect(check(optional, '   ')).toEqual({
      value: undefined,
      text: 'not applicable',
      blank: true,
    });
    expect(check({ ...optional, fallback: 'none' }, undefined)).toEqual({
      value: undefined,
      text: 'none',
      blank: true,
    });
  });

  it('refuses values that are not text, numbers or (for yes/no) booleans', () => {
    expect(check(text, { toString: () => 'x' })).toMatchObject({ code: 'value/type' });
    expect(check(text, ['a', 'b'])).toMatchObject({ code: 'value/single' });
    expect(check(text, ['only'])).toMatchObject({ value: 'only' });
    expect(check(text, true)).toMatchObject({ code: 'value/type' });
    expect(check(text, null)).toMatchObject({ code: 'value/required' });
  });
});
