/**
 * A deterministic, valid, realistic-looking register of any size, for the embedded
 * demonstration register, tests and benchmarks. Providers are fictional; places are real
 * (postcodes with the council responsible there today), so a postcode and its council agree.
 * Phone numbers are from Ofcom's ranges reserved for drama; web and email domains use the
 * reserved `.example` top-level domain.
 */
import { createHash } from 'node:crypto';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { addDays, addYears } from './dates.ts';
import { formatCsv } from './formatCsv.ts';
import { TABLES, type TableName } from './schemas.ts';
import type { Accreditation, Commissioner, Document, Provider } from './types.generated.ts';

export interface Place {
  postcode: string;
  localAuthority: string;
  town: string;
}

export interface Trust {
  code: string;
  name: string;
  nhsRegion: string;
}

export interface Council {
  code: string;
  name: string;
  region: string;
}

export interface GenerateOptions {
  providers: number;
  seed: number;
  today: string;
  places: readonly Place[];
  councils: readonly Council[];
  trusts: readonly Trust[];
  /** Mandatory document types (codelist document-types, mandatory = yes), in codelist order. */
  mandatoryDocuments: readonly string[];
  optionalDocuments: readonly string[];
  qualityMarks: readonly string[];
  /** Published contract template IDs commissioners can adopt. */
  contractTemplates: readonly string[];
}

export type GeneratedTables = Record<TableName, string>;

type Rng = ReturnType<typeof xoroshiro128plus>;

interface Theme {
  name: string;
  services: string[];
  groups: string[];
  does: string;
}

const THEMES: Theme[] = [
  {
    name: 'Carers Support',
    services: ['carers-support', 'information-and-advice', 'respite-care'],
    groups: ['carers', 'families'],
    does: 'supports unpaid carers with information, short breaks and a weekly peer group',
  },
  {
    name: 'Young Carers Project',
    services: ['carers-support', 'peer-support'],
    groups: ['carers', 'children-and-young-people'],
    does: 'gives young carers time out, trips and someone to talk to',
  },
  {
    name: 'Good Neighbours',
    services: ['befriending', 'transport', 'hospital-discharge'],
    groups: ['older-people', 'people-with-long-term-conditions'],
    does: 'matches volunteers with older neighbours for visits, lifts and help after a hospital stay',
  },
  {
    name: 'Home from Hospital',
    services: ['hospital-discharge', 'befriending', 'information-and-advice'],
    groups: ['older-people', 'adults'],
    does: 'helps people settle back at home safely in the first weeks after leaving hospital',
  },
  {
    name: 'Memory Café Network',
    services: ['dementia-support', 'peer-support', 'day-opportunities'],
    groups: ['people-living-with-dementia', 'carers'],
    does: 'runs memory cafés and one-to-one support for people living with dementia and their families',
  },
  {
    name: 'Mental Health Recovery',
    services: ['mental-health-support', 'peer-support', 'counselling'],
    groups: ['people-with-mental-health-needs', 'adults'],
    does: 'offers recovery groups, crisis cafés and peer support for adults with mental health needs',
  },
  {
    name: 'Talking Therapies',
    services: ['counselling', 'mental-health-support'],
    groups: ['people-with-mental-health-needs', 'children-and-young-people', 'adults'],
    does: 'provides low-cost counselling for adults and young people',
  },
  {
    name: 'Hospice at Home',
    services: ['end-of-life-care', 'carers-support', 'counselling'],
    groups: ['people-at-end-of-life', 'carers', 'families'],
    does: 'cares for people at the end of life in their own homes and supports those close to them',
  },
  {
    name: 'Recovery Partnership',
    services: ['drug-and-alcohol', 'peer-support', 'supported-housing'],
    groups: ['people-who-use-drugs-or-alcohol', 'people-experiencing-homelessness'],
    does: 'supports people in recovery from drug and alcohol use, with housing and peer mentors',
  },
  {
    name: 'Housing and Support',
    services: ['supported-housing', 'homelessness-support', 'information-and-advice'],
    groups: ['people-experiencing-homelessness', 'adults'],
    does: 'provides supported housing and outreach for people who are homeless or at risk',
  },
  {
    name: 'Independent Living',
    services: ['learning-disability-support', 'day-opportunities', 'supported-housing'],
    groups: ['people-with-learning-disabilities', 'autistic-people'],
    does: 'helps people with a learning disability and autistic people live the lives they choose',
  },
  {
    name: 'Advocacy Project',
    services: ['advocacy', 'information-and-advice'],
    groups: [
      'people-with-learning-disabilities',
      'people-with-mental-health-needs',
      'older-people',
    ],
    does: 'provides independent and statutory advocacy so people are heard in decisions about their care',
  },
  {
    name: 'Sight Support',
    services: ['information-and-advice', 'peer-support', 'befriending'],
    groups: ['people-with-sensory-impairments', 'older-people'],
    does: 'supports people with sight loss to stay independent',
  },
  {
    name: 'Deaf Centre',
    services: ['information-and-advice', 'advocacy', 'peer-support'],
    groups: ['people-with-sensory-impairments'],
    does: 'offers advice, interpreting help and social groups for Deaf and hard of hearing people',
  },
  {
    name: 'Community Care',
    services: ['domiciliary-care', 'respite-care', 'befriending'],
    groups: ['older-people', 'people-with-physical-disabilities'],
    does: 'provides not-for-profit care at home and sitting services',
  },
  {
    name: 'Care Homes Trust',
    services: ['residential-care', 'respite-care', 'end-of-life-care'],
    groups: ['older-people', 'people-living-with-dementia'],
    does: 'runs small residential care homes with a focus on dementia care',
  },
  {
    name: 'Active Health',
    services: ['physical-activity', 'health-promotion', 'social-prescribing'],
    groups: ['people-with-long-term-conditions', 'older-people', 'adults'],
    does: 'runs falls prevention, exercise and healthy-living programmes',
  },
  {
    name: 'Social Prescribing Hub',
    services: ['social-prescribing', 'information-and-advice', 'befriending'],
    groups: ['adults', 'older-people'],
    does: 'employs link workers who connect people to community groups and support',
  },
  {
    name: 'Refugee Welcome',
    services: ['information-and-advice', 'mental-health-support', 'advocacy'],
    groups: ['refugees-and-asylum-seekers', 'families'],
    does: 'supports refugees and people seeking asylum with advice, health access and wellbeing groups',
  },
  {
    name: 'Veterans Support',
    services: ['mental-health-support', 'peer-support', 'homelessness-support'],
    groups: ['veterans', 'families'],
    does: 'supports veterans and their families with wellbeing, housing and peer groups',
  },
  {
    name: 'Family Wellbeing',
    services: ['counselling', 'information-and-advice', 'peer-support'],
    groups: ['families', 'children-and-young-people'],
    does: 'works with families under pressure through home visits, groups and counselling',
  },
  {
    name: 'Pride Health',
    services: ['mental-health-support', 'health-promotion', 'peer-support'],
    groups: ['lgbtq-people', 'adults'],
    does: 'runs health and wellbeing services by and for LGBTQ+ people',
  },
];

