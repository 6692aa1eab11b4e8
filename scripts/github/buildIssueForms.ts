/**
 * The two issue forms (apply for the kitemark; correct an entry), built from the data standard:
 * which fields exist and which are required come from the JSON Schemas, the choices of every
 * dropdown from the codelists. The YAML in .github/ISSUE_TEMPLATE/ is written from these
 * definitions (scripts/github/main-issue-forms.ts) and a test fails if it drifts, and the
 * intake bot parses answers with the same definitions, so the form and the parser always agree.
 */
import { stringify } from 'yaml';
import type { Codelist, LoadedRegister } from '../lib/loadRegister.ts';
import { TABLES } from '../lib/schemas.ts';
import { FORM_LABELS } from './labels.ts';

export interface FormOption {
  code: string;
  title: string;
}

export interface FormField {
  /** Issue-form id: the register column it fills, or a form-only answer. */
  id: string;
  type: 'input' | 'textarea' | 'dropdown' | 'checkboxes';
  label: string;
  description: string;
  required: boolean;
  /** Dropdown choices (shown by title), or checkbox statements. */
  options?: FormOption[];
  multiple?: boolean;
  placeholder?: string;
  /** Where the answer goes: a providers or accreditations column. */
  target?: { table: 'providers' | 'accreditations'; column: string };
  /**
   * How the answer is read: `text`; `code` (a dropdown choice); `codes` (several choices);
   * `council` / `councils` (council names or GSS codes typed in); `provider` (a provider ID).
   */
  reads:
    'text' | 'names' | 'code' | 'codes' | 'council' | 'councils' | 'provider' | 'confirm' | 'note';
}

export interface FormDefinition {
  kind: 'application' | 'correction';
  /** File name under .github/ISSUE_TEMPLATE/. */
  file: string;
  name: string;
  description: string;
  title: string;
  labels: string[];
  intro: string;
  fields: FormField[];
}

/** Words a person reads in the form, where the schema's words are written for a CSV editor. */
const HELP: Record<string, string> = {
  name: 'As on your charity or company record.',
  legal_form: "Your organisation's legal structure.",
  charity_number:
    'Registered charity number in England and Wales (six or seven digits), if you have one.',
  oscr_number:
    'Scottish Charity Regulator number (SC and six digits), if you are also registered in Scotland.',
  company_number:
    'Companies House number (eight characters, for example 09123456), if you are a company.',
  cqc_provider_id:
    'Care Quality Commission provider ID (for example 1-123456789), if you provide regulated activities.',
  ods_code: 'NHS Organisation Data Service code, if you have one.',
  address_line_1: 'First line of your registered or main office address.',
  address_line_2: 'Second line of the address, if any.',
  town: 'The post town.',
  postcode: 'For example SW1A 1AA.',
  local_authority:
    'The council with social-care responsibility for your address: its name (for example "Bristol" or "Oxfordshire") or its GSS code (for example E06000023).',
  areas_served: 'Councils whose areas you serve: names or GSS codes, one per line.',
  other_names:
    'Other names people know your organisation by, one per line: a working name, an earlier name, a well-known short name. Search finds you by any of them.',
  services: 'Every service you offer.',
  user_groups: 'The people your services are for.',
  website: 'A full web address, for example https://www.example.org.uk.',
  email: 'A public contact email address.',
  phone: 'A public contact phone number, for example 0117 496 0000.',
  description:
    'What your organisation does, in a sentence or two of plain text (at most 1,000 characters).',
  scope: 'The services the kitemark should cover: some or all of the services above.',
  quality_marks: 'Recognised quality marks you hold, which the assessor will take as evidence.',
};

/**
 * Provider columns a person can give in a form (the key and the date added are ours), in
 * schema order but for other names, which a person gives right after the name.
 */
const PROVIDER_COLUMNS = TABLES.providers.fields
  .map((f) => f.name)
  .filter((n) => n !== 'provider_id' && n !== 'added_on' && n !== 'other_names')
  .flatMap((n) => (n === 'name' ? [n, 'other_names'] : [n]));

