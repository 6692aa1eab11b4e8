/**
 * Checks the values someone gives for a template's parameters against the parameters' own
 * rules (type, required, minimum, maximum, options, maximum length) and turns them into the
 * words the contract will print. The same function runs in the fill-in form in the browser and
 * in the build, so a value the form accepts is a value every download accepts.
 *
 * Values arrive from people and from URLs, so nothing about them is trusted: any type, any
 * length, any characters. Problems come back as typed data with a plain-English message in the
 * GOV.UK error-message style; nothing throws.
 */
import { hasForbiddenCharacter } from '../textPolicy.ts';
import { isIsoDate } from '../dates.ts';
import type { ContractTemplate, CostStatement, Parameter } from '../types.generated.ts';
import { formatDate, formatInteger, formatMoney } from './formatValue.ts';

export type ValueIssueCode =
  | 'value/required'
  | 'value/type'
  | 'value/minimum'
  | 'value/maximum'
  | 'value/options'
  | 'value/max-length'
  | 'value/one-line'
  | 'value/characters'
  | 'value/single';

export interface ValueIssue {
  /** The parameter's name: also the form field's name and id. */
  parameter: string;
  code: ValueIssueCode;
  message: string;
}

export interface FilledValue {
  /** The value in canonical form (what a form field or JSON holds); absent when left blank. */
  value?: string;
  /** The words the contract prints. */
  text: string;
  /** An optional value left blank: `text` is the fallback wording. */
  blank: boolean;
}

export interface FilledContract {
  id: string;
  version: string;
  /** Every parameter of the template, in the template's order. */
  values: ReadonlyMap<string, FilledValue>;
  /** The provider's cost statement, shown in the pricing schedule (costStatement.ts checks it). */
  costStatement?: CostStatement;
  /** Parties' addresses, when chosen from the register, by the parameter that names them. */
  addresses?: Readonly<Record<string, string>>;
}

export type FillResult =
  { ok: true; contract: FilledContract; errors: [] } | { ok: false; errors: ValueIssue[] };

export type ValuesInput = Readonly<Record<string, unknown>> | ReadonlyMap<string, unknown>;

/** What an optional value left blank prints as, unless the parameter gives its own wording. */
export const DEFAULT_FALLBACK = 'not applicable';

/** Longest value taken for a parameter that sets no maximum length of its own. */
export const HARD_MAX_LENGTH = 20_000;

/** `Provider's legal name` → `the provider's legal name`; `CQC provider ID` keeps its capitals. */
function the(label: string): string {
  const lower = /^[A-Z][a-z]/.test(label) ? label[0]!.toLowerCase() + label.slice(1) : label;
  // "Select how often the price is paid", not "Select the how often…".
  return /^(how|what|which|when|where|whether|who|why)\b/.test(lower) ? lower : `the ${lower}`;
}

function read(values: ValuesInput, name: string): unknown {
  if (values instanceof Map) return values.get(name);
  const record = values as Readonly<Record<string, unknown>>;
  // Own properties only: a parameter named `constructor` must not find Object's.
  return Object.hasOwn(record, name) ? record[name] : undefined;
}

type Parsed = { ok: true; value: string; text: string } | { ok: false; issue: ValueIssue };

export function fillContract(template: ContractTemplate, values: ValuesInput): FillResult {
  const errors: ValueIssue[] = [];
  const filled = new Map<string, FilledValue>();
  for (const parameter of template.parameters) {
    if (filled.has(parameter.name)) continue;
    const result = fillValue(parameter, read(values, parameter.name));
    if ('issue' in result) errors.push(result.issue);
    else filled.set(parameter.name, result.filled);
  }
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    contract: { id: template.id, version: template.version, values: filled },
    errors: [],
  };
}

