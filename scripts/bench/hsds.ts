/**
 * The HSDS 3.0 publication at scale (`npm run bench hsds`): for generated registers, the
 * static API tree the site build writes under /hsds/ and the tabular package the downloads
 * hold, in a fresh process: time of each part, files, bytes and peak memory. Budget: the
 * site build's, 90 s and 2 GiB at 50,000 providers for the whole site, so the feed must fit
 * beside the site's own 47 s.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { BENCH_DIR, ROOT, measure } from './measure.ts';
import { generated } from './validate.ts';

const SIZES = [10_000, 50_000];
const PROBE = join(ROOT, 'scripts/bench/probes/hsds.ts');

interface Figures {
  providers: number;
  services: number;
  readMs: number;
  apiMs: number;
  apiCpuMs: number;
  apiFiles: number;
  records: number;
  apiBytes: number;
  tabularMs: number;
  tabularCpuMs: number;
  tabularBytes: number;
}

const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`;

export default async function hsdsBenchmark(): Promise<string> {
  const lines = [
    '## HSDS 3.0 feed (`npm run bench hsds`)',
    '',
    'Generated registers (`kitemark generate --seed 1 --today 2026-11-26`), statuses judged on 2026-11-26; `scripts/bench/probes/hsds.ts` in a fresh process reads and validates the register, then writes the static API tree (what the site build writes under `/hsds/`) and the tabular package (what the downloads hold in `hsds/`). Time is wall clock, with processor time (user and system) in brackets, which other work on the machine does not inflate. Peak is the whole process, register included.',
    '',
    '| providers | services | API: time (CPU) | API: files | API: bytes | tabular: time (CPU) | tabular: bytes | read and validate | peak |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  const outputs: string[] = [];
  try {
    for (const size of SIZES) {
      const out = join(BENCH_DIR, `out-hsds-${size}-${Date.now()}`);
      outputs.push(out);
      const m = measure(PROBE, [generated(size), out]);
      const f = JSON.parse(m.stdout.trim().split('\n').pop()!) as Figures;
      lines.push(
        `| ${f.providers.toLocaleString('en-GB')} | ${f.services.toLocaleString('en-GB')} | ${s(f.apiMs)} (${s(f.apiCpuMs)}) | ${f.apiFiles.toLocaleString('en-GB')} | ${mb(f.apiBytes)} | ${s(f.tabularMs)} (${s(f.tabularCpuMs)}) | ${mb(f.tabularBytes)} | ${s(f.readMs)} | ${m.peakMiB.toFixed(0)} MiB |`,
      );
    }
  } finally {
    if (outputs.length > 0)
      spawn('rm', ['-rf', ...outputs], { detached: true, stdio: 'ignore' }).unref();
  }
  return lines.join('\n');
}