function options(
  codelists: ReadonlyMap<string, Codelist>,
  name: string,
  current = false,
): FormOption[] {
  const list = codelists.get(name);
  if (!list) throw new Error(`the ${name} codelist is missing`);
  return [...list.entries.values()]
    .filter((e) => !current || !e['end_date'])
    .map((e) => ({ code: e.code, title: e.title }));
}

function providerField(
  name: string,
  codelists: ReadonlyMap<string, Codelist>,
  required: boolean,
): FormField {
  const spec = TABLES.providers.fields.find((f) => f.name === name)!;
  const base = {
    id: name,
    label: spec.title,
    description: HELP[name] ?? spec.description,
    required,
    target: { table: 'providers' as const, column: name },
  };
  if (name === 'local_authority') return { ...base, type: 'input', reads: 'council' };
  if (name === 'areas_served') return { ...base, type: 'textarea', reads: 'councils' };
  if (name === 'description') return { ...base, type: 'textarea', reads: 'text' };
  if (name === 'other_names') return { ...base, type: 'textarea', reads: 'names' };
  if (spec.codelist) {
    const multiple = spec.kind === 'list';
    return {
      ...base,
      type: 'dropdown',
      options: options(codelists, spec.codelist),
      multiple,
      reads: multiple ? 'codes' : 'code',
    };
  }
  return { ...base, type: 'input', reads: 'text' };
}

export function applicationForm(register: Pick<LoadedRegister, 'codelists'>): FormDefinition {
  const { codelists } = register;
  const required = new Set(TABLES.providers.fields.filter((f) => f.required).map((f) => f.name));
  const fields: FormField[] = PROVIDER_COLUMNS.map((name) =>
    providerField(name, codelists, required.has(name)),
  );
  fields.push(
    {
      id: 'scope',
      type: 'dropdown',
      label: 'Services the kitemark should cover',
      description: HELP['scope']!,
      required: true,
      options: options(codelists, 'services'),
      multiple: true,
      target: { table: 'accreditations', column: 'scope' },
      reads: 'codes',
    },
    {
      id: 'quality_marks',
      type: 'dropdown',
      label: 'Quality marks held',
      description: HELP['quality_marks']!,
      required: false,
      options: options(codelists, 'quality-marks'),
      multiple: true,
      target: { table: 'accreditations', column: 'quality_marks' },
      reads: 'codes',
    },
    {
      id: 'declaration',
      type: 'checkboxes',
      label: 'Declaration',
      description:
        'The register is public: everything in this form will be published under the Open Government Licence.',
      required: true,
      options: [
        { code: 'authorised', title: 'I am authorised to apply on behalf of this organisation.' },
        {
          code: 'public',
          title: 'I agree that these details will be published on the public register.',
        },
      ],
      reads: 'confirm',
    },
  );
  return {
    kind: 'application',
    file: 'apply-for-the-kitemark.yml',
    name: 'Apply for the kitemark',
    description: 'Add your organisation to the register and apply for the kitemark.',
    title: 'Application: ',
    labels: [FORM_LABELS.application.name],
    intro: [
      'Use this form to add your organisation to the Kitemark Register and apply for the kitemark.',
      '',
      'When you submit it, our bot checks your answers against the data standard. If something needs changing it will say what, in a comment; edit this issue to correct it. When everything is in order it opens a pull request adding your organisation, with the status **applied**, for a maintainer to review. An assessor will then contact you about your documents.',
      '',
      'Do not include personal details of staff, volunteers or the people you support.',
    ].join('\n'),
    fields,
  };
}

