/**
 * Validates a loaded register as a whole: each table against its schema, then the rules that
 * span rows and tables (references, date order, impossible states), then the warnings a
 * maintainer should see (likely duplicates, expiry, stale documents, unknown postcodes).
 */
import { distance } from 'fastest-levenshtein';
import { addDays, addYears, isIsoDate } from './dates.ts';
import { compareIssues, error, warning, type Issue, type IssueAt } from './issue.ts';
import type { LoadedRegister, Row, Table } from './loadRegister.ts';
import { jsonPosition } from './jsonPosition.ts';
import { postcodeArea } from './postcode.ts';
import { EMPTY_REFERENCE, type Reference } from './reference.ts';
import { TABLES, compiledSchemas } from './schemas.ts';
import type { Accreditation, Commissioner, Document, Provider } from './types.generated.ts';

export interface ValidateOptions {
  /** `YYYY-MM-DD`: the day expiry and review dates are judged against. */
  today: string;
  reference?: Reference;
  /** Days before expiry that an accreditation counts as expiring. */
  expiringWithinDays?: number;
  /** Extra checks (for example contract templates) that plug in without this module knowing them. */
  extraChecks?: readonly ((register: LoadedRegister) => Issue[])[];
}

export const EXPIRING_WITHIN_DAYS = 60;
export const MAX_AWARD_YEARS = 3;
const CURRENT_STATUSES = new Set(['accredited', 'suspended']);

export function validateRegister(register: LoadedRegister, options: ValidateOptions): Issue[] {
  const { register: registerCheck } = compiledSchemas();
  const issues: Issue[] = [...register.issues];
  const reference = options.reference ?? EMPTY_REFERENCE;

  if (register.meta.value !== undefined && !registerCheck(register.meta.value)) {
    for (const e of registerCheck.errors ?? []) {
      const field = e.instancePath || `/${String(e.params['missingProperty'] ?? '')}`;
      issues.push(
        error(
          'register/schema',
          { file: 'register.json', ...jsonPosition(register.meta.text, e.instancePath), field },
          `register.json ${field}: ${e.message ?? 'is not valid'}.`,
          'See schema/register.schema.json for what register.json holds.',
        ),
      );
    }
  }

  for (const required of new Set(
    Object.values(TABLES).flatMap((t) => t.fields.map((f) => f.codelist).filter(Boolean)),
  )) {
    if (!register.codelists.has(required!)) {
      issues.push(
        error(
          'file/missing',
          { file: `codelists/${required}.csv`, line: 1, column: 1, field: '' },
          `The codelist codelists/${required}.csv is missing.`,
          'Restore it from the repository.',
        ),
      );
    }
  }

  // One by one: spreading a long array into push() overflows the call stack (over about
  // 100,000 issues, as when every award of a 10,000-provider register is judged expired).
  for (const issue of crossTableChecks(
    register,
    options.today,
    reference,
    options.expiringWithinDays ?? EXPIRING_WITHIN_DAYS,
  )) {
    issues.push(issue);
  }
  for (const check of options.extraChecks ?? [])
    for (const issue of check(register)) issues.push(issue);
  return issues.sort(compareIssues);
}

function cellAt<T>(table: Table<T>, row: Row<T>, field: string): IssueAt {
  return { file: table.file, line: row.line, column: (table.column.get(field) ?? 0) + 1, field };
}

