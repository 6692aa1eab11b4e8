/* Generated from schema/*.schema.json by `npm run types`. Do not edit: change the schema. */
/**
 * One kitemark award to a provider, or an application for one. A renewal is a new row; an earlier award is ended (lapsed or withdrawn), never deleted.
 */
export interface Accreditation {
  /**
   * The kitemark certificate number: KM- and six digits. Stable and never reused.
   */
  accreditation_id: string;
  /**
   * The provider this award is for (a provider_id in providers.csv).
   */
  provider_id: string;
  /**
   * Where the award stands. An accredited award past its expiry date is shown as expired.
   */
  status: string;
  /**
   * The services the award covers, separated by semicolons: a subset of the provider's services.
   *
   * @minItems 1
   */
  scope: string[];
  /**
   * The date the kitemark was awarded. Empty while the status is applied.
   */
  awarded_on?: string;
  /**
   * The date the award expires: after the award date and at most three years after it.
   */
  expires_on?: string;
  /**
   * The date of the latest annual review, if any.
   */
  last_reviewed_on?: string;
  /**
   * The assessor or assessing body that made the award.
   */
  assessor?: string;
  /**
   * Recognised quality marks held as evidence, separated by semicolons.
   */
  quality_marks?: string[];
  /**
   * The date the status took effect: the day the award was suspended, withdrawn or lapsed, or the application made. Empty for an accredited award (its award date says it). A register written before this column existed may leave it out.
   */
  status_since?: string;
  /**
   * Why the award is suspended (a code from the suspension-reasons codelist). Only for status suspended. A register written before this column existed may leave it out.
   */
  status_reason?: string;
}

/**
 * One allowed code in a codelist (data/codelists/<name>.csv). Some codelists carry extra columns, such as a local authority's region.
 */
export interface CodelistEntry {
  /**
   * The code used in the register's tables: lower-case words joined by hyphens, or an official code such as a GSS code.
   */
  code: string;
  /**
   * What people read in place of the code.
   */
  title: string;
  /**
   * What the code means and when to use it.
   */
  description?: string;
  [k: string]: string | undefined;
}

/**
 * An NHS body or council that has signed up to accept the kitemark instead of asking providers for the same evidence again.
 */
export interface Commissioner {
  /**
   * NHS ODS code for NHS bodies (for example QOP or RXA), GSS code for councils (for example E06000059).
   */
  commissioner_id: string;
  /**
   * The commissioner's official name.
   */
  name: string;
  /**
   * What kind of commissioning body it is.
   */
  type: string;
  /**
   * The date from which the commissioner accepts the kitemark in place of its own checks.
   */
  accepts_kitemark_since: string;
  /**
   * The standard contract templates the commissioner has adopted (template IDs), separated by semicolons.
   */
  contract_templates?: string[];
  /**
   * The commissioner's website: a full http(s) address.
   */
  website?: string;
  /**
   * NHS England region (GSS code) of an NHS body. For councils it is derived from the council and may be left empty.
   */
  nhs_region?: string;
}

/**
 * One version of a standard contract template for NHS bodies and councils to use with voluntary-sector providers. Each version is stored as data/contract-templates/<id>/<version>.json. Clause text may contain {{parameter_name}} placeholders, which must be declared in parameters, and plain-English cross-references such as 'clause 4.2' or 'clause S3.1', which must point to a clause in the same version.
 */
export interface ContractTemplate {
  /**
   * Stable identifier of the template, in lower-case kebab-case. It is the same for every version and must match the name of the folder that holds the file.
   */
  id: string;
  /**
   * The template's name as commissioners and providers will see it.
   */
  title: string;
  /**
   * A short plain-English description of what the template is for and when to use it.
   */
  summary: string;
  /**
   * Version of this template in MAJOR.MINOR.PATCH form. It must match the file name (for example 1.1.0.json).
   */
  version: string;
  /**
   * Where this version is in its life, from the template-statuses codelist. Only one version of a template may be published at a time.
   */
  status: string;
  /**
   * The date this version was published for use (YYYY-MM-DD). Required when the status is published or superseded.
   */
  published_on?: string;
  /**
   * The version of the same template that this version replaces, or null if it is the first.
   */
  supersedes: string | null;
  /**
   * Identifier of the licence the template text is published under.
   */
  licence: string;
  /**
   * The values a commissioner fills in when using the template. Each is used through a {{name}} placeholder in clause text, and every declared parameter must be used at least once.
   */
  parameters: Parameter[];
  /**
   * The numbered sections of the main body of the contract, in order.
   *
   * @minItems 1
   */
  sections: Section[];
  /**
   * The numbered schedules that follow the main body, in order.
   */
  schedules: Schedule[];
  /**
   * What changed in each version of this template, newest first. There must be an entry for this version.
   *
   * @minItems 1
   */
  change_notes: ChangeNote[];
}
/**
 * A value that a commissioner fills in when using the template.
 */