export function correctionForm(register: Pick<LoadedRegister, 'codelists'>): FormDefinition {
  const { codelists } = register;
  const fields: FormField[] = [
    {
      id: 'provider_id',
      type: 'input',
      label: 'Provider ID',
      description: 'The ID on your register page, P and six digits, for example P000123.',
      required: true,
      placeholder: 'P000123',
      reads: 'provider',
    },
    ...PROVIDER_COLUMNS.map((name) => {
      const field = providerField(name, codelists, false);
      const hint =
        field.type === 'dropdown'
          ? 'Choose only if it has changed.'
          : 'Leave empty if it is right; write a single - to remove it.';
      return {
        ...field,
        label: `New ${lowerFirst(field.label)}`,
        description: `${field.description} ${hint}`,
      };
    }),
    {
      id: 'anything_else',
      type: 'textarea',
      label: 'Anything else',
      description:
        'Anything else that needs correcting, or why. A maintainer will read this; the bot does not act on it.',
      required: false,
      reads: 'note',
    },
    {
      id: 'declaration',
      type: 'checkboxes',
      label: 'Declaration',
      description:
        'The register is public: corrections will be published under the Open Government Licence.',
      required: true,
      options: [
        {
          code: 'authorised',
          title: 'I am authorised to correct this entry on behalf of the organisation.',
        },
      ],
      reads: 'confirm',
    },
  ];
  return {
    kind: 'correction',
    file: 'correct-an-entry.yml',
    name: 'Correct an entry',
    description: "Correct your organisation's details on the register.",
    title: 'Correction: ',
    labels: [FORM_LABELS.correctionRequest.name],
    intro: [
      "Use this form to correct your organisation's entry on the Kitemark Register. Fill in only what has changed.",
      '',
      'Our bot checks the new values against the data standard and opens a pull request with the correction for a maintainer to review. If something needs changing it will say what, in a comment; edit this issue to correct it.',
    ].join('\n'),
    fields,
  };
}

/** `Town or city` → `town or city`; names and acronyms (`Charity Commission`, `NHS`) keep their case. */
function lowerFirst(label: string): string {
  const first = label.split(' ')[0]!;
  if (!/^[A-Z][a-z]+$/.test(first) || ['Charity', 'Companies'].includes(first)) return label;
  return `${label.charAt(0).toLowerCase()}${label.slice(1)}`;
}

export function issueForms(register: Pick<LoadedRegister, 'codelists'>): FormDefinition[] {
  return [applicationForm(register), correctionForm(register)];
}

const HEADER = `# Generated from the schemas and codelists by \`npx tsx scripts/github/main-issue-forms.ts\`.
# Do not edit: change the schema, a codelist or scripts/github/buildIssueForms.ts, then regenerate.
`;

/** The GitHub issue-form YAML for a definition. */
export function renderIssueForm(form: FormDefinition): string {
  const body: unknown[] = [{ type: 'markdown', attributes: { value: form.intro } }];
  for (const f of form.fields) {
    const attributes: Record<string, unknown> = { label: f.label, description: f.description };
    if (f.placeholder) attributes['placeholder'] = f.placeholder;
    if (f.type === 'dropdown') {
      attributes['multiple'] = f.multiple ?? false;
      attributes['options'] = f.options!.map((o) => o.title);
    }
    if (f.type === 'checkboxes') {
      attributes['options'] = f.options!.map((o) => ({ label: o.title, required: f.required }));
      body.push({ type: f.type, id: f.id, attributes });
      continue;
    }
    body.push({ type: f.type, id: f.id, attributes, validations: { required: f.required } });
  }
  const document = {
    name: form.name,
    description: form.description,
    title: form.title,
    labels: form.labels,
    body,
  };
  return HEADER + stringify(document, { lineWidth: 0 });
}

/** The config.yml beside the forms: no blank issues for register changes; point elsewhere. */
export function renderTemplateConfig(homepage: string | undefined): string {
  const links = [
    {
      name: 'Search the register',
      url: homepage ?? 'https://kitemark-register.github.io/kitemark-register/',
      about: 'Check whether an organisation is already on the register before applying.',
    },
  ];
  return HEADER + stringify({ blank_issues_enabled: true, contact_links: links }, { lineWidth: 0 });
}