const WORDS = [
  'Alder',
  'Ashgrove',
  'Beacon',
  'Birchwood',
  'Bluebell',
  'Brightwell',
  'Brookside',
  'Calder',
  'Cedar',
  'Clearwater',
  'Cornerstone',
  'Daisy',
  'Eastgate',
  'Elmfield',
  'Fairhaven',
  'Fernhill',
  'Fieldfare',
  'Foxglove',
  'Goldcrest',
  'Greenway',
  'Hawthorn',
  'Hazel',
  'Heartwood',
  'Heron',
  'Hollybank',
  'Kestrel',
  'Kingfisher',
  'Lantern',
  'Larkspur',
  'Linden',
  'Maple',
  'Meadow',
  'Millstone',
  'Moorland',
  'Northlight',
  'Oakleaf',
  'Orchard',
  'Pathway',
  'Primrose',
  'Riverside',
  'Rowan',
  'Sandpiper',
  'Silverbirch',
  'Skylark',
  'Springwell',
  'Stepping Stones',
  'Sunrise',
  'Thistle',
  'Towpath',
  'Wayfarer',
  'Wellspring',
  'Willow',
  'Windmill',
  'Wren',
];
const STREETS = [
  'High Street',
  'Church Road',
  'Station Road',
  'Victoria Road',
  'Mill Lane',
  'Park Road',
  'Market Place',
  'Queen Street',
  'King Street',
  'London Road',
  'North Street',
  'Chapel Lane',
  'Bridge Street',
  'The Green',
  'School Lane',
  'Albert Road',
  'Castle Street',
  'New Road',
];
const BUILDINGS = [
  'Community Hub',
  'Enterprise House',
  'The Old School',
  'Unit 4',
  'Wellbeing Centre',
  'Civic Centre Annexe',
];
const ASSESSORS = [
  'Quality Assessment Partnership',
  'Voluntary Sector Standards Ltd',
  'Community Quality Assessors CIC',
  'Northern Accreditation Services',
  'South West Quality Mark',
];
const LEGAL_FORMS: [form: string, weight: number][] = [
  ['charitable-incorporated-organisation', 30],
  ['charitable-company', 35],
  ['charitable-trust', 6],
  ['community-interest-company', 12],
  ['community-benefit-society', 5],
  ['co-operative', 3],
  ['company-limited-by-guarantee', 5],
  ['unincorporated-association', 4],
];
const ICBS: [code: string, name: string, nhsRegion: string][] = [
  ['QE1', 'NHS Lancashire and South Cumbria Integrated Care Board', 'E40000010'],
  ['QHM', 'NHS North East and North Cumbria Integrated Care Board', 'E40000009'],
  ['QMJ', 'NHS North Central London Integrated Care Board', 'E40000003'],
  ['QOP', 'NHS Greater Manchester Integrated Care Board', 'E40000010'],
  ['QVV', 'NHS Dorset Integrated Care Board', 'E40000006'],
  ['QWE', 'NHS South West London Integrated Care Board', 'E40000003'],
];

