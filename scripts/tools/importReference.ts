/**
 * Imports the public reference datasets (../shared/reference-data, see reference/README.md for
 * sources and licences) into the codelists and the postcode reference list the register uses.
 * Run by hand when the reference data changes: `tsx scripts/tools/importReference.ts [DIR]`.
 * Its outputs are committed, so neither CI nor users need the source folder.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { formatCsv } from '../lib/formatCsv.ts';
import { normalisePostcode, postcodeArea } from '../lib/postcode.ts';

type Row = Record<string, string>;

const sourceDir = process.argv[2] ?? join(import.meta.dirname, '../../../shared/reference-data');
const root = join(import.meta.dirname, '../..');

function read(name: string): Row[] {
  return parse(readFileSync(join(sourceDir, name)), { columns: true, bom: true }) as Row[];
}

// ONS region codes (E12) and NHS England region codes (E40): fixed public identifiers.
const REGIONS: [code: string, name: string, nhsRegion: string][] = [
  ['E12000001', 'North East', 'E40000009'],
  ['E12000002', 'North West', 'E40000010'],
  ['E12000003', 'Yorkshire and The Humber', 'E40000009'],
  ['E12000004', 'East Midlands', 'E40000008'],
  ['E12000005', 'West Midlands', 'E40000008'],
  ['E12000006', 'East of England', 'E40000007'],
  ['E12000007', 'London', 'E40000003'],
  ['E12000008', 'South East', 'E40000005'],
  ['E12000009', 'South West', 'E40000006'],
];

const SOCIAL_CARE_TYPES = new Set(['CTY', 'UA', 'MD', 'LBO', 'CC']);

const authorities = read('uk-local-authorities.csv').filter((r) => r['nation'] === 'England');
const nhsLookup = new Map(read('la-to-nhs-region.csv').map((r) => [r['la_gss'], r]));
const byMySocietyCode = new Map(authorities.map((r) => [r['local-authority-code'], r]));
const regionByName = new Map(REGIONS.map(([code, name, nhs]) => [name, { code, nhs }]));

const nhsRegionNames = new Map<string, string>();
for (const r of nhsLookup.values()) nhsRegionNames.set(r['nhs_gss']!, r['nhs_name']!);

function successors(r: Row): Row[] {
  return (r['replaced-by'] ?? '')
    .split(/[;,]/)
    .filter(Boolean)
    .map((code) => byMySocietyCode.get(code))
    .filter((s): s is Row => s !== undefined);
}

/** NHS region from the ONS lookup; for councils it lacks, from their predecessors, else their ONS region. */
function nhsRegionOf(r: Row): string {
  const direct = nhsLookup.get(r['gss-code']!);
  if (direct) return direct['nhs_gss']!;
  const predecessors = authorities.filter((p) =>
    successors(p).some((s) => s['gss-code'] === r['gss-code']),
  );
  const counts = new Map<string, number>();
  for (const p of predecessors) {
    const hit = nhsLookup.get(p['gss-code']!);
    if (hit) counts.set(hit['nhs_gss']!, (counts.get(hit['nhs_gss']!) ?? 0) + 1);
  }
  const best = [...counts].sort((a, b) => b[1] - a[1])[0];
  if (best) return best[0];
  return regionByName.get(r['region']!)?.nhs ?? '';
}

const laRows = authorities
  .map((r) => {
    const socialCare = SOCIAL_CARE_TYPES.has(r['local-authority-type']!);
    return {
      code: r['gss-code']!,
      title: r['nice-name']!,
      description: `${r['official-name']} (${r['local-authority-type-name']!.toLowerCase()})`,
      type: r['local-authority-type']!,
      region: regionByName.get(r['region']!)?.code ?? '',
      nhs_region: nhsRegionOf(r),
      social_care: socialCare ? 'yes' : 'no',
      start_date: r['start-date'] ?? '',
      end_date: r['end-date'] ?? '',
      replaced_by: successors(r)
        .map((s) => s['gss-code'])
        .join(';'),
      former_codes: (r['former-gss-codes'] ?? '').replace(/,/g, ';'),
    };
  })
  .filter((r) => r.code && r.type !== 'COMB' && r.type !== 'SRA')
  .sort((a, b) => (a.code < b.code ? -1 : 1));

const laColumns = [
  'code',
  'title',
  'description',
  'type',
  'region',
  'nhs_region',
  'social_care',
  'start_date',
  'end_date',
  'replaced_by',
  'former_codes',
] as const;
writeFileSync(
  join(root, 'data/codelists/local-authorities.csv'),
  formatCsv(
    [...laColumns],
    laRows.map((r) => laColumns.map((c) => r[c])),
  ),
);

writeFileSync(
  join(root, 'data/codelists/regions.csv'),
  formatCsv(
    ['code', 'title', 'description', 'nhs_region'],
    REGIONS.map(([code, name, nhs]) => [code, name, `ONS region ${name}`, nhs]),
  ),
);

