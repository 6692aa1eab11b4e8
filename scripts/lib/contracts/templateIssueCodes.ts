/**
 * The issue codes of the contract template checks (validateContractTemplates.ts), for the
 * catalogue in issueCodes.ts: what each means, in plain English. None applies to a table
 * column, so the data dictionary lists them under contract templates, not under a field.
 */
import { catalogue } from '../issueCodeInfo.ts';

export const TEMPLATE_ISSUE_CODES = catalogue([
  {
    code: 'template/schema',
    severity: 'error',
    title: 'Template does not match the schema',
    description:
      'A contract template has the fields, types and forms that schema/contract-template.schema.json describes.',
  },
  {
    code: 'template/duplicate-key',
    severity: 'error',
    title: 'Field given twice',
    description: 'No field appears twice in one object: JSON keeps only the last, silently.',
  },
  {
    code: 'template/file-name',
    severity: 'error',
    title: 'Template file not named by version',
    description: 'Each version is stored as contract-templates/<template-id>/<version>.json.',
  },
  {
    code: 'template/id',
    severity: 'error',
    title: 'Template id and folder differ',
    description: "A template's id is the name of the folder that holds its versions.",
  },
  {
    code: 'template/version',
    severity: 'error',
    title: 'Version and file name differ',
    description: "A template's version is the name of its file, such as 1.1.0 in 1.1.0.json.",
  },
  {
    code: 'template/codelist',
    severity: 'error',
    title: 'Code not in the codelist',
    description:
      'Statuses, clause topics and cost categories come from the template-statuses, clause-topics and cost-categories codelists.',
  },
  {
    code: 'template/numbering',
    severity: 'error',
    title: 'Numbered out of order',
    description:
      'Sections and schedules are numbered 1, 2, 3… in order, and the clauses of each 4.1, 4.2… (S3.1, S3.2… in Schedule 3) without gaps.',
  },
  {
    code: 'template/duplicate-number',
    severity: 'error',
    title: 'Number used twice',
    description: 'No two sections, schedules or clauses of a version share a number.',
  },
  {
    code: 'template/parameter-duplicate',
    severity: 'error',
    title: 'Parameter declared twice',
    description: 'Each parameter is declared once, under its own name.',
  },
  {
    code: 'template/parameter-constraints',
    severity: 'error',
    title: 'Constraints do not fit the parameter',
    description:
      'Minimum and maximum apply to integer and money parameters, options to choices and maximum length to text; a maximum is not below its minimum.',
  },
  {
    code: 'template/parameter-fallback',
    severity: 'warning',
    title: 'Blank wording on a required parameter',
    description:
      'The wording for a blank value is used only when an optional parameter is left blank.',
  },
  {
    code: 'template/placeholder-undeclared',
    severity: 'error',
    title: 'Placeholder not declared',
    description: 'Every {{placeholder}} in clause text names a declared parameter.',
  },
  {
    code: 'template/placeholder-malformed',
    severity: 'error',
    title: 'Placeholder written wrongly',
    description:
      'Placeholders are written {{name}}: two braces each side, lower case, no spaces. Anything else prints as it stands.',
  },
  {
    code: 'template/placeholder-misplaced',
    severity: 'error',
    title: 'Placeholder outside clause text',
    description:
      'Placeholders are filled in only in the text of clauses, not in headings, titles or notes.',
  },
  {
    code: 'template/parameter-unused',
    severity: 'error',
    title: 'Parameter not used',
    description:
      'Every declared parameter is used by at least one clause, or its value would never appear.',
  },
  {
    code: 'template/cross-reference',
    severity: 'error',
    title: 'Cross-reference does not resolve',
    description:
      "A reference such as 'clause 4.2', 'section 7', 'Schedule 3' or 'clause 13.1 to clause 13.3' points at something in the same version, and a range runs forwards.",
  },
  {
    code: 'template/characters',
    severity: 'error',
    title: 'Invisible character in the text',
    description:
      'Template text holds no control characters, hidden text-direction marks or private-use characters, which can make words read differently from what they say.',
  },
  {
    code: 'template/markup',
    severity: 'warning',
    title: 'HTML in the text',
    description:
      'Template text is plain text: HTML tags and entities are shown as characters, not as formatting.',
  },
  {
    code: 'template/money-symbol',
    severity: 'warning',
    title: 'Pound sign before a money value',
    description:
      'Money values are printed with their own £ sign, so a £ before the placeholder would print twice.',
  },
  {
    code: 'template/cost-lines',
    severity: 'error',
    title: 'Cost category repeated',
    description: 'A schedule has one cost line per cost category.',
  },
  {
    code: 'template/cost-lines-incomplete',
    severity: 'warning',
    title: 'Pricing schedule leaves out a cost category',
    description:
      'Full cost recovery prices every category of the common cost language, so overheads such as management and support services are not left out.',
  },
  {
    code: 'template/pricing-schedule',
    severity: 'warning',
    title: 'No pricing schedule',
    description:
      'A standard contract builds its price up in a pricing schedule, in the common cost language.',
  },
  {
    code: 'template/change-notes',
    severity: 'error',
    title: 'Change notes incomplete',
    description: 'Each version has one change note for itself, and none for a later version.',
  },
  {
    code: 'template/change-notes-order',
    severity: 'warning',
    title: 'Change notes out of order',
    description: 'Change notes go newest first.',
  },
  {
    code: 'template/supersedes',
    severity: 'error',
    title: 'Supersedes an unknown or later version',
    description:
      'A version supersedes an earlier version of the same template that exists, or null if it is the first.',
  },
  {
    code: 'template/supersedes-missing',
    severity: 'warning',
    title: 'Replaced version not named',
    description: 'A version that is not the first says which earlier version it supersedes.',
  },
  {
    code: 'template/superseded-by',
    severity: 'warning',
    title: 'Superseded, but nothing replaces it',
    description: 'A version marked superseded is named in the supersedes of a later version.',
  },
  {
    code: 'template/multiple-published',
    severity: 'error',
    title: 'More than one published version',
    description:
      'Only one version of a template is published at a time; the others are superseded, or not yet published.',
  },
  {
    code: 'template/published-on',
    severity: 'error',
    title: 'Publication date missing or out of order',
    description:
      'A published or superseded version says when it was published, and no earlier than the version it replaces.',
  },
  {
    code: 'template/published-future',
    severity: 'warning',
    title: 'Published in the future',
    description: 'A version marked published has a publication date after today.',
  },
]);