export interface Parameter {
  /**
   * Name used in {{name}} placeholders, in lower-case snake_case.
   */
  name: string;
  /**
   * The question or label shown to the person filling in the template.
   */
  label: string;
  /**
   * The kind of value: text (one line), long_text (paragraphs), date (YYYY-MM-DD), integer, money (an amount in pounds sterling), choice (one of the listed options) or boolean (yes or no).
   */
  type: 'text' | 'long_text' | 'date' | 'integer' | 'money' | 'choice' | 'boolean';
  /**
   * Whether a value must be given before the contract can be issued.
   */
  required: boolean;
  constraints?: Constraints;
  /**
   * Help for the person filling in the value: what to enter and why.
   */
  guidance?: string;
  /**
   * For an optional parameter: the words the contract uses in place of the placeholder when no value is given, written to read naturally there (for example 'none'). Without it, 'not applicable' is used.
   */
  fallback?: string;
}
/**
 * Limits on the value that can be given.
 */
export interface Constraints {
  /**
   * The smallest value allowed, for integer and money parameters.
   */
  minimum?: number;
  /**
   * The largest value allowed, for integer and money parameters.
   */
  maximum?: number;
  /**
   * The values that may be chosen, for choice parameters.
   *
   * @minItems 1
   *
   * Items: One value that may be chosen.
   */
  options?: string[];
  /**
   * The most characters allowed, for text and long_text parameters.
   */
  max_length?: number;
}
/**
 * A numbered section of the main body of the contract.
 */
export interface Section {
  /**
   * The section's number as a string: "1", "2" and so on, in order.
   */
  number: string;
  /**
   * The section's heading.
   */
  title: string;
  /**
   * The section's clauses, in order.
   *
   * @minItems 1
   */
  clauses: Clause[];
}
/**
 * A numbered clause in a section of the main body.
 */
export interface Clause {
  /**
   * The section number, a full stop and the clause's position in the section: "4.1", "4.2" and so on.
   */
  number: string;
  /**
   * A short heading for the clause.
   */
  heading: string;
  /**
   * The words of the clause, in plain English. May contain {{parameter_name}} placeholders and cross-references such as 'clause 4.2'.
   */
  text: string;
  /**
   * A note for commissioners explaining the clause: why it is there and how to use it. Not part of the contract.
   */
  guidance?: string;
  /**
   * What the clause is about, as codes from the clause-topics codelist.
   *
   * @minItems 1
   *
   * Items: A code from the clause-topics codelist.
   */
  topics: string[];
}
/**
 * A numbered schedule that follows the main body of the contract.
 */
export interface Schedule {
  /**
   * The schedule's number as a string: "1", "2" and so on, in order.
   */
  number: string;
  /**
   * The schedule's heading.
   */
  title: string;
  /**
   * What the schedule does: service-specification, pricing, risk-allocation, safeguarding, data-protection, exit-and-tupe or other.
   */
  kind:
    | 'service-specification'
    | 'pricing'
    | 'risk-allocation'
    | 'safeguarding'
    | 'data-protection'
    | 'exit-and-tupe'
    | 'other';
  /**
   * The schedule's clauses, in order.
   *
   * @minItems 1
   */
  clauses: ScheduleClause[];
  /**
   * The lines of the price build-up in the common cost language of full cost recovery. Required in a pricing schedule and optional elsewhere.
   *
   * @minItems 1
   */
  cost_lines?: CostLine[];
}
/**
 * A numbered clause in a schedule.
 */