function crossTableChecks(
  register: LoadedRegister,
  today: string,
  reference: Reference,
  expiringDays: number,
): Issue[] {
  const issues: Issue[] = [];
  const { providers, accreditations, documents, commissioners, codelists } = register;
  const providersById = new Map<string, Row<Provider>>();
  for (const row of providers.rows) {
    const id = row.record.provider_id;
    if (id && !providersById.has(id)) providersById.set(id, row);
  }

  // Providers: identifiers, dates, postcodes, duplicates.
  const legalForms = codelists.get('legal-forms')?.entries;
  const byIdentifier = new Map<string, Row<Provider>>();
  for (const row of providers.rows) {
    const p = row.record;
    const at = (field: string) => cellAt(providers, row, field);
    if (p.legal_form && legalForms?.has(p.legal_form)) {
      const expected = EXPECTED_IDENTIFIERS[p.legal_form] ?? [];
      const hasAny = Boolean(p.charity_number || p.oscr_number || p.company_number);
      if (!hasAny && p.legal_form !== 'unincorporated-association') {
        issues.push(
          error(
            'provider/identifier',
            at(expected[0] ?? 'charity_number'),
            `A ${legalForms.get(p.legal_form)?.title ?? p.legal_form} must give at least one registered identifier (charity, OSCR or company number).`,
            expected.length
              ? `Fill in ${expected.join(' and ')}.`
              : 'Fill in the number it is registered under.',
          ),
        );
      } else {
        for (const field of expected) {
          if (!p[field as keyof Provider] && !(field === 'charity_number' && p.oscr_number)) {
            issues.push(
              warning(
                'provider/identifier-expected',
                at(field),
                `A ${legalForms.get(p.legal_form)?.title ?? p.legal_form} usually has a ${TITLE[field] ?? field}, but none is given.`,
                `Add the ${TITLE[field] ?? field}, or check the legal form.`,
              ),
            );
          }
        }
      }
    }
    if (isIsoDate(p.added_on) && p.added_on > today) {
      issues.push(
        error(
          'date/future',
          at('added_on'),
          `Added on ${p.added_on} is in the future.`,
          `Use the date the provider joined the register (today is ${today}).`,
        ),
      );
    }
    for (const field of ['charity_number', 'company_number', 'oscr_number'] as const) {
      const value = p[field];
      if (!value) continue;
      const key = `${field}:${value}`;
      const first = byIdentifier.get(key);
      if (first) {
        issues.push(
          warning(
            'duplicate/identifier',
            at(field),
            `${TITLE[field]} ${value} is also given for ${first.record.provider_id} (${first.record.name}) on line ${first.line}.`,
            'If they are the same organisation, keep one record and end the other; if not, check the number.',
          ),
        );
      } else byIdentifier.set(key, row);
    }
    issues.push(
      ...postcodeChecks(providers, row, reference, codelists.get('local-authorities')?.entries),
    );
  }
  for (const issue of likelyDuplicateNames(providers)) issues.push(issue);

  // Accreditations.
  const mandatory = [...(codelists.get('document-types')?.entries.values() ?? [])]
    .filter((t) => t['mandatory'] === 'yes')
    .map((t) => t.code);
  const documentsByProvider = new Map<string, Map<string, Document>>();
  for (const row of documents.rows) {
    const d = row.record;
    if (!d.provider_id || !d.document_type) continue;
    let byType = documentsByProvider.get(d.provider_id);
    if (!byType) documentsByProvider.set(d.provider_id, (byType = new Map()));
    if (!byType.has(d.document_type)) byType.set(d.document_type, d);
  }
  const currentByProvider = new Map<string, Row<Accreditation>>();
  const expiringBy = addDays(today, expiringDays);
  for (const row of accreditations.rows) {
    const a = row.record;
    const at = (field: string) => cellAt(accreditations, row, field);
    const provider = a.provider_id ? providersById.get(a.provider_id) : undefined;
    if (a.provider_id && !provider && /^P[0-9]{6}$/.test(a.provider_id)) {
      issues.push(
        error(
          'reference/provider',
          at('provider_id'),
          `Provider ${a.provider_id} is not in providers.csv.`,
          'Add the provider first, or correct the provider ID.',
        ),
      );
    }
    if (provider && a.scope) {
      const services = new Set(provider.record.services ?? []);
      const outside = a.scope.filter((s) => !services.has(s));
      if (outside.length > 0 && provider.record.services) {
        issues.push(
          error(
            'accreditation/scope',
            at('scope'),
            `The scope includes ${outside.map((s) => `"${s}"`).join(', ')}, which ${a.provider_id} does not list among its services.`,
            `Remove it from the scope, or add it to the provider's services (line ${provider.line} of providers.csv).`,
          ),
        );
      }
    }
    const awarded = isIsoDate(a.awarded_on) ? a.awarded_on : undefined;
    const expires = isIsoDate(a.expires_on) ? a.expires_on : undefined;
    if (a.status === 'applied' && (a.awarded_on || a.expires_on)) {
      issues.push(
        error(
          'accreditation/state',
          at(a.awarded_on ? 'awarded_on' : 'expires_on'),
          'An application (status applied) has no award or expiry date yet.',
          'Leave awarded_on and expires_on empty until the kitemark is awarded, then set the status to accredited.',
        ),
      );
    }
    if (awarded && expires) {
      if (expires <= awarded) {
        issues.push(
          error(
            'date/order',
            at('expires_on'),
            `Expires on ${expires} is not after awarded on ${awarded}.`,
            'Check the two dates: an award expires after it is made.',
          ),
        );
      } else if (expires > addYears(awarded, MAX_AWARD_YEARS)) {
        issues.push(
          error(
            'accreditation/term',
            at('expires_on'),
            `Expires on ${expires} is more than ${MAX_AWARD_YEARS} years after the award on ${awarded}.`,
            `An award lasts at most ${MAX_AWARD_YEARS} years: write it as "${addDays(addYears(awarded, MAX_AWARD_YEARS), -1)}" or earlier.`,
          ),
        );
      }
    }
    if (awarded && awarded > today && a.status !== 'applied') {
      issues.push(
        error(
          'date/future',
          at('awarded_on'),
          `Awarded on ${awarded} is in the future.`,
          `An award is recorded once made (today is ${today}).`,
        ),
      );
    }
    if (isIsoDate(a.last_reviewed_on)) {
      if (awarded && a.last_reviewed_on < awarded) {
        issues.push(
          error(
            'date/order',
            at('last_reviewed_on'),
            `Last reviewed on ${a.last_reviewed_on} is before the award on ${awarded}.`,
            'A review comes after the award: check the dates.',
          ),
        );
      } else if (a.last_reviewed_on > today) {
        issues.push(
          error(
            'date/future',
            at('last_reviewed_on'),
            `Last reviewed on ${a.last_reviewed_on} is in the future.`,
            `Record a review once it has happened (today is ${today}).`,
          ),
        );
      }
    }
    if (a.status_reason && a.status && a.status !== 'suspended') {
      issues.push(
        error(
          'accreditation/status-reason',
          at('status_reason'),
          `A status reason ("${a.status_reason}") is given, but the status is ${a.status}, not suspended.`,
          'Leave status_reason empty unless the award is suspended.',
        ),
      );
    }
    if (isIsoDate(a.status_since)) {
      if (a.status === 'accredited') {
        issues.push(
          error(
            'accreditation/status-since',
            at('status_since'),
            `An accredited award has a status_since (${a.status_since}).`,
            'Leave status_since empty for an accredited award: awarded_on says when it took effect. If it has been suspended, withdrawn or has lapsed, set the status too.',
          ),
        );
      } else if (awarded && a.status_since < awarded) {
        issues.push(
          error(
            'date/order',
            at('status_since'),
            `Status since ${a.status_since} is before the award on ${awarded}.`,
            'A suspension, withdrawal or lapse comes after the award: check the dates.',
          ),
        );
      } else if (a.status_since > today) {
        issues.push(
          error(
            'date/future',
            at('status_since'),
            `Status since ${a.status_since} is in the future.`,
            `Record a change of status once it has happened (today is ${today}).`,
          ),
        );
      }
    }
    if (a.provider_id && a.status && CURRENT_STATUSES.has(a.status)) {
      const other = currentByProvider.get(a.provider_id);
      if (other) {
        issues.push(
          error(
            'accreditation/multiple-current',
            at('status'),
            `${a.provider_id} already has a current award, ${other.record.accreditation_id} (line ${other.line}); a provider holds one at a time.`,
            'Mark the earlier award lapsed (a renewal is a new row and ends the old one).',
          ),
        );
      } else currentByProvider.set(a.provider_id, row);
    }
    if (a.status === 'accredited' && provider) {
      const held = documentsByProvider.get(a.provider_id!) ?? new Map<string, Document>();
      const missing = mandatory.filter((t) => !held.has(t));
      const unverified = mandatory.filter((t) => held.has(t) && !held.get(t)!.verified_on);
      if (missing.length > 0 || unverified.length > 0) {
        const title = (t: string) => codelists.get('document-types')?.entries.get(t)?.title ?? t;
        const parts = [];
        if (missing.length) parts.push(`missing: ${missing.map(title).join(', ')}`);
        if (unverified.length) parts.push(`not verified: ${unverified.map(title).join(', ')}`);
        issues.push(
          error(
            'accreditation/documents',
            at('status'),
            `${a.accreditation_id ?? 'This award'} is accredited, but ${a.provider_id}'s mandatory documents are incomplete (${parts.join('; ')}).`,
            'Add and verify the documents in documents.csv, or set the status to applied or suspended.',
          ),
        );
      }
      if (expires && expires < today) {
        issues.push(
          warning(
            'accreditation/expired',
            at('expires_on'),
            `${a.accreditation_id} is marked accredited but expired on ${expires}; it is shown everywhere as expired.`,
            'Record the renewal as a new award, or set the status to lapsed.',
          ),
        );
      } else if (expires && expires <= expiringBy) {
        issues.push(
          warning(
            'accreditation/expiring',
            at('expires_on'),
            `${a.accreditation_id} (${provider.record.name}) expires on ${expires}, within ${expiringDays} days.`,
            'Remind the provider to apply for renewal.',
          ),
        );
      }
    }
  }

  // Documents.
  for (const row of documents.rows) {
    const d = row.record;
    const at = (field: string) => cellAt(documents, row, field);
    if (d.provider_id && !providersById.has(d.provider_id) && /^P[0-9]{6}$/.test(d.provider_id)) {
      issues.push(
        error(
          'reference/provider',
          at('provider_id'),
          `Provider ${d.provider_id} is not in providers.csv.`,
          'Add the provider first, or correct the provider ID.',
        ),
      );
    }
    if (isIsoDate(d.effective_on) && isIsoDate(d.review_by) && d.review_by <= d.effective_on) {
      issues.push(
        error(
          'date/order',
          at('review_by'),
          `Review by ${d.review_by} is not after effective on ${d.effective_on}.`,
          'Check the two dates.',
        ),
      );
    }
    if (isIsoDate(d.verified_on) && d.verified_on > today) {
      issues.push(
        error(
          'date/future',
          at('verified_on'),
          `Verified on ${d.verified_on} is in the future.`,
          `Record a verification once it has happened (today is ${today}).`,
        ),
      );
    }
    if (isIsoDate(d.review_by) && d.review_by < today) {
      issues.push(
        warning(
          'document/review-overdue',
          at('review_by'),
          `${d.provider_id}'s ${d.document_type} was due for review by ${d.review_by}.`,
          'Ask the provider for the reviewed version, verify it, and update the row.',
        ),
      );
    }
  }

  // Commissioners.
  const templateIds = new Set(register.templates.map((t) => t.file.split('/')[1]!));
  const las = codelists.get('local-authorities')?.entries;
  for (const row of commissioners.rows) {
    const c: Commissioner = row.record;
    const at = (field: string) => cellAt(commissioners, row, field);
    if (c.commissioner_id && c.type) {
      const isCouncilCode = /^E[0-9]{8}$/.test(c.commissioner_id);
      if (c.type === 'local-authority' && !isCouncilCode) {
        issues.push(
          error(
            'commissioner/id',
            at('commissioner_id'),
            `A local authority is identified by its GSS code, not "${c.commissioner_id}".`,
            'Use the council\'s GSS code from data/codelists/local-authorities.csv, such as "E06000059".',
          ),
        );
      } else if (c.type === 'local-authority' && las && !las.has(c.commissioner_id)) {
        issues.push(
          error(
            'commissioner/id',
            at('commissioner_id'),
            `${c.commissioner_id} is not a council in the local-authorities codelist.`,
            "Use the council's GSS code from data/codelists/local-authorities.csv.",
          ),
        );
      } else if (c.type !== 'local-authority' && isCouncilCode) {
        issues.push(
          error(
            'commissioner/id',
            at('commissioner_id'),
            `An NHS body is identified by its ODS code, not the GSS code ${c.commissioner_id}.`,
            'Use the ODS code, such as "QOP" for an integrated care board or "RXA" for a trust.',
          ),
        );
      }
    }
    if (templateIds.size > 0) {
      for (const id of c.contract_templates ?? []) {
        if (!templateIds.has(id)) {
          issues.push(
            error(
              'reference/contract-template',
              at('contract_templates'),
              `"${id}" is not a contract template in contract-templates/.`,
              `Use one of: ${[...templateIds]
                .sort()
                .map((t) => `"${t}"`)
                .join(', ')}.`,
            ),
          );
        }
      }
    }
  }
  return issues;
}