export function generateRegister(options: GenerateOptions): GeneratedTables {
  const rng: Rng = xoroshiro128plus(options.seed);
  const int = (from: number, to: number) => uniformInt(rng, from, to);
  const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)]!;
  const chance = (percent: number) => int(1, 100) <= percent;
  const some = <T>(items: readonly T[], min: number, max: number): T[] => {
    const pool = [...items];
    const n = Math.min(pool.length, int(min, max));
    const out: T[] = [];
    for (let i = 0; i < n; i++) out.push(pool.splice(int(0, pool.length - 1), 1)[0]!);
    return out;
  };
  const weighted = <T>(items: readonly [T, number][]): T => {
    let r = int(
      1,
      items.reduce((s, [, w]) => s + w, 0),
    );
    for (const [item, w] of items) if ((r -= w) <= 0) return item;
    return items[0]![0];
  };
  const { today } = options;

  const placesByCouncil = new Map<string, Place[]>();
  for (const place of options.places) {
    const list = placesByCouncil.get(place.localAuthority);
    if (list) list.push(place);
    else placesByCouncil.set(place.localAuthority, [place]);
  }
  const councilsWithPlaces = [...placesByCouncil.keys()].sort();

  const providers: Provider[] = [];
  const accreditations: Accreditation[] = [];
  const documents: Document[] = [];
  const usedNames = new Set<string>();
  let certificate = 0;

  for (let n = 1; n <= options.providers; n++) {
    const id = `P${String(n).padStart(6, '0')}`;
    const council = pick(councilsWithPlaces);
    const place = pick(placesByCouncil.get(council)!);
    const theme = pick(THEMES);
    const form = weighted(LEGAL_FORMS);
    let name = `${pick(WORDS)} ${theme.name}`;
    if (usedNames.has(name)) name = `${name} ${place.town}`;
    for (let k = 2; usedNames.has(name); k++)
      name = `${pick(WORDS)} ${theme.name} ${place.town} ${k}`;
    usedNames.add(name);
    const displayName =
      form === 'community-interest-company'
        ? `${name} CIC`
        : form === 'charitable-incorporated-organisation' && chance(40)
          ? `${name} CIO`
          : name;
    // Other names, without drawing on the random sequence (so the rest stays as it was): the
    // working name without the legal suffix, and now and then a former name.
    const otherNames: string[] = [];
    if (displayName !== name && n % 3 === 0) otherNames.push(name);
    const former = `${place.town} ${theme.name}`;
    if (n % 11 === 0 && !usedNames.has(former)) {
      usedNames.add(former);
      otherNames.push(former);
    }
    const slug = displayName
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');

    const services = [...new Set([...theme.services.slice(0, int(1, theme.services.length))])];
    const areas = new Set([council]);
    const regionCouncils = options.councils.filter(
      (c) => c.region === options.councils.find((x) => x.code === council)?.region,
    );
    for (const c of some(regionCouncils, 0, 2)) areas.add(c.code);

    const p: Provider = {
      provider_id: id,
      name: displayName,
      ...(otherNames.length > 0 ? { other_names: otherNames } : {}),
      legal_form: form,
      address_line_1: `${int(1, 240)} ${pick(STREETS)}`,
      town: place.town,
      postcode: place.postcode,
      local_authority: council,
      areas_served: [...areas].sort(),
      services,
      user_groups: theme.groups.slice(0, int(1, theme.groups.length)),
      website: `https://www.${slug}.example`,
      email: `hello@${slug}.example`,
      phone: chance(30)
        ? `020 7946 0${String(int(0, 999)).padStart(3, '0')}`
        : `01632 960${String(int(0, 999)).padStart(3, '0')}`,
      description: `${displayName} ${theme.does} in ${place.town} and the surrounding area.`,
      added_on: '',
    };
    if (chance(35)) p.address_line_2 = pick(BUILDINGS);
    const charityNumber = String(1_100_000 + n);
    const companyNumber = String(9_000_000 + n).padStart(8, '0');
    if (
      ['charitable-incorporated-organisation', 'charitable-trust', 'charitable-company'].includes(
        form,
      )
    )
      p.charity_number = charityNumber;
    if (
      ['charitable-company', 'community-interest-company', 'company-limited-by-guarantee'].includes(
        form,
      )
    )
      p.company_number = companyNumber;
    if (['community-benefit-society', 'co-operative'].includes(form))
      p.company_number = `RS${String(n).padStart(6, '0')}`;
    if (p.charity_number && chance(3)) p.oscr_number = `SC${String(50_000 + n).padStart(6, '0')}`;
    if (services.some((s) => s === 'domiciliary-care' || s === 'residential-care'))
      p.cqc_provider_id = `1-${String(1_000_000_000 + n * 7)}`;
    if (chance(5)) p.ods_code = `8K${String(n % 1000).padStart(3, '0')}`;

    // The kitemark story for this provider, judged against `today`.
    const story = weighted<string>([
      ['current', 56],
      ['renewed', 10],
      ['expiring', 6],
      ['expired', 5],
      ['applied', 8],
      ['suspended', 4],
      ['withdrawn', 5],
      ['lapsed', 6],
    ]);
    const awards: Accreditation[] = [];
    const award = (status: string, awarded: string, expires: string): Accreditation => {
      const a: Accreditation = {
        accreditation_id: '',
        provider_id: id,
        status,
        scope: some(services, 1, services.length),
        awarded_on: awarded,
        expires_on: expires,
        assessor: pick(ASSESSORS),
        quality_marks: some(options.qualityMarks, 0, 3),
      };
      const review = addYears(awarded, 1);
      if (review <= today) a.last_reviewed_on = review;
      if (a.quality_marks!.length === 0) delete a.quality_marks;
      if (p.cqc_provider_id && a.quality_marks && !a.quality_marks.includes('cqc-registered'))
        a.quality_marks.push('cqc-registered');
      return a;
    };
    const threeYears = (awarded: string) => addDays(addYears(awarded, 3), -1);
    if (story === 'current') {
      const awarded = addDays(today, -int(1, 3 * 365 - 70 - 30));
      awards.push(award('accredited', awarded, threeYears(awarded)));
    } else if (story === 'renewed') {
      const awarded = addDays(today, -int(1, 700));
      const earlier = addDays(awarded, -3 * 365);
      awards.push(
        award('lapsed', earlier, threeYears(earlier)),
        award('accredited', awarded, threeYears(awarded)),
      );
    } else if (story === 'expiring') {
      const expires = addDays(today, int(1, 59));
      awards.push(award('accredited', addDays(addYears(expires, -3), 1), expires));
    } else if (story === 'expired') {
      const expires = addDays(today, -int(1, 120));
      awards.push(award('accredited', addDays(addYears(expires, -3), 1), expires));
    } else if (story === 'applied') {
      awards.push({
        accreditation_id: '',
        provider_id: id,
        status: 'applied',
        scope: some(services, 1, services.length),
      });
    } else {
      const awarded = addDays(today, -int(200, 3 * 365 + 400));
      const expires = threeYears(awarded);
      awards.push(
        award(story === 'lapsed' && expires >= today ? 'withdrawn' : story, awarded, expires),
      );
    }
    const firstAward = awards[0]!.awarded_on ?? addDays(today, -int(5, 60));
    p.added_on = addDays(firstAward, -int(20, 120));
    for (const a of awards) {
      a.accreditation_id = `KM-${String(++certificate).padStart(6, '0')}`;
      accreditations.push(a);
    }
    providers.push(p);

    // The standard document set: complete and verified for anyone who was ever awarded.
    const awarded = awards.some((a) => a.status !== 'applied');
    const types = [
      ...options.mandatoryDocuments,
      ...options.optionalDocuments.filter(() => chance(40)),
    ];
    for (const type of types) {
      if (!awarded && chance(30)) continue;
      const yearly = type === 'annual-accounts' || type.endsWith('insurance');
      const effective = addDays(today, -int(30, yearly ? 330 : 700));
      const review = addDays(addYears(effective, yearly ? 1 : 2), chance(2) ? -400 : 0);
      const d: Document = {
        provider_id: id,
        document_type: type,
        title: documentTitle(type, displayName),
        version: type === 'annual-accounts' ? effective.slice(0, 4) : `${int(1, 6)}.${int(0, 9)}`,
        effective_on: effective,
        review_by: review > effective ? review : addYears(effective, 1),
        format:
          type.endsWith('insurance') || type === 'annual-accounts' || chance(85) ? 'pdf' : 'docx',
      };
      if (awarded || chance(50)) {
        d.verified_on =
          addDays(effective, int(1, 25)) < today ? addDays(effective, int(1, 25)) : today;
        d.sha256 = createHash('sha256').update(`${id}/${type}/${d.version}`).digest('hex');
      }
      if (!type.endsWith('insurance') && type !== 'annual-accounts' && chance(30)) {
        d.url = `https://www.${slug}.example/policies/${type}.${d.format}`;
      }
      documents.push(d);
    }
  }

  const commissioners = generateCommissioners(options, int, pick, chance);
  return {
    providers: toCsv('providers', providers),
    accreditations: toCsv('accreditations', accreditations),
    documents: toCsv('documents', documents),
    commissioners: toCsv('commissioners', commissioners),
  };
}