export interface ScheduleClause {
  /**
   * S, the schedule number, a full stop and the clause's position in the schedule: "S3.1", "S3.2" and so on.
   */
  number: string;
  /**
   * A short heading for the clause.
   */
  heading: string;
  /**
   * The words of the clause, in plain English. May contain {{parameter_name}} placeholders and cross-references such as 'clause 4.2'.
   */
  text: string;
  /**
   * A note for commissioners explaining the clause: why it is there and how to use it. Not part of the contract.
   */
  guidance?: string;
  /**
   * What the clause is about, as codes from the clause-topics codelist.
   *
   * @minItems 1
   *
   * Items: A code from the clause-topics codelist.
   */
  topics: string[];
}
/**
 * One line of a price build-up, in the common cost language.
 */
export interface CostLine {
  /**
   * A code from the cost-categories codelist.
   */
  category: string;
  /**
   * What the provider should include on this line.
   */
  description: string;
  /**
   * A note for commissioners on how to assess this line.
   */
  guidance?: string;
}
/**
 * What changed in one version of the template.
 */
export interface ChangeNote {
  /**
   * The version the note describes, in MAJOR.MINOR.PATCH form.
   */
  version: string;
  /**
   * The date of the change (YYYY-MM-DD).
   */
  date: string;
  /**
   * What changed and why, in plain English.
   */
  summary: string;
}

export type Pence = number;

/**
 * How a provider built the price of one service by full cost recovery: the service's direct costs and its share of the organisation's shared costs, line by line in the common cost language (the cost-categories codelist), each line tagged with how it was shared out, a contingency percentage, the volume, and the totals worked out from them. Money is in whole pence. Published as data/cost-statements/<provider_id>-<service>.json; made and read by `kitemark price` and the calculator at /contracts/pricing/.
 */
export interface CostStatement {
  /**
   * The version of this format the statement follows.
   */
  statement_version: '1.0';
  /**
   * The organisation that prices the service.
   */
  provider_name: string;
  /**
   * The provider's register key, when it is on the register.
   */
  provider_id?: string;
  /**
   * The service priced.
   */
  service_name: string;
  /**
   * The date the statement was prepared (YYYY-MM-DD).
   */
  prepared_on: string;
  /**
   * What the volume counts.
   */
  unit: 'hour' | 'session' | 'place' | 'person';
  /**
   * How many units the service delivers in the year the statement prices; more than 0, at most two decimal places.
   */
  volume: number;
  /**
   * One line per cost category, contingency last.
   *
   * @minItems 1
   */
  lines: CostStatementLine[];
  totals: CostStatementTotals;
}
export interface CostStatementLine {
  /**
   * A code from the cost-categories codelist.
   */
  category: string;
  /**
   * How the line's shared cost is shared out: direct (nothing shared), by direct staff cost, staff time, headcount, floor area, number of service users or a stated percentage; contingency for the contingency and reserves line (a percentage of the other lines).
   */
  basis:
    | 'direct'
    | 'direct-staff-cost'
    | 'staff-time'
    | 'headcount'
    | 'floor-area'
    | 'service-users'
    | 'percentage'
    | 'contingency';
  /**
   * What the service alone costs in this category.
   */
  service_direct_pence: number;
  /**
   * The organisation's shared cost in this category, shared out on the basis.
   */
  organisation_shared_pence: number;
  /**
   * The service's measure on the basis (square metres, staff, service users, per cent; pounds of direct staff cost; for contingency, its percentage).
   */
  service_measure?: number;
  /**
   * The rest of the organisation's measure on the same basis.
   */
  other_measure?: number;
  /**
   * The service's share of the shared cost (for contingency, the contingency).
   */
  service_share_pence: number;
  /**
   * Direct cost plus share: what the line adds to the full cost.
   */
  service_total_pence: number;
}
/**
 * Worked out from the lines; a statement whose totals do not follow from its lines is refused.
 */
export interface CostStatementTotals {
  direct_pence: Pence;
  overheads_pence: Pence;
  contingency_pence: Pence;
  full_cost_pence: Pence;
  unit_price_pence: Pence;
  direct_unit_price_pence: Pence;
  gap_pence: Pence;
  gap_percent_of_full: number;
  gap_percent_of_direct: number;
  overhead_share_percent: number;
}

/**
 * One document in a provider's standard document set: supplied once, in one format, and accepted by every commissioner that accepts the kitemark.
 */
