/**
 * The catalogue of validation issue codes: what each stable code means, in plain English, and
 * which fields it can be raised on. The data dictionary lists a field's rules from here, so a
 * rule is described once; a test checks that every code the validator can emit is catalogued.
 */
import { catalogue, type IssueCodeInfo } from './issueCodeInfo.ts';
import type { FieldSpec, TableSpec } from './schemas.ts';
// Contract template rules are catalogued beside their validator.
import { TEMPLATE_ISSUE_CODES } from './contracts/templateIssueCodes.ts';
import { COST_ISSUE_CODES } from './costs/costIssueCodes.ts';

export type { IssueCodeInfo } from './issueCodeInfo.ts';

const isKey = (f: FieldSpec, t: TableSpec) => t.primaryKey.includes(f.name);
const isReference = (f: FieldSpec, t: TableSpec) =>
  t.foreignKeys.some((k) => k.fields.includes(f.name));
const inTable =
  (table: string, ...fields: string[]) =>
  (f: FieldSpec, t: TableSpec) =>
    t.name === table && (fields.length === 0 || fields.includes(f.name));
const isFreeText = (f: FieldSpec) =>
  !f.codelist && !f.format && !f.pattern && !f.name.endsWith('_id');
/** The format rules that replace the generic `cell/format` for these fields. */
const NAMED_FORMATS: Record<string, string> = {
  postcode: 'postcode/format',
  company_number: 'company-number/format',
  charity_number: 'charity-number/format',
  oscr_number: 'oscr-number/format',
  cqc_provider_id: 'cqc-id/format',
  phone: 'phone/format',
  provider_id: 'key/format',
  accreditation_id: 'key/format',
  commissioner_id: 'key/format',
  sha256: 'document/sha256',
};
const hasNamedFormat = (code: string) => (f: FieldSpec) => NAMED_FORMATS[f.name] === code;