function generateCommissioners(
  options: GenerateOptions,
  int: (from: number, to: number) => number,
  pick: <T>(items: readonly T[]) => T,
  chance: (percent: number) => boolean,
): Commissioner[] {
  const wanted = Math.max(6, Math.round(options.providers / 13));
  const councils = [...options.councils];
  const trusts = [...options.trusts];
  const out: Commissioner[] = [];
  const since = (yearsBack: number) => addDays(options.today, -int(30, 365 * yearsBack));
  const templates = (): string[] =>
    options.contractTemplates.length === 0
      ? []
      : options.contractTemplates.filter(() => chance(60)).sort();
  for (const [code, name, nhsRegion] of ICBS.slice(0, Math.max(1, Math.round(wanted * 0.15)))) {
    out.push({
      commissioner_id: code,
      name,
      type: 'integrated-care-board',
      accepts_kitemark_since: since(2),
      nhs_region: nhsRegion,
      contract_templates: templates(),
    });
  }
  while (out.length < wanted && (councils.length > 0 || trusts.length > 0)) {
    const useCouncil = trusts.length === 0 || (councils.length > 0 && chance(70));
    if (useCouncil) {
      const c = councils.splice(int(0, councils.length - 1), 1)[0]!;
      out.push({
        commissioner_id: c.code,
        name: c.name,
        type: 'local-authority',
        accepts_kitemark_since: since(2),
        contract_templates: templates(),
      });
    } else {
      const t = trusts.splice(int(0, trusts.length - 1), 1)[0]!;
      out.push({
        commissioner_id: t.code,
        name: t.name,
        type: 'nhs-trust',
        accepts_kitemark_since: since(2),
        nhs_region: t.nhsRegion,
        contract_templates: templates(),
      });
    }
  }
  void pick;
  return out.map((c) =>
    c.contract_templates?.length ? c : (({ contract_templates: _, ...rest }) => rest)(c),
  );
}