const TITLE: Record<string, string> = Object.fromEntries(
  TABLES.providers.fields.map((f) => [f.name, f.title]),
);

/** What each legal form is normally registered under. */
const EXPECTED_IDENTIFIERS: Record<string, string[]> = {
  'charitable-incorporated-organisation': ['charity_number'],
  'charitable-company': ['company_number', 'charity_number'],
  'charitable-trust': ['charity_number'],
  'community-interest-company': ['company_number'],
  'company-limited-by-guarantee': ['company_number'],
};

function postcodeChecks(
  providers: Table<Provider>,
  row: Row<Provider>,
  reference: Reference,
  councils: ReadonlyMap<string, { title: string }> | undefined,
): Issue[] {
  const { postcode, local_authority: council } = row.record;
  if (!postcode || !/^[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][A-Z]{2}$/.test(postcode)) return [];
  const at = cellAt(providers, row, 'postcode');
  const fact = reference.lookup(postcode);
  if (!fact) {
    if (!reference.coversArea(postcodeArea(postcode))) return [];
    return [
      warning(
        'postcode/unknown',
        at,
        `${postcode} is not a postcode in use: the reference list, which covers every postcode in the ${postcodeArea(postcode)} area, does not have it.`,
        'Check the postcode against the address (Royal Mail postcode finder).',
      ),
    ];
  }
  if (fact.terminated) {
    return [
      warning(
        'postcode/terminated',
        at,
        `${postcode} went out of use in ${fact.terminated}.`,
        'Check the current postcode for the address.',
      ),
    ];
  }
  if (council && fact.localAuthority && council !== fact.localAuthority && councils?.has(council)) {
    const name = (code: string) => `${code} (${councils.get(code)?.title ?? code})`;
    return [
      warning(
        'postcode/authority',
        cellAt(providers, row, 'local_authority'),
        `${postcode} is in ${name(fact.localAuthority)}, but the local authority given is ${name(council)}.`,
        `write it as "${fact.localAuthority}"`,
      ),
    ];
  }
  return [];
}