/** Checks one value; exported so the form can check a field as soon as the person leaves it. */
export function fillValue(
  parameter: Parameter,
  raw: unknown,
): { filled: FilledValue } | { issue: ValueIssue } {
  const issue = (code: ValueIssueCode, message: string) => ({
    issue: { parameter: parameter.name, code, message },
  });
  const { label } = parameter;
  if (Array.isArray(raw)) {
    if (raw.length > 1)
      return issue('value/single', `Give one value for ${the(label)}, not several`);
    raw = raw[0];
  }
  let text: string;
  if (raw === undefined || raw === null) text = '';
  else if (typeof raw === 'string') text = raw;
  else if (typeof raw === 'number' && Number.isFinite(raw)) text = String(raw);
  else if (typeof raw === 'boolean' && parameter.type === 'boolean') text = raw ? 'yes' : 'no';
  else return issue('value/type', `${label} must be given as text`);

  text =
    parameter.type === 'long_text'
      ? text
          .replace(/\r\n?/g, '\n')
          .replace(/[ \t]+$/gm, '')
          .replace(/\n{3,}/g, '\n\n')
          .trim()
      : text.replace(/\t/g, ' ').trim();

  if (text === '') {
    if (parameter.required) {
      const verb = parameter.type === 'choice' || parameter.type === 'boolean' ? 'Select' : 'Enter';
      return issue('value/required', `${verb} ${the(label)}`);
    }
    return { filled: { text: parameter.fallback ?? DEFAULT_FALLBACK, blank: true } };
  }
  if (hasForbiddenCharacter(text)) {
    return issue(
      'value/characters',
      `${label} contains a character that cannot go in a contract, such as a control character or a hidden text-direction mark`,
    );
  }
  const parsed = parse(parameter, text);
  if (!parsed.ok) return { issue: parsed.issue };
  return { filled: { value: parsed.value, text: parsed.text, blank: false } };
}

function parse(parameter: Parameter, text: string): Parsed {
  const { label, name, constraints = {} } = parameter;
  const fail = (code: ValueIssueCode, message: string): Parsed => ({
    ok: false,
    issue: { parameter: name, code, message },
  });
  switch (parameter.type) {
    case 'integer':
    case 'money': {
      const money = parameter.type === 'money';
      const number = money ? parseMoney(text) : parseInteger(text);
      if (number === undefined) {
        return fail(
          'value/type',
          money
            ? `${label} must be an amount in pounds, like 125000 or 125,000.50`
            : `${label} must be a whole number, like ${constraints.minimum ?? 5}`,
        );
      }
      const show = (n: number) => (money ? formatMoney(n) : formatInteger(n));
      if (constraints.minimum !== undefined && number < constraints.minimum) {
        return fail('value/minimum', `${label} must be at least ${show(constraints.minimum)}`);
      }
      if (constraints.maximum !== undefined && number > constraints.maximum) {
        return fail('value/maximum', `${label} must be no more than ${show(constraints.maximum)}`);
      }
      const canonical = money && !Number.isInteger(number) ? number.toFixed(2) : String(number);
      return { ok: true, value: canonical, text: show(number) };
    }
    case 'date':
      if (!isIsoDate(text))
        return fail('value/type', `${label} must be a real date, like 2026-04-01`);
      return { ok: true, value: text, text: formatDate(text) };
    case 'choice': {
      const options = constraints.options ?? [];
      const option =
        options.find((o) => o === text) ??
        options.find((o) => o.toLowerCase() === text.toLowerCase());
      if (option === undefined) {
        return fail('value/options', `Select one of the listed options for ${the(label)}`);
      }
      return { ok: true, value: option, text: option };
    }
    case 'boolean': {
      const answer = { yes: 'yes', true: 'yes', no: 'no', false: 'no' }[text.toLowerCase()];
      if (answer === undefined) return fail('value/type', `Select yes or no for ${the(label)}`);
      return { ok: true, value: answer, text: answer };
    }
    case 'text':
    case 'long_text':
    default: {
      if (parameter.type !== 'long_text' && /[\n\r]/.test(text)) {
        return fail('value/one-line', `${label} must be on one line`);
      }
      const max = Math.min(constraints.max_length ?? HARD_MAX_LENGTH, HARD_MAX_LENGTH);
      if (text.length > max) {
        return fail(
          'value/max-length',
          `${label} must be ${formatInteger(max)} characters or fewer (it has ${formatInteger(text.length)})`,
        );
      }
      return { ok: true, value: text, text };
    }
  }
}

/** `12,000` or `12000`; commas only where they group thousands. */
function parseInteger(text: string): number | undefined {
  if (!/^-?(?:\d{1,3}(?:,\d{3})+|\d+)$/.test(text)) return undefined;
  const n = Number(text.replace(/,/g, ''));
  return Number.isSafeInteger(n) ? n : undefined;
}

/** `125000`, `125,000`, `£125,000.50`: pounds with at most two decimal places. */
function parseMoney(text: string): number | undefined {
  const m = /^(-?)£?\s?((?:\d{1,3}(?:,\d{3})+|\d+))(?:\.(\d{1,2}))?$/.exec(text);
  if (!m) return undefined;
  const pence = Number(m[2]!.replace(/,/g, '')) * 100 + Number((m[3] ?? '0').padEnd(2, '0'));
  if (!Number.isSafeInteger(pence)) return undefined;
  return ((m[1] ? -1 : 1) * pence) / 100;
}