export interface Document {
  /**
   * The provider the document belongs to (a provider_id in providers.csv).
   */
  provider_id: string;
  /**
   * Which document of the standard set this is.
   */
  document_type: string;
  /**
   * The document's own title.
   */
  title: string;
  /**
   * The document's version, as the provider numbers it.
   */
  version: string;
  /**
   * The date this version took effect (for accounts, the end of the financial year).
   */
  effective_on: string;
  /**
   * The date by which the provider must review it; after this it is out of date.
   */
  review_by: string;
  /**
   * The date an assessor checked this exact file. Empty if not yet verified.
   */
  verified_on?: string;
  /**
   * SHA-256 fingerprint of the verified file, 64 lower-case hexadecimal characters, so anyone can check a copy is the one verified.
   */
  sha256?: string;
  /**
   * The file format of the verified document.
   */
  format: string;
  /**
   * Where the public can read the document, if published: a full http(s) address.
   */
  url?: string;
}

/**
 * One voluntary-sector organisation on the register: a charity, social enterprise or other not-for-profit provider of health or social care in England.
 */
export interface Provider {
  /**
   * The register's own key for the provider: P and six digits. Opaque, stable and never reused.
   */
  provider_id: string;
  /**
   * The organisation's registered name, as on its charity or company record.
   */
  name: string;
  /**
   * The organisation's legal structure.
   */
  legal_form: string;
  /**
   * Registered charity number in England and Wales: six or seven digits.
   */
  charity_number?: string;
  /**
   * Scottish Charity Regulator number, for charities also registered in Scotland: SC and six digits.
   */
  oscr_number?: string;
  /**
   * Company registration number: eight characters, leading zeros kept (two letters and six digits for Scottish, Northern Irish and some other registers).
   */
  company_number?: string;
  /**
   * Care Quality Commission provider ID, for providers of regulated activities: 1- and digits.
   */
  cqc_provider_id?: string;
  /**
   * NHS Organisation Data Service code, where the provider has one.
   */
  ods_code?: string;
  /**
   * First line of the registered or main office address.
   */
  address_line_1: string;
  /**
   * Second line of the address, if any.
   */
  address_line_2?: string;
  /**
   * The post town of the address.
   */
  town: string;
  /**
   * UK postcode in capitals with one space before the last three characters.
   */
  postcode: string;
  /**
   * GSS code of the council with social-care responsibility for the address (a county, unitary, metropolitan district or London borough council).
   */
  local_authority: string;
  /**
   * GSS codes of the councils whose areas the provider serves, separated by semicolons.
   */
  areas_served?: string[];
  /**
   * Services the provider offers, separated by semicolons.
   *
   * @minItems 1
   */
  services: string[];
  /**
   * The people the provider's services are for, separated by semicolons.
   *
   * @minItems 1
   */
  user_groups: string[];
  /**
   * The provider's website: a full http(s) address.
   */
  website?: string;
  /**
   * A public contact email address.
   */
  email?: string;
  /**
   * A public contact phone number, UK format (spaces allowed, +44 allowed).
   */
  phone?: string;
  /**
   * A short plain-text description of what the provider does (no HTML).
   */
  description?: string;
  /**
   * The date the provider was added to the register.
   */
  added_on: string;
  /**
   * Other names people know the organisation by, separated by semicolons: a working or trading name, an earlier name, a well-known abbreviation. Search finds the provider by any of them. A register written before this column existed may leave it out.
   */
  other_names?: string[];
}

/**
 * What the register is, who publishes it, under which licence, and which version of it this is (data/register.json).
 */
export interface RegisterMetadata {
  /**
   * A short machine name for the register, used in the data package.
   */
  name: string;
  title: string;
  description: string;
  /**
   * True when the providers are fictional (a demonstration register).
   */
  illustrative?: boolean;
  publisher: Publisher;
  licence: Licence;
  /**
   * Semantic version of the register: MAJOR when a field is renamed, removed or retyped; MINOR when records are added; PATCH for corrections.
   */
  version: string;
  homepage?: string;
  contact?: Contact;
  /**
   * Public datasets the codelists and reference lists are derived from, with their licences.
   */
  sources?: {
    title: string;
    path?: string;
    licence: string;
  }[];
}
export interface Publisher {
  name: string;
  url?: string;
}
/**
 * The data licence, as an SPDX-style identifier with its title and address.
 */
export interface Licence {
  name: 'OGL-UK-3.0';
  title: string;
  path: string;
}
export interface Contact {
  name?: string;
  email?: string;
  url?: string;
}