function documentTitle(type: string, provider: string): string {
  const titles: Record<string, string> = {
    'governing-document': 'Constitution',
    'annual-accounts': 'Trustees’ report and financial statements',
    'hr-policy': 'People and recruitment policy',
    'safeguarding-adults': 'Safeguarding adults policy',
    'safeguarding-children': 'Safeguarding children and young people policy',
    'equality-and-diversity': 'Equality, diversity and inclusion policy',
    'health-and-safety': 'Health and safety policy',
    'data-protection': 'Data protection and confidentiality policy',
    complaints: 'Compliments and complaints policy',
    whistleblowing: 'Whistleblowing policy',
    'business-continuity': 'Business continuity plan',
    'employers-liability-insurance': 'Employer’s liability insurance certificate',
    'public-liability-insurance': 'Public liability insurance certificate',
    'professional-indemnity-insurance': 'Professional indemnity insurance certificate',
  };
  return `${provider}: ${titles[type] ?? type}`;
}

/** Records to canonical CSV: schema column order, lists joined with `;`, rows sorted by key. */
function toCsv(table: TableName, records: readonly object[]): string {
  const spec = TABLES[table];
  const columns = spec.fields.map((f) => f.name);
  const rows = records.map((r) =>
    columns.map((c) => {
      const v = (r as Record<string, unknown>)[c];
      return Array.isArray(v) ? v.join(';') : v === undefined ? '' : String(v);
    }),
  );
  const keys = spec.primaryKey.map((k) => columns.indexOf(k));
  rows.sort((a, b) => {
    for (const i of keys) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
    return 0;
  });
  return formatCsv(columns, rows);
}