const NAME_NOISE = /\b(the|ltd|limited|cio|cic|plc|incorporated|inc|uk|of|and)\b/g;

/** `The Wessex Carers' Trust Ltd` → `wessexcarerstrust`: what stays when the noise is removed. */
export function nameKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9 ]+/g, '')
    .replace(NAME_NOISE, ' ')
    .replace(/\s+/g, '');
}

/**
 * Near-identical names in the same local authority, found by the sorted-neighbourhood method:
 * sort by name key (and by the reversed key, to catch a typo in the first letters) and compare
 * neighbours only, which stays fast at 50,000 providers. Every name a provider goes by counts,
 * so an applicant under a charity's working name is caught too.
 */
function likelyDuplicateNames(providers: Table<Provider>): Issue[] {
  interface Entry {
    row: Row<Provider>;
    name: string;
    field: 'name' | 'other_names';
    key: string;
    reversed: string;
    la: string;
  }
  const entries: Entry[] = [];
  for (const row of providers.rows) {
    const { name, other_names: others = [], local_authority: la } = row.record;
    if (!name || !la) continue;
    const keys = new Set<string>();
    const names: [string, Entry['field']][] = [[name, 'name']];
    for (const other of others) names.push([other, 'other_names']);
    for (const [text, field] of names) {
      const key = nameKey(text);
      if (key.length < 4 || keys.has(key)) continue;
      keys.add(key);
      entries.push({ row, name: text, field, key, reversed: [...key].reverse().join(''), la });
    }
  }
  const pairs = new Map<Row<Provider>, [later: Entry, first: Entry]>();
  for (const sortKey of ['key', 'reversed'] as const) {
    const sorted = [...entries].sort((a, b) =>
      a.la < b.la
        ? -1
        : a.la > b.la
          ? 1
          : a[sortKey] < b[sortKey]
            ? -1
            : a[sortKey] > b[sortKey]
              ? 1
              : a.row.line - b.row.line,
    );
    for (let i = 1; i < sorted.length; i++) {
      const a = sorted[i - 1]!;
      const b = sorted[i]!;
      if (a.la !== b.la || a.row === b.row) continue;
      const allowed = Math.min(a.key.length, b.key.length) >= 12 ? 2 : a.key.length >= 8 ? 1 : 0;
      if (a.key === b.key || distance(a.key, b.key) <= allowed) {
        const [first, later] = a.row.line < b.row.line ? [a, b] : [b, a];
        if (!pairs.has(later.row)) pairs.set(later.row, [later, first]);
      }
    }
  }
  return [...pairs.values()].map(([later, first]) => {
    const { provider_id: id, name } = first.row.record;
    const whose = first.field === 'name' ? `${id}` : `another name of ${name}, ${id}`;
    return warning(
      'duplicate/name',
      cellAt(providers, later.row, later.field),
      `"${later.name}" is very like "${first.name}" (${whose}, line ${first.row.line}) in the same local authority.`,
      'If they are the same organisation, keep one record and end the other.',
    );
  });
}
