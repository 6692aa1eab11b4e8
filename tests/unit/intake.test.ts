/**
 * The intake bot end to end: an `issues` event (from @octokit/webhooks-examples) whose body is
 * a submitted issue form, a real git checkout of the register, and a real HTTP server speaking
 * GitHub's REST API (checked against its OpenAPI description).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applicationForm, correctionForm } from '../../scripts/github/buildIssueForms.ts';
import { INTAKE_MARKER } from '../../scripts/github/handleIntake.ts';
import { main } from '../../scripts/github/main-intake.ts';
import { readDataDir } from '../../scripts/io/registerFolder.ts';
import { loadRegister } from '../../scripts/lib/loadRegister.ts';
import { BOT, CONTRIBUTOR, startFakeGitHub, type FakeGitHub } from '../helpers/fakeGitHub.ts';
import { createTempRepo, type TempRepo } from '../support/gitRepo.ts';
import { ROOT } from '../support/register.ts';
import { issueFormBody, type Answer } from '../helpers/issueFormBody.ts';
import { recordingToolkit } from '../helpers/toolkit.ts';
import { webhookExample, writeEvent } from '../helpers/webhooks.ts';

const TODAY = '2026-11-26';
const register = loadRegister(await readDataDir(join(ROOT, 'data')));
const APPLY = applicationForm(register);
const CORRECT = correctionForm(register);

const GOOD_APPLICATION: Record<string, Answer> = {
  name: 'Juniper Carers Network',
  other_names: 'Juniper Carers\nJCN;  Juniper Carers',
  legal_form: 'charitable-incorporated-organisation',
  charity_number: '1 100 401',
  address_line_1: '12 Market Street',
  town: 'Chipping Norton',
  postcode: 'ox7 5nn',
  local_authority: 'Oxfordshire County Council',
  areas_served: 'Oxfordshire\nWest Northamptonshire',
  services: ['carers-support', 'befriending'],
  user_groups: ['carers'],
  website: 'www.juniper-carers.example',
  email: 'hello@juniper-carers.example',
  phone: '01632 960401',
  description: 'Juniper Carers Network runs a carers café\nand phone befriending.',
  scope: ['carers-support'],
  quality_marks: ['investing-in-volunteers'],
  declaration: [true, true],
};

let repo: TempRepo;
let gh: FakeGitHub;

beforeEach(async () => {
  repo = createTempRepo({ withData: true });
  const sha = repo.commit('The register');
  gh = await startFakeGitHub();
  gh.commitFiles(filesOf(repo.dir), { sha });
});

afterEach(async () => {
  await gh.close();
  repo.remove();
});

function filesOf(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (name === '.git') continue;
      if (statSync(full).isDirectory()) walk(full);
      else files.set(relative(dir, full), readFileSync(full, 'utf8'));
    }
  };
  walk(join(dir, 'data'));
  return files;
}

function issueEvent(number: number, body: string, label: string, action = 'opened') {
  const event = webhookExample('issues', 'opened');
  event['action'] = action;
  const issue = event['issue'] as Record<string, unknown>;
  issue['number'] = number;
  issue['title'] = 'Application: Juniper Carers Network';
  issue['body'] = body;
  issue['state'] = 'open';
  issue['labels'] = [
    {
      id: 1,
      node_id: 'L',
      url: '',
      name: label,
      color: 'ededed',
      default: false,
      description: null,
    },
  ];
  (event['repository'] as Record<string, unknown>)['default_branch'] = 'main';
  return event;
}

async function runIntake(number: number, body: string, label = 'application', action = 'opened') {
  if (gh.issues.get(number)?.pull) throw new Error(`#${number} is a pull request in this test`);
  if (!gh.issues.has(number))
    gh.addIssue({ number, title: 'Application', body, labels: [label], user: CONTRIBUTOR });
  gh.issues.get(number)!.body = body;
  const toolkit = recordingToolkit();
  const code = await main(
    {
      GITHUB_REPOSITORY: `${gh.owner}/${gh.repo}`,
      GITHUB_API_URL: gh.url,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_RUN_ID: '77',
      GITHUB_EVENT_NAME: 'issues',
      GITHUB_SHA: repo.git('rev-parse', 'HEAD'),
      GITHUB_TOKEN: 'test-token',
      GITHUB_WORKSPACE: repo.dir,
      GITHUB_EVENT_PATH: writeEvent(
        join(repo.dir, '.git'),
        issueEvent(number, body, label, action),
        `intake-event-${number}.json`,
      ),
      KITEMARK_TODAY: TODAY,
    },
    toolkit,
    { pacing: false, retryAfterUnitMs: 1 },
  );
  expect(toolkit.failures).toEqual([]);
  expect(code).toBe(0);
  expect(gh.violations).toEqual([]);
  return toolkit;
}

/** What a reader sees: Markdown escapes and zero-width spaces removed. */
const plain = (markdown: string) => markdown.replace(/\\(.)/g, '$1').replace(/&#8203;/g, '');
const botComments = (n: number) => gh.comments(n).filter((c) => c.user.login === BOT.login);
const pulls = () => [...gh.issues.values()].filter((i) => i.pull);
const base = (file: string) => readFileSync(join(repo.dir, 'data', file), 'utf8');

describe('intake bot: applications', () => {
  it('turns a valid application into a branch and pull request with the new rows, and links them', async () => {
    const toolkit = await runIntake(20, issueFormBody(APPLY, GOOD_APPLICATION));
    expect(toolkit.outputs['status']).toBe('opened');

    expect(pulls()).toHaveLength(1);
    const pr = pulls()[0]!;
    expect(pr.pull!.head.ref).toBe('kitemark/application-20');
    expect(pr.title).toBe('Add Juniper Carers Network to the register (application #20)');
    expect(pr.body).toContain('Closes #20.');
    expect(pr.body).toContain('### Providers added (1)');
    expect(pr.labels.sort()).toEqual(['accreditation-change', 'new-provider']);

    // Exactly one new line in each table, with keys allocated by the tool and fixes applied.
    const providers = gh.readFile('kitemark/application-20', 'data/providers.csv')!;
    expect(providers.startsWith(base('providers.csv'))).toBe(true);
    expect(providers.slice(base('providers.csv').length)).toBe(
      'P000401,Juniper Carers Network,charitable-incorporated-organisation,1100401,,,,,12 Market Street,,Chipping Norton,OX7 5NN,E10000025,E10000025;E06000062,carers-support;befriending,carers,https://www.juniper-carers.example,hello@juniper-carers.example,01632 960401,Juniper Carers Network runs a carers café and phone befriending.,2026-11-26,Juniper Carers;JCN\n',
    );
    const awards = gh.readFile('kitemark/application-20', 'data/accreditations.csv')!;
    expect(awards.slice(base('accreditations.csv').length)).toBe(
      'KM-000433,P000401,applied,carers-support,,,,,investing-in-volunteers\n',
    );
    expect(gh.readFile('kitemark/application-20', 'data/documents.csv')).toBe(
      base('documents.csv'),
    );

    const [comment] = botComments(20);
    expect(comment!.body.startsWith(INTAKE_MARKER)).toBe(true);
    expect(comment!.body).toContain('[pull request #');
    expect(comment!.body).toContain('Your provider ID will be `P000401`');
  });

  it('does nothing new when run again, and follows an edit with the same keys', async () => {
    const body = issueFormBody(APPLY, GOOD_APPLICATION);
    await runIntake(20, body);
    const head = gh.refs.get('heads/kitemark/application-20');
    const writes = gh.requests.filter(
      (r) => r.method !== 'GET' && !r.path.includes('/git/blobs') && !r.path.includes('/git/trees'),
    ).length;
    const again = await runIntake(20, body, 'application', 'edited');
    expect(again.outputs['status']).toBe('unchanged');
    expect(gh.refs.get('heads/kitemark/application-20')).toBe(head);
    expect(
      gh.requests.filter(
        (r) =>
          r.method !== 'GET' && !r.path.includes('/git/blobs') && !r.path.includes('/git/trees'),
      ).length,
    ).toBe(writes);

    const edited = await runIntake(
      20,
      issueFormBody(APPLY, { ...GOOD_APPLICATION, phone: '01632 960999' }),
      'application',
      'edited',
    );
    expect(edited.outputs['status']).toBe('updated');
    expect(pulls()).toHaveLength(1);
    expect(botComments(20)).toHaveLength(1);
    const providers = gh.readFile('kitemark/application-20', 'data/providers.csv')!;
    expect(providers).toContain('P000401,Juniper Carers Network');
    expect(providers).toContain('01632 960999');
    expect(providers).not.toContain('P000402');
  });

  it('comments plain-English errors back on an invalid form, and opens nothing', async () => {
    const toolkit = await runIntake(
      21,
      issueFormBody(APPLY, {
        ...GOOD_APPLICATION,
        postcode: 'NOT A POSTCODE',
        local_authority: 'Oxfordshre',
        services: ['carers-support'],
        scope: ['transport'],
        declaration: [true, false],
      }),
    );
    expect(toolkit.outputs['status']).toBe('invalid');
    expect(pulls()).toHaveLength(0);
    expect(gh.refs.has('heads/kitemark/application-21')).toBe(false);
    const body = plain(botComments(21)[0]!.body);
    expect(body).toContain('We cannot add your organisation to the register yet');
    expect(body).toContain(
      '**Local authority**: We could not find a council called "Oxfordshre". Did you mean Oxfordshire (E10000025)?',
    );
    expect(body).toContain('**Declaration**: Please tick every box of the declaration');
    expect(body).toContain('Please edit this issue');

    // Corrected in part: the validator's own messages come back, naming the question.
    await runIntake(
      21,
      issueFormBody(APPLY, {
        ...GOOD_APPLICATION,
        postcode: 'NOT A POSTCODE',
        scope: ['transport'],
      }),
      'application',
      'edited',
    );
    const second = botComments(21);
    expect(second).toHaveLength(1);
    expect(plain(second[0]!.body)).toContain('**Postcode**:');
    expect(plain(second[0]!.body)).toContain(
      '**Services the kitemark should cover**: The scope includes "transport"',
    );
    expect(pulls()).toHaveLength(0);

    // Put right: the same comment now links the pull request.
    await runIntake(21, issueFormBody(APPLY, GOOD_APPLICATION), 'application', 'edited');
    expect(botComments(21)).toHaveLength(1);
    expect(botComments(21)[0]!.body).toContain('we have opened [pull request #');
    expect(pulls()).toHaveLength(1);
  });

  it('never reuses a key: not one removed in history, nor one another open application holds', async () => {
    // P000401 and KM-000433 existed once and were removed.
    repo.write(
      'data/providers.csv',
      `${base('providers.csv')}P000401,Gone,charitable-company,1199999,,,,,1 A Street,,Bath,BA1 1AA,E06000022,,transport,older-people,,,,,2026-01-01\n`,
    );
    repo.commit('Add a provider');
    repo.git('revert', '--no-edit', 'HEAD');
    gh.commitFiles(filesOf(repo.dir), { sha: repo.git('rev-parse', 'HEAD') });

    await runIntake(30, issueFormBody(APPLY, GOOD_APPLICATION));
    await runIntake(
      35,
      issueFormBody(APPLY, {
        ...GOOD_APPLICATION,
        name: 'Hawthorn Advocacy',
        charity_number: '1100431',
      }),
    );
    const first = gh.readFile('kitemark/application-30', 'data/providers.csv')!;
    const second = gh.readFile('kitemark/application-35', 'data/providers.csv')!;
    expect(first).toContain('\nP000402,Juniper Carers Network');
    expect(second).toContain('\nP000403,Hawthorn Advocacy');
    expect(second).not.toContain('P000402');
    expect(gh.readFile('kitemark/application-35', 'data/accreditations.csv')).toContain(
      '\nKM-000434,P000403,applied',
    );
  });

  it('gives two applications handled at the same moment different keys', async () => {
    await Promise.all([
      runIntake(40, issueFormBody(APPLY, GOOD_APPLICATION)),
      runIntake(
        41,
        issueFormBody(APPLY, {
          ...GOOD_APPLICATION,
          name: 'Hawthorn Advocacy',
          charity_number: '1100431',
        }),
      ),
    ]);
    const added = (branch: string, file: string) =>
      gh.readFile(branch, `data/${file}`)!.slice(base(file).length);
    const older = added('kitemark/application-40', 'providers.csv');
    const newer = added('kitemark/application-41', 'providers.csv');
    expect(older).toMatch(/^P000401,Juniper Carers Network/);
    expect(newer).toMatch(/^P000402,Hawthorn Advocacy/);
    expect(added('kitemark/application-40', 'accreditations.csv')).toMatch(/^KM-000433,P000401,/);
    expect(added('kitemark/application-41', 'accreditations.csv')).toMatch(/^KM-000434,P000402,/);
    // The pull request and the comment name the keys the branch holds.
    const pr41 = pulls().find((p) => p.pull!.head.ref === 'kitemark/application-41')!;
    expect(pr41.body).toContain('"keys":["P000402","KM-000434"]');
    expect(botComments(41).at(-1)!.body).toContain('Your provider ID will be `P000402`');
  });

  it('refuses hostile answers: formulas, forged headings, and escapes what it repeats', async () => {
    const forged = issueFormBody(APPLY, {
      ...GOOD_APPLICATION,
      description: 'We help.\n\n### Postcode\n\nSW1A 1AA',
    });
    await runIntake(40, forged);
    expect(botComments(40)[0]!.body).toContain('appears 2 times');
    expect(pulls()).toHaveLength(0);

    await runIntake(
      41,
      issueFormBody(APPLY, { ...GOOD_APPLICATION, name: '=HYPERLINK("https://evil.example","x")' }),
    );
    expect(plain(botComments(41)[0]!.body)).toContain(
      '**Name**: This cannot start with =, @, + or -',
    );
    expect(pulls()).toHaveLength(0);

    await runIntake(
      42,
      issueFormBody(APPLY, {
        ...GOOD_APPLICATION,
        name: 'Acme @maintainers <!-- kitemark:intake --> [x](https://evil.example)',
      }),
    );
    const pr = pulls()[0]!;
    expect(pr.body).not.toContain('](https://evil');
    expect(pr.body).not.toMatch(/(^|[^`])@maintainers/);
    expect(pr.body.split(INTAKE_MARKER)).toHaveLength(2);
  });

  it('leaves issues that are not register forms alone', async () => {
    const toolkit = await runIntake(50, 'The README has a typo.', 'bug');
    expect(toolkit.outputs['status']).toBe('skipped');
    expect(gh.requests.filter((r) => r.method !== 'GET')).toEqual([]);
  });

  it('keeps hands off a branch a maintainer has pushed to', async () => {
    await runIntake(20, issueFormBody(APPLY, GOOD_APPLICATION));
    const head = gh.refs.get('heads/kitemark/application-20')!;
    const byHand = gh.commitFiles(new Map([['data/providers.csv', 'edited by hand\n']]), {
      branch: 'kitemark/application-20',
      parent: head,
      message: 'Fix the address',
    });
    const toolkit = await runIntake(
      20,
      issueFormBody(APPLY, { ...GOOD_APPLICATION, phone: '01632 960999' }),
      'application',
      'edited',
    );
    expect(toolkit.outputs['status']).toBe('refused');
    expect(gh.refs.get('heads/kitemark/application-20')).toBe(byHand);
    expect(botComments(20)[0]!.body).toContain('already made changes to its pull request by hand');
  });
});

describe('intake bot: corrections', () => {
  it('opens a one-line correction of the provider row', async () => {
    const toolkit = await runIntake(
      60,
      issueFormBody(CORRECT, {
        provider_id: 'p000001',
        phone: '01865 000000',
        website: '-',
        declaration: [true],
      }),
      'correction-request',
    );
    expect(toolkit.outputs['status']).toBe('opened');
    const pr = pulls()[0]!;
    expect(pr.title).toBe('Correct Wayfarer Carers Support CIO (P000001, request #60)');
    expect(pr.labels).toEqual(['correction']);
    expect(pr.body).toContain('phone: `020 7946 0895` → `01865 000000`');
    expect(pr.body).toContain('website: cleared');
    const before = base('providers.csv').split('\n');
    const after = gh.readFile('kitemark/correction-60', 'data/providers.csv')!.split('\n');
    expect(after).toHaveLength(before.length);
    expect(after.filter((line, i) => line !== before[i])).toHaveLength(1);
  });

  it('names the requester, and flags a correction that moves the contact domain', async () => {
    await runIntake(
      61,
      issueFormBody(CORRECT, {
        provider_id: 'P000001',
        website: 'https://www.wayfarer-carers.example.net/',
        email: 'trustees@wayfarer-carers.example.net',
        declaration: [true],
      }),
      'correction-request',
    );
    const body = plain(pulls()[0]!.body);
    expect(body).toMatch(
      /Requested by \[@[A-Za-z0-9-]+\]\(https:\/\/github\.com\/[A-Za-z0-9-]+\) in #61\./,
    );
    expect(body).toContain('> [!WARNING]');
    expect(body).toContain('**This changes the contact domain**');
    expect(body).toContain('to `wayfarer-carers.example.net`');
    expect(body).toContain('using contact details you already trust');
  });

  it('does not flag a correction that keeps the contact domain', async () => {
    await runIntake(
      62,
      issueFormBody(CORRECT, {
        provider_id: 'P000001',
        phone: '01865 000000',
        declaration: [true],
      }),
      'correction-request',
    );
    const body = plain(pulls()[0]!.body);
    expect(body).toContain('Requested by [@');
    expect(body).not.toContain('contact domain');
  });

  it('says so when the provider does not exist, or nothing would change', async () => {
    await runIntake(
      61,
      issueFormBody(CORRECT, {
        provider_id: 'P999999',
        phone: '01865 000000',
        declaration: [true],
      }),
      'correction-request',
    );
    expect(botComments(61)[0]!.body).toContain('There is no provider P999999 on the register');
    await runIntake(
      62,
      issueFormBody(CORRECT, {
        provider_id: 'P000001',
        phone: '020 7946 0895',
        declaration: [true],
      }),
      'correction-request',
    );
    expect(botComments(62)[0]!.body).toContain('nothing to change');
    expect(pulls()).toHaveLength(0);
  });
});