const CODES = catalogue([
  // Reading files.
  {
    code: 'file/missing',
    severity: 'error',
    title: 'File missing',
    description: 'Every table, codelist and register.json must be present, even if empty.',
  },
  {
    code: 'file/leftover',
    severity: 'warning',
    title: 'Leftover temporary file',
    description:
      'A `<file>.tmp-<number>` file in the data folder is what an interrupted write (a killed `kitemark fix`) leaves behind. It is not read as part of the register; `kitemark fix` removes it.',
  },
  {
    code: 'publish/formula',
    severity: 'error',
    title: 'Would publish a formula',
    description:
      'The last check the build makes on the downloads, made by validate too: no published cell (contract template text, a codelist column, any table) starts with = + - or @, which a spreadsheet would run as a formula.',
  },
  {
    code: 'publish/cell-too-long',
    severity: 'error',
    title: 'Too long for a spreadsheet cell',
    description:
      'No published cell holds more than 32,767 characters, the most a spreadsheet cell holds.',
  },
  {
    code: 'csv/empty',
    severity: 'error',
    title: 'Empty CSV file',
    description: 'A CSV file must have at least its header row.',
  },
  {
    code: 'csv/binary',
    severity: 'error',
    title: 'Not a text file',
    description:
      'The file contains NUL bytes: it is probably a spreadsheet workbook saved with a .csv name.',
  },
  {
    code: 'csv/encoding',
    severity: 'error',
    title: 'Not UTF-8',
    description: 'CSV files are UTF-8. Files saved as Windows-1252 or Latin-1 are rejected.',
  },
  {
    code: 'csv/too-many-errors',
    severity: 'error',
    title: 'Too broken to read on',
    description:
      'After a stray quote the file is read on the way a spreadsheet would; past 100 broken rows (stray quotes or the wrong number of cells) the rest is not read, as it would only repeat the same fault.',
  },
  {
    code: 'csv/bom',
    severity: 'warning',
    title: 'Byte order mark',
    description:
      'The file starts with a byte order mark, which some tools show as stray characters.',
  },
  {
    code: 'csv/cell-count',
    severity: 'error',
    title: 'Wrong number of cells',
    description: 'Every row has exactly as many cells as the header.',
  },
  {
    code: 'csv/unclosed-quote',
    severity: 'error',
    title: 'Unclosed quote',
    description: 'A double quote that opens a cell must be closed.',
  },
  {
    code: 'csv/stray-quote',
    severity: 'error',
    title: 'Stray quote',
    description: 'Text after a closing double quote: quotes inside a quoted cell are doubled ("").',
  },
  {
    code: 'csv/syntax',
    severity: 'error',
    title: 'CSV syntax',
    description: 'The file could not be read as CSV from this point.',
  },
  {
    code: 'json/encoding',
    severity: 'error',
    title: 'JSON not UTF-8',
    description: 'JSON files are UTF-8.',
  },
  {
    code: 'json/syntax',
    severity: 'error',
    title: 'JSON syntax',
    description: 'The file is not valid JSON.',
  },
  {
    code: 'register/schema',
    severity: 'error',
    title: 'Register metadata',
    description: 'register.json must match schema/register.schema.json.',
  },
  // Headers.
  {
    code: 'header/duplicate-column',
    severity: 'error',
    title: 'Column repeated',
    description: 'A column appears once in the header.',
  },
  {
    code: 'header/unknown-column',
    severity: 'error',
    title: 'Unknown column',
    description: 'Only the columns of the table’s schema are allowed (codelists may add columns).',
  },
  {
    code: 'header/missing-column',
    severity: 'error',
    title: 'Column missing',
    description: 'Every column of the schema is in the header, even if its cells are empty.',
  },
  // Cells.
  {
    code: 'cell/required',
    severity: 'error',
    title: 'Required',
    description: 'The cell must not be empty (for lists: at least one item).',
    applies: (f) => f.required || f.conditional,
  },
  {
    code: 'cell/whitespace',
    severity: 'warning',
    title: 'Spaces at the ends',
    description:
      'Spaces or line breaks at the start or end of a cell are trimmed by `kitemark fix`.',
    applies: () => true,
  },
  {
    code: 'cell/formula',
    severity: 'error',
    title: 'Looks like a formula',
    description:
      'A cell may not start with = + - @, a tab or a carriage return, which a spreadsheet would run as a formula (CSV injection). Phone numbers may start with +44.',
    applies: () => true,
  },
  {
    code: 'cell/placeholder',
    severity: 'error',
    title: 'Placeholder instead of empty',
    description:
      'Words such as "N/A", "none" or "-" are not used: an empty cell means nothing to say.',
    applies: () => true,
  },
  {
    code: 'cell/too-long',
    severity: 'error',
    title: 'Too long',
    description: 'The value is longer than the most characters the schema allows.',
    applies: (f) => f.maxLength !== undefined,
  },
  {
    code: 'cell/format',
    severity: 'error',
    title: 'Not in the expected form',
    description: 'The value does not match the pattern the schema gives for this field.',
    applies: (f) => f.pattern !== undefined && !f.format && !NAMED_FORMATS[f.name],
  },
  {
    code: 'text/markup',
    severity: 'warning',
    title: 'HTML in text',
    description: 'Text is plain: HTML tags are shown as written, never run.',
    applies: isFreeText,
  },
  {
    code: 'text/invisible',
    severity: 'error',
    title: 'Invisible or control character',
    description:
      'Text holds no control characters, hidden text-direction marks, zero-width characters, private-use or non-characters: they do not show, yet they can make a name read differently from what it says, break a badge image, or reach a terminal as commands. Line breaks are allowed in descriptions only. `kitemark fix` removes them.',
    applies: isFreeText,
  },
  {
    code: 'list/empty-item',
    severity: 'warning',
    title: 'Empty list item',
    description: 'Two semicolons in a row, or one at an end, leave an empty item.',
    applies: (f) => f.kind === 'list',
  },
  {
    code: 'list/duplicate',
    severity: 'error',
    title: 'Item repeated',
    description: 'A list names each item once.',
    applies: (f) => f.kind === 'list',
  },
  {
    code: 'codelist/unknown',
    severity: 'error',
    title: 'Not in the codelist',
    description: 'The value must be a code from the field’s codelist.',
    applies: (f) => f.codelist !== undefined,
  },
  {
    code: 'local-authority/abolished',
    severity: 'error',
    title: 'Council abolished',
    description:
      'A council that no longer exists is replaced by its successor (the codelist records which).',
    applies: (f) => f.codelist === 'local-authorities',
  },
  {
    code: 'local-authority/not-social-care',
    severity: 'error',
    title: 'Not a social-care council',
    description:
      'Districts do not run social care: use the county or unitary council for the address.',
    applies: (f) => f.codelist === 'local-authorities',
  },
  {
    code: 'date/format',
    severity: 'error',
    title: 'Not an ISO date',
    description: 'Dates are real calendar dates written YYYY-MM-DD.',
    applies: (f) => f.format === 'date',
  },
  {
    code: 'date/future',
    severity: 'error',
    title: 'Date in the future',
    description:
      'Dates of things that have happened (added, awarded, reviewed, verified) are not after today.',
    applies: (f, t) =>
      inTable('providers', 'added_on')(f, t) ||
      inTable('accreditations', 'awarded_on', 'last_reviewed_on', 'status_since')(f, t) ||
      inTable('documents', 'verified_on')(f, t),
  },
  {
    code: 'date/order',
    severity: 'error',
    title: 'Dates out of order',
    description:
      'An award expires after it is made and is reviewed after it; a status takes effect after the award; a document’s review date is after its effective date.',
    applies: (f, t) =>
      inTable('accreditations', 'expires_on', 'last_reviewed_on', 'status_since')(f, t) ||
      inTable('documents', 'review_by')(f, t),
  },
  {
    code: 'link/scheme',
    severity: 'error',
    title: 'Not a web address',
    description: 'Links are full web addresses starting http:// or https://.',
    applies: (f) => f.format === 'uri',
  },
  {
    code: 'email/format',
    severity: 'error',
    title: 'Not an email address',
    description: 'One email address, such as hello@example.org.uk.',
    applies: (f) => f.format === 'email',
  },
  {
    code: 'postcode/format',
    severity: 'error',
    title: 'Postcode form',
    description: 'A full UK postcode in capitals with one space before the last three characters.',
    applies: hasNamedFormat('postcode/format'),
  },
  {
    code: 'company-number/format',
    severity: 'error',
    title: 'Company number form',
    description: 'Eight characters, leading zeros kept.',
    applies: hasNamedFormat('company-number/format'),
  },
  {
    code: 'charity-number/format',
    severity: 'error',
    title: 'Charity number form',
    description: 'Six or seven digits: the main registered number, not a linked charity’s.',
    applies: hasNamedFormat('charity-number/format'),
  },
  {
    code: 'oscr-number/format',
    severity: 'error',
    title: 'OSCR number form',
    description: 'SC and six digits.',
    applies: hasNamedFormat('oscr-number/format'),
  },
  {
    code: 'cqc-id/format',
    severity: 'error',
    title: 'CQC provider ID form',
    description: '1- and 6 to 12 digits (the provider ID, not a location ID).',
    applies: hasNamedFormat('cqc-id/format'),
  },
  {
    code: 'phone/format',
    severity: 'error',
    title: 'Phone number form',
    description: 'A UK number starting 0 or +44.',
    applies: hasNamedFormat('phone/format'),
  },
  {
    code: 'key/format',
    severity: 'error',
    title: 'Key form',
    description:
      'Keys follow their pattern (P and six digits; KM- and six digits; an ODS or GSS code).',
    applies: hasNamedFormat('key/format'),
  },
  {
    code: 'document/sha256',
    severity: 'error',
    title: 'Fingerprint form',
    description: 'A SHA-256 fingerprint: 64 lower-case hexadecimal characters.',
    applies: hasNamedFormat('document/sha256'),
  },
  {
    code: 'key/duplicate',
    severity: 'error',
    title: 'Key used twice',
    description: 'Keys are unique within their table and never reused.',
    applies: isKey,
  },
  // Across rows and tables.
  {
    code: 'reference/provider',
    severity: 'error',
    title: 'Unknown provider',
    description: 'The provider ID must be a provider in providers.csv.',
    applies: (f, t) => isReference(f, t) && f.name === 'provider_id',
  },
  {
    code: 'reference/contract-template',
    severity: 'error',
    title: 'Unknown contract template',
    description: 'Each template ID must be a folder in contract-templates/.',
    applies: inTable('commissioners', 'contract_templates'),
  },
  {
    code: 'provider/identifier',
    severity: 'error',
    title: 'No registered identifier',
    description:
      'Every provider except an unincorporated association gives at least one of its charity, OSCR or company number.',
    applies: inTable('providers', 'charity_number', 'oscr_number', 'company_number'),
  },
  {
    code: 'provider/identifier-expected',
    severity: 'warning',
    title: 'Identifier expected for the legal form',
    description:
      'A legal form usually comes with particular numbers (a charitable company has a company and a charity number).',
    applies: inTable('providers', 'charity_number', 'company_number'),
  },
  {
    code: 'duplicate/identifier',
    severity: 'warning',
    title: 'Identifier shared',
    description:
      'Two providers give the same charity, OSCR or company number: perhaps one organisation.',
    applies: inTable('providers', 'charity_number', 'oscr_number', 'company_number'),
  },
  {
    code: 'duplicate/name',
    severity: 'warning',
    title: 'Very similar name',
    description:
      'Two providers in the same local authority have nearly the same name, counting the other names they go by.',
    applies: inTable('providers', 'name', 'other_names'),
  },
  {
    code: 'postcode/unknown',
    severity: 'warning',
    title: 'Postcode not known',
    description: 'The postcode is not in the reference list of postcodes in use.',
    applies: inTable('providers', 'postcode'),
  },
  {
    code: 'postcode/terminated',
    severity: 'warning',
    title: 'Postcode out of use',
    description: 'The postcode has been withdrawn by Royal Mail.',
    applies: inTable('providers', 'postcode'),
  },
  {
    code: 'postcode/authority',
    severity: 'warning',
    title: 'Postcode in another council',
    description: 'The postcode lies in a different local authority from the one given.',
    applies: inTable('providers', 'local_authority'),
  },
  {
    code: 'accreditation/scope',
    severity: 'error',
    title: 'Scope outside services',
    description: 'An award covers only services the provider lists.',
    applies: inTable('accreditations', 'scope'),
  },
  {
    code: 'accreditation/state',
    severity: 'error',
    title: 'Application with dates',
    description: 'An application (status applied) has no award or expiry date yet.',
    applies: inTable('accreditations', 'awarded_on', 'expires_on'),
  },
  {
    code: 'accreditation/term',
    severity: 'error',
    title: 'Award too long',
    description: 'An award lasts at most three years.',
    applies: inTable('accreditations', 'expires_on'),
  },
  {
    code: 'accreditation/multiple-current',
    severity: 'error',
    title: 'Two current awards',
    description: 'A provider holds one current (accredited or suspended) award at a time.',
    applies: inTable('accreditations', 'status'),
  },
  {
    code: 'accreditation/documents',
    severity: 'error',
    title: 'Mandatory documents incomplete',
    description: 'An accredited provider holds every mandatory document type, verified.',
    applies: inTable('accreditations', 'status'),
  },
  {
    code: 'accreditation/status-reason',
    severity: 'error',
    title: 'Reason for a status that takes none',
    description:
      'A status reason (from the suspension-reasons codelist) is given only for a suspension.',
    applies: inTable('accreditations', 'status_reason'),
  },
  {
    code: 'accreditation/status-since',
    severity: 'error',
    title: 'Status date for an accredited award',
    description:
      'An accredited award has no status_since: its award date says when it took effect. Leave it empty.',
    applies: inTable('accreditations', 'status_since'),
  },
  {
    code: 'accreditation/expired',
    severity: 'warning',
    title: 'Expired but marked accredited',
    description: 'An accredited award past its expiry date is shown everywhere as expired.',
    applies: inTable('accreditations', 'expires_on'),
  },
  {
    code: 'accreditation/expiring',
    severity: 'warning',
    title: 'Expiring soon',
    description: 'An accredited award expires within 60 days.',
    applies: inTable('accreditations', 'expires_on'),
  },
  {
    code: 'document/review-overdue',
    severity: 'warning',
    title: 'Review overdue',
    description: 'The document is past its review-by date.',
    applies: inTable('documents', 'review_by'),
  },
  {
    code: 'commissioner/id',
    severity: 'error',
    title: 'Commissioner ID and type disagree',
    description:
      'Councils are identified by their GSS code from the codelist, NHS bodies by their ODS code.',
    applies: inTable('commissioners', 'commissioner_id'),
  },
]);

/** Every code the validator may raise; a code not in the catalogue does not compile. */
export type IssueCode =
  | (typeof CODES)[number]['code']
  | (typeof TEMPLATE_ISSUE_CODES)[number]['code']
  | (typeof COST_ISSUE_CODES)[number]['code'];

export const ISSUE_CODES: ReadonlyMap<string, IssueCodeInfo<IssueCode>> = new Map(
  [...CODES, ...TEMPLATE_ISSUE_CODES, ...COST_ISSUE_CODES].map((c) => [c.code, c]),
);

/** The rules that can be raised on a field, in catalogue order. */
export function rulesForField(field: FieldSpec, table: TableSpec): IssueCodeInfo[] {
  return CODES.filter((c) => c.applies?.(field, table));
}

/** The rules about whole files and headers, which apply to every table alike. */
export function fileRules(): IssueCodeInfo[] {
  return CODES.filter((c) => !c.applies);
}

/** The checks on contract template files (JSON), which apply to no table column. */
export function templateRules(): IssueCodeInfo[] {
  return [...TEMPLATE_ISSUE_CODES];
}

/** The checks on published cost statements (JSON), which apply to no table column. */
export function costStatementRules(): IssueCodeInfo[] {
  return [...COST_ISSUE_CODES];
}
