/**
 * Makes a git repository with a long, realistic register history for the history benchmark:
 * the embedded register (data/ and schema/) as the first commit, then commits that each make
 * one change a maintainer would merge (a provider applies, an application is accredited with
 * its documents, a document is re-verified, a provider is renamed or moves, an award lapses and
 * is renewed, a commissioner signs up). One in three arrives as a merge commit ("Merge pull
 * request #N from …"), the rest as squash merges ("… (#N)"). Every `releaseEvery` commits the
 * version in register.json goes up, which makes a release. Written with one `git fast-import`,
 * so a thousand commits take seconds; the same arguments always give the same repository.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parse } from 'csv-parse/sync';
import { formatCsv } from '../lib/formatCsv.ts';
import { addDays, addYears } from '../lib/dates.ts';
import { ROOT } from './measure.ts';

export interface HistoryRepoOptions {
  dir: string;
  commits: number;
  releaseEvery: number;
}

interface Table {
  header: string[];
  rows: string[][];
}

/** A small deterministic random source (mulberry32), so the history is the same every time. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function readTable(text: string): Table {
  const [header, ...rows] = parse(text) as string[][];
  return { header: header!, rows };
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(ROOT, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

export async function createHistoryRepo(options: HistoryRepoOptions): Promise<void> {
  const { dir } = options;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const git = (...args: string[]) => {
    const run = spawnSync('git', args, { cwd: dir, encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`git ${args.join(' ')}: ${run.stderr}`);
    return run.stdout;
  };
  git('init', '-q', '-b', 'main');

  const files = new Map<string, string>();
  for (const path of [...listFiles(join(ROOT, 'data')), ...listFiles(join(ROOT, 'schema'))]) {
    files.set(path, readFileSync(join(ROOT, path), 'utf8'));
  }
  const tables = {
    providers: readTable(files.get('data/providers.csv')!),
    accreditations: readTable(files.get('data/accreditations.csv')!),
    documents: readTable(files.get('data/documents.csv')!),
    commissioners: readTable(files.get('data/commissioners.csv')!),
  };
  const col = (t: Table, name: string) => {
    const i = t.header.indexOf(name);
    if (i === -1) throw new Error(`no column ${name}`);
    return i;
  };
  const mandatory = readTable(files.get('data/codelists/document-types.csv')!)
    .rows.filter((r) => r[3] === 'yes')
    .map((r) => r[0]!);
  const sortBy = (t: Table, key: number[]) =>
    t.rows.sort((a, b) => {
      for (const k of key) if (a[k] !== b[k]) return a[k]! < b[k]! ? -1 : 1;
      return 0;
    });
  const write = (name: keyof typeof tables) => {
    const t = tables[name];
    sortBy(t, name === 'documents' ? [0, 1] : [0]);
    files.set(`data/${name}.csv`, formatCsv(t.header, t.rows));
    return `data/${name}.csv`;
  };
  let meta = JSON.parse(files.get('data/register.json')!) as { version: string };
  const bump = () => {
    const [major, minor, patch] = meta.version.split('.').map(Number) as [number, number, number];
    meta = { ...meta, version: `${major}.${minor}.${patch + 1}` };
    files.set('data/register.json', `${JSON.stringify(meta, null, 2)}\n`);
    return 'data/register.json';
  };

  const rand = random(20261126);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const P = tables.providers;
  const A = tables.accreditations;
  const D = tables.documents;
  let nextProvider = Math.max(...P.rows.map((r) => Number(r[0]!.slice(1)))) + 1;
  let nextAward = Math.max(...A.rows.map((r) => Number(r[0]!.slice(3)))) + 1;
  const hex = () =>
    Array.from({ length: 64 }, () => '0123456789abcdef'[Math.floor(rand() * 16)]).join('');

  // Streamed into git fast-import as it is made: the whole history would not fit in a string.
  const importer = spawn('git', ['fast-import', '--quiet'], {
    cwd: dir,
    stdio: ['pipe', 'inherit', 'inherit'],
  });
  const finished = new Promise<number>((resolve) =>
    importer.on('close', (code) => resolve(code ?? 1)),
  );
  let stream = '';
  const flush = async () => {
    if (!importer.stdin.write(stream)) {
      await new Promise((resolve) => importer.stdin.once('drain', resolve));
    }
    stream = '';
  };
  let mark = 0;
  const data = (text: string) => `data ${Buffer.byteLength(text)}\n${text}\n`;
  /** Each file's contents once, as a blob both a pull request and its merge can point at. */
  const blobs = (paths: readonly string[]) =>
    paths.map((path) => {
      const m = ++mark;
      stream += `blob\nmark :${m}\n${data(files.get(path)!)}`;
      return [path, m] as const;
    });
  const commitBlock = (
    branch: string,
    message: string,
    time: number,
    paths: readonly (readonly [string, number])[],
    from?: number,
    merge?: number,
  ) => {
    const m = ++mark;
    stream += `commit refs/heads/${branch}\nmark :${m}\n`;
    stream += `author Register Bot <bot@example.org> ${time} +0000\n`;
    stream += `committer Register Bot <bot@example.org> ${time} +0000\n`;
    stream += data(message);
    if (from !== undefined) stream += `from :${from}\n`;
    if (merge !== undefined) stream += `merge :${merge}\n`;
    for (const [path, blob] of paths) stream += `M 100644 :${blob} ${path}\n`;
    return m;
  };

  const start = Date.UTC(2024, 0, 1) / 1000;
  let head = commitBlock('main', 'Start the register', start, blobs([...files.keys()]));
  await flush();
  for (let i = 1; i < options.commits; i++) {
    const time = start + i * 86_400;
    const day = new Date(time * 1000).toISOString().slice(0, 10);
    const changed: string[] = [];
    let subject = '';
    const kind = i % 7;
    if (kind === 0 || kind === 4) {
      // A new provider applies.
      const id = `P${String(nextProvider++).padStart(6, '0')}`;
      const source = pick(P.rows);
      const row = [...source];
      row[0] = id;
      row[col(P, 'name')] =
        `${source[col(P, 'name')]!.replace(/ (CIO|CIC|Trust|Ltd)$/, '')} ${id.slice(-3)} Trust`;
      row[col(P, 'charity_number')] = String(2_000_000 + nextProvider);
      row[col(P, 'company_number')] = '';
      row[col(P, 'oscr_number')] = '';
      row[col(P, 'legal_form')] = 'charitable-incorporated-organisation';
      row[col(P, 'added_on')] = day;
      P.rows.push(row);
      const award = new Array<string>(A.header.length).fill('');
      award[0] = `KM-${String(nextAward++).padStart(6, '0')}`;
      award[col(A, 'provider_id')] = id;
      award[col(A, 'status')] = 'applied';
      award[col(A, 'scope')] = row[col(P, 'services')]!.split(';')[0]!;
      A.rows.push(award);
      changed.push(write('providers'), write('accreditations'));
      subject = `Add ${row[col(P, 'name')]}`;
    } else if (kind === 1) {
      // An application is accredited, with its documents verified.
      const applied = A.rows.filter((r) => r[col(A, 'status')] === 'applied');
      const award = applied.length > 0 ? pick(applied) : undefined;
      if (award) {
        const id = award[col(A, 'provider_id')]!;
        award[col(A, 'status')] = 'accredited';
        award[col(A, 'awarded_on')] = day;
        award[col(A, 'expires_on')] = addDays(addYears(day, 3), -1);
        award[col(A, 'assessor')] = 'Quality Assessment Partnership';
        D.rows = D.rows.filter((r) => r[0] !== id);
        for (const type of mandatory) {
          const doc = new Array<string>(D.header.length).fill('');
          doc[0] = id;
          doc[1] = type;
          doc[col(D, 'title')] = `${type.replace(/-/g, ' ')} (${id})`;
          doc[col(D, 'version')] = '1';
          doc[col(D, 'effective_on')] = day;
          doc[col(D, 'review_by')] = addYears(day, 2);
          doc[col(D, 'verified_on')] = day;
          doc[col(D, 'sha256')] = hex();
          doc[col(D, 'format')] = 'pdf';
          D.rows.push(doc);
        }
        changed.push(write('accreditations'), write('documents'));
        subject = `Accredit ${id} (${award[0]})`;
      }
    } else if (kind === 2) {
      // A document is re-verified.
      const doc = pick(D.rows.filter((r) => r[col(D, 'verified_on')]));
      doc[col(D, 'verified_on')] = day;
      doc[col(D, 'sha256')] = hex();
      doc[col(D, 'version')] = String(Number(doc[col(D, 'version')]) + 1 || 2);
      doc[col(D, 'effective_on')] = day;
      doc[col(D, 'review_by')] = addYears(day, 2);
      changed.push(write('documents'));
      subject = `Re-verify ${doc[0]} ${doc[1]}`;
    } else if (kind === 3) {
      const p = pick(P.rows);
      p[col(P, 'name')] = `${p[col(P, 'name')]!.replace(/ \(renamed \d+\)$/, '')} (renamed ${i})`;
      changed.push(write('providers'));
      subject = `Rename ${p[0]}`;
    } else if (kind === 5) {
      const p = pick(P.rows);
      p[col(P, 'phone')] = `01632 ${String(960000 + (i % 1000)).padStart(6, '0')}`;
      p[col(P, 'website')] = `https://www.${p[0]!.toLowerCase()}-${i}.example`;
      changed.push(write('providers'));
      subject = `Update contact details of ${p[0]}`;
    } else {
      // An award lapses and is renewed.
      const current = A.rows.filter((r) => r[col(A, 'status')] === 'accredited');
      const old = pick(current);
      old[col(A, 'status')] = 'lapsed';
      const renewal = [...old];
      renewal[0] = `KM-${String(nextAward++).padStart(6, '0')}`;
      renewal[col(A, 'status')] = 'accredited';
      renewal[col(A, 'awarded_on')] = day;
      renewal[col(A, 'expires_on')] = addDays(addYears(day, 3), -1);
      renewal[col(A, 'last_reviewed_on')] = '';
      A.rows.push(renewal);
      changed.push(write('accreditations'));
      subject = `Renew ${old[col(A, 'provider_id')]} (${renewal[0]})`;
    }
    if (changed.length === 0) {
      const p = pick(P.rows);
      p[col(P, 'town')] = `${p[col(P, 'town')]!}`;
      p[col(P, 'description')] =
        `${p[col(P, 'description')]!.replace(/ Updated \d+\.$/, '')} Updated ${i}.`;
      changed.push(write('providers'));
      subject = `Update the description of ${p[0]}`;
    }
    if (i % options.releaseEvery === 0) changed.push(bump());
    const pr = i + 1;
    const contents = blobs(changed);
    if (i % 3 === 0) {
      const side = commitBlock(`pr-${pr}`, subject, time - 3600, contents, head);
      head = commitBlock(
        'main',
        `Merge pull request #${pr} from contributor/pr-${pr}\n\n${subject}`,
        time,
        contents,
        head,
        side,
      );
    } else {
      head = commitBlock('main', `${subject} (#${pr})`, time, contents, head);
    }
    await flush();
  }
  // Pull request branches are merged: delete them, as GitHub does.
  for (let i = 3; i < options.commits; i += 3)
    stream += `reset refs/heads/pr-${i + 1}\nfrom 0000000000000000000000000000000000000000\n\n`;
  await flush();
  importer.stdin.end();
  if ((await finished) !== 0) throw new Error('git fast-import failed');
  git('checkout', '-q', '-f', 'main');
  git('gc', '-q', '--auto');
  if (!existsSync(join(dir, 'data', 'register.json')))
    throw new Error('the repository has no register');
}