writeFileSync(
  join(root, 'data/codelists/nhs-regions.csv'),
  formatCsv(
    ['code', 'title', 'description'],
    [...new Set(REGIONS.map((r) => r[2]))]
      .sort()
      .map((code) => [code, nhsRegionNames.get(code)!, `NHS England region`]),
  ),
);

// Postcodes: today's social-care council for each. NSPL gives the 2021 district; follow
// abolitions to today's council and, for two-tier districts, borrow the county the CQC-derived
// list gives for the same postcode. Where neither says, the council is left empty (unknown).
const laByCode = new Map(laRows.map((r) => [r.code, r]));
function currentCouncil(code: string): string {
  let la = laByCode.get(code);
  for (let hops = 0; la && la.end_date && la.replaced_by && hops < 5; hops++) {
    const next = la.replaced_by.split(';');
    if (next.length !== 1) return '';
    la = laByCode.get(next[0]!);
  }
  return la && la.social_care === 'yes' && !la.end_date ? la.code : '';
}

// The NSPL sample holds every postcode of these areas, so absence there means "not a postcode".
const NSPL_AREAS = new Set(['DT', 'HG', 'HR', 'HX', 'SM', 'SR', 'TF', 'WC', 'WN']);

const cqc = read('postcodes-cqc-2016-with-authority.csv');
const cqcCouncil = new Map(cqc.map((r) => [normalisePostcode(r['postcode']!), r['gss_code']!]));
// Post towns, from the last part of CQC location addresses ("59 Cross Street, Sale").
const townOf = new Map<string, string>();
for (const r of read('cqc-directory-2016-extract.csv')) {
  const town = r['address']!.split(',').at(-1)!.trim();
  if (/^[A-Za-z][A-Za-z .'-]+$/.test(town))
    townOf.set(normalisePostcode(r['postcode']!), titleCase(town));
}
const countyOfDistrict = new Map<string, string>();
const postcodes = new Map<string, [string, string, string]>();
function titleCase(text: string): string {
  return text
    .toLowerCase()
    .replace(/\b([a-z])([a-z']*)/g, (word, first: string, rest: string) =>
      /^(and|of|on|the|upon|in|under|by|with)$/.test(word) ? word : first.toUpperCase() + rest,
    )
    .replace(/^./, (c) => c.toUpperCase())
    .replace(/\bNhs\b/g, 'NHS');
}

const nspl = read('postcodes-nspl-2021-sample.csv');
for (const r of nspl) {
  const pc = normalisePostcode(r['pcds']!);
  const county = cqcCouncil.get(pc);
  if (county && r['laua'] && !currentCouncil(r['laua'])) countyOfDistrict.set(r['laua'], county);
}
for (const r of nspl) {
  if (r['ctry'] !== 'E92000001') continue;
  const pc = normalisePostcode(r['pcds']!);
  const laua = r['laua'] ?? '';
  const council = currentCouncil(laua) || countyOfDistrict.get(laua) || '';
  const terminated = r['doterm'] ? `${r['doterm'].slice(0, 4)}-${r['doterm'].slice(4, 6)}` : '';
  postcodes.set(pc, [pc, council, terminated]);
}
for (const [pc, council] of cqcCouncil) {
  if (!postcodes.has(pc)) postcodes.set(pc, [pc, council, '']);
}

writeFileSync(
  join(root, 'reference/postcodes.csv'),
  formatCsv(
    ['postcode', 'local_authority', 'terminated', 'complete_area', 'town'],
    [...postcodes.values()]
      .sort((a, b) => (a[0] < b[0] ? -1 : 1))
      .map(([pc, la, term]) => [
        pc,
        la,
        term,
        NSPL_AREAS.has(postcodeArea(pc)) ? 'yes' : 'no',
        townOf.get(pc) ?? '',
      ]),
  ),
);

// NHS trusts open today, with their NHS England region (from the ODS national grouping).
const NHS_REGION_OF_GROUPING: Record<string, string> = {
  Y56: 'E40000003',
  Y58: 'E40000006',
  Y59: 'E40000005',
  Y60: 'E40000008',
  Y61: 'E40000007',
  Y62: 'E40000010',
  Y63: 'E40000009',
};
const trusts = read('nhs-trusts-ods.csv')
  .filter((r) => !r['close_date'] && NHS_REGION_OF_GROUPING[r['national_grouping']!])
  .map((r) => [
    r['org_code']!,
    titleCase(r['name']!),
    NHS_REGION_OF_GROUPING[r['national_grouping']!]!,
    r['high_level_health_geography']!,
    normalisePostcode(r['postcode']!),
  ])
  .sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
writeFileSync(
  join(root, 'reference/nhs-trusts.csv'),
  formatCsv(['code', 'name', 'nhs_region', 'icb', 'postcode'], trusts),
);

console.log(
  `local authorities: ${laRows.length}; postcodes: ${postcodes.size}; two-tier districts mapped: ${countyOfDistrict.size}`,
);
