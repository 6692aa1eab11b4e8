/**
 * What the published site weighs (`npm run bench size`): for generated registers committed to a
 * git repository, the whole `kitemark build` as the deploy workflow runs it (every version
 * already published, so its archive is on a GitHub Release and the site has only its page), with
 * the site's bytes and files by folder, and the build's time and peak memory. The first build of
 * each repository makes the archives (as the release job does) and is measured too. Limits:
 * GitHub Pages publishes at most 1 GB; the issue asks for at most 200,000 files at 20,000
 * providers with 20 released versions.
 */
import { spawn, spawnSync } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { ReleaseStore } from '../io/releaseStore.ts';
import { archiveName, releaseTag } from '../lib/releaseArchive.ts';
import type { PublishedRelease } from '../lib/releaseLedger.ts';
import { BENCH_DIR, ROOT, measure, type Measurement } from './measure.ts';
import { generated } from './validate.ts';

const ALL_CASES: { providers: number; versions: number }[] = [
  { providers: 1_000, versions: 1 },
  { providers: 10_000, versions: 1 },
  { providers: 20_000, versions: 20 },
  { providers: 50_000, versions: 1 },
];
/** `KITEMARK_BENCH_CASES=1000x1,20000x4` measures those instead (each archive takes minutes). */
const CASES = process.env['KITEMARK_BENCH_CASES']
  ? process.env['KITEMARK_BENCH_CASES'].split(',').map((c) => {
      const [providers, versions] = c.split('x').map(Number);
      return { providers: providers!, versions: versions ?? 1 };
    })
  : ALL_CASES;
const CLI = join(ROOT, 'scripts/cli/kitemark.js');
const RELEASES_URL = 'https://github.com/kitemark-register/kitemark-register/releases/download';

/** A repository whose main line releases `versions` versions of the generated register. */
function makeRepository(data: string, versions: number, dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  let clock = Date.parse('2026-01-05T09:00:00Z');
  const git = (...args: string[]) => {
    const date = new Date(clock).toISOString();
    const run = spawnSync('git', args, {
      cwd: dir,
      encoding: 'utf8',
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 'Bench',
        GIT_AUTHOR_EMAIL: 'bench@example.org',
        GIT_COMMITTER_NAME: 'Bench',
        GIT_COMMITTER_EMAIL: 'bench@example.org',
        GIT_AUTHOR_DATE: date,
        GIT_COMMITTER_DATE: date,
      },
    });
    if (run.status !== 0) throw new Error(`git ${args.join(' ')}: ${run.stderr}`);
  };
  git('init', '-q', '-b', 'main');
  cpSync(data, join(dir, 'data'), { recursive: true });
  const meta = join(dir, 'data/register.json');
  const providers = join(dir, 'data/providers.csv');
  for (let v = 0; v < versions; v++) {
    if (v > 0) {
      // A week of changes: one provider renamed, then the minor version bumped.
      const text = readFileSync(providers, 'utf8');
      writeFileSync(providers, text.replace(/^(P\d{6},)([^,\n]*)/m, `$1$2 ${v}`));
    }
    writeFileSync(
      meta,
      readFileSync(meta, 'utf8').replace(/"version": "[^"]+"/, `"version": "1.${v}.0"`),
    );
    git('add', '-A');
    git('commit', '-q', '-m', `Release 1.${v}.0 (#${v + 1})`);
    clock += 7 * 24 * 3600 * 1000;
  }
}

/** What a fetch from GitHub would leave: every archive built so far, published. */
async function publishAll(releases: string): Promise<{ bytes: number; count: number }> {
  const store = new ReleaseStore(releases);
  const published: PublishedRelease[] = [];
  let bytes = 0;
  for (const name of readdirSync(releases).filter((n) => n.endsWith('.zip'))) {
    const version = name.replace(/^kitemark-register-|\.zip$/g, '');
    const file = join(releases, name);
    const archive = (await store.stat(file))!;
    const summary = await store.summary(file, version);
    bytes += archive.bytes;
    published.push({
      version,
      tag: releaseTag(version),
      asset: {
        name: archiveName(version),
        url: `${RELEASES_URL}/${releaseTag(version)}/${archiveName(version)}`,
        bytes: archive.bytes,
        sha256: archive.sha256,
      },
      files: Object.fromEntries(summary.sums),
    });
  }
  await store.writeLedger(published);
  return { bytes, count: published.length };
}

/** Bytes and files under a folder, by its top-level entries. */
function weigh(dir: string): {
  bytes: number;
  files: number;
  parts: Map<string, [number, number]>;
} {
  const parts = new Map<string, [number, number]>();
  let bytes = 0;
  let files = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = join(entry.parentPath, entry.name);
    const size = statSync(full).size;
    const rel = full.slice(dir.length + 1);
    const top = rel.startsWith('data/v/') ? 'data/v' : rel.split('/')[0]!;
    const part = parts.get(top) ?? [0, 0];
    part[0] += size;
    part[1]++;
    parts.set(top, part);
    bytes += size;
    files++;
  }
  return { bytes, files, parts };
}

const mb = (b: number) => `${(b / 1_000_000).toFixed(1)} MB`;
const count = (n: number) => n.toLocaleString('en-GB');
const seconds = (m: Measurement) => `${(m.ms / 1000).toFixed(1)} s`;
const mib = (m: Measurement) => `${m.peakMiB.toFixed(0)} MiB`;

export default async function sizeBenchmark(): Promise<string> {
  const lines = [
    '## Published size (`npm run bench size`)',
    '',
    'Generated registers (`kitemark generate --seed 1 --today 2026-11-26`) committed to a git repository, one commit per released version. "First build" is `kitemark build` with an empty releases folder (it makes every archive, as the release job does); "deploy build" is the next one, with the archives published (a `published.json` as `main-releases.ts fetch` leaves it), as the deploy workflow runs it: the site then holds a page per version and links to the GitHub Release. Fresh process each; `KITEMARK_TODAY=2026-11-26`.',
    '',
    '| providers | versions | site (deploy build) | files | of which /data/v/ | archives (on GitHub Releases) | first build | deploy build: time | deploy build: peak |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  const details: string[] = [];
  const outputs: string[] = [];
  try {
    for (const { providers, versions } of CASES) {
      const data = generated(providers);
      const repo = join(BENCH_DIR, `size-repo-${providers}-${versions}`);
      makeRepository(data, versions, repo);
      // Outside the repository, so a later run reuses archives (the same commits make them).
      const releases = join(BENCH_DIR, `size-releases-${providers}-${versions}`);
      mkdirSync(releases, { recursive: true });
      const made = readdirSync(releases).filter((name) => name.endsWith('.zip'));
      const env = {
        KITEMARK_TODAY: '2026-11-26',
        KITEMARK_RELEASES: releases,
        KITEMARK_CACHE: join(repo, '.cache/kitemark'),
      };
      const out = (n: string) => {
        const dir = join(BENCH_DIR, `out-size-${providers}-${n}-${Date.now()}`);
        outputs.push(dir);
        return dir;
      };
      const first =
        made.length >= versions
          ? undefined
          : measure(CLI, ['build', '--data', join(repo, 'data'), '--out', out('first')], env);
      const archives = await publishAll(releases);
      const site = out('deploy');
      const deploy = measure(CLI, ['build', '--data', join(repo, 'data'), '--out', site], env);
      const weight = weigh(site);
      const versionsPart = weight.parts.get('data/v') ?? [0, 0];
      const row = `| ${count(providers)} | ${versions} | ${mb(weight.bytes)} | ${count(weight.files)} | ${mb(versionsPart[0])} in ${count(versionsPart[1])} files | ${archives.count} × ${mb(archives.bytes / Math.max(1, archives.count))} | ${first ? seconds(first) : 'archives from an earlier run'} | ${seconds(deploy)} | ${mib(deploy)} |`;
      lines.push(row);
      // Each row as it comes: a run of every case takes long.
      process.stderr.write(`${row}\n`);
      const parts = [...weight.parts]
        .sort((a, b) => b[1][0] - a[1][0])
        .slice(0, 7)
        .map(([name, [b, f]]) => `${name}/ ${mb(b)} (${count(f)} files)`)
        .join(', ');
      details.push(`- ${count(providers)} providers, ${versions} versions: ${parts}.`);
      details.push(
        `- ${count(providers)} providers, deploy build steps: ${[...deploy.stdout.matchAll(/^ {2}(.+): ([\d.]+) s$/gm)].map((m) => `${m[1]} ${m[2]} s`).join('; ')}.`,
      );
      // Keep the disk free for the next, larger case.
      spawn('rm', ['-rf', ...outputs.splice(0)], { detached: true, stdio: 'ignore' }).unref();
    }
  } finally {
    if (outputs.length > 0)
      spawn('rm', ['-rf', ...outputs], { detached: true, stdio: 'ignore' }).unref();
  }
  return [...lines, '', ...details].join('\n');
}
