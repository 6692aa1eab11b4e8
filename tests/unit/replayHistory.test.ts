import { describe, expect, it } from 'vitest';
import { diffRegisters } from '../../scripts/lib/diffRegisters.ts';
import { loadRegister } from '../../scripts/lib/loadRegister.ts';
import { replayHistory, type CommitFiles } from '../../scripts/lib/history/replayHistory.ts';
import type { HistoryCommit } from '../../scripts/lib/history/historyTypes.ts';
import { setCell, toSources } from '../support/register.ts';
import { openDataFiles } from '../support/openDataRegister.ts';

const commit = (n: number, subject = `Change ${n}`): HistoryCommit => ({
  commit: String(n).repeat(40).slice(0, 40),
  parents: [],
  date: `2026-01-0${n}T00:00:00Z`,
  author: 'A',
  subject,
  body: '',
});
const encode = (files: Map<string, string>) => toSources(files);
const changedFiles = (before: Map<string, string>, after: Map<string, string>) => {
  const out = new Map<string, Uint8Array | null>();
  for (const [p, t] of after) if (before.get(p) !== t) out.set(p, new TextEncoder().encode(t));
  for (const p of before.keys()) if (!after.has(p)) out.set(p, null);
  return out;
};
async function collect(commits: CommitFiles[], start?: Map<string, Uint8Array>) {
  const steps = [];
  for await (const s of replayHistory(commits, start)) steps.push(s);
  return steps;
}

describe('replayHistory', () => {
  const v1 = openDataFiles();
  const v2 = setCell(
    setCell(v1, 'providers.csv', 3, 'town', 'Ripon'),
    'documents.csv',
    2,
    'version',
    '2.0',
  );
  const v3 = new Map(v2);
  v3.delete('codelists/quality-marks.csv');
  const commits: CommitFiles[] = [
    { commit: commit(1), files: encode(v1) },
    { commit: commit(2, 'Move Kestrel (#2)'), files: changedFiles(v1, v2) },
    { commit: commit(3), files: changedFiles(v2, v3) },
  ];

  it('gives the same diffs as diffing whole registers, loading only what changed', async () => {
    const steps = await collect(commits);
    const whole = [
      diffRegisters(loadRegister(new Map()), loadRegister(encode(v1))),
      diffRegisters(loadRegister(encode(v1)), loadRegister(encode(v2))),
      diffRegisters(loadRegister(encode(v2)), loadRegister(encode(v3))),
    ];
    expect(steps.map((s) => s.diff)).toEqual(whole);
    expect(steps[1]!.pullRequest).toBe(2);
    expect(steps[1]!.diff.changes.map((c) => c.key)).toEqual([
      'P000002',
      'P000001/annual-accounts',
    ]);
    expect(steps[2]!.diff.counts.codelists.removed).toBeGreaterThan(0);
  });

  it('resumes from a known state', async () => {
    const steps = await collect(commits.slice(1), encode(v1));
    expect(steps.map((s) => s.commit.commit)).toEqual([commit(2).commit, commit(3).commit]);
    expect(steps[0]!.diff).toEqual(
      diffRegisters(loadRegister(encode(v1)), loadRegister(encode(v2))),
    );
  });

  it('tells a new template version from a new template', async () => {
    const path = [...v1.keys()].find((p) =>
      p.startsWith('contract-templates/standard-services-contract/'),
    )!;
    const v4 = new Map(v1).set(path.replace(/[^/]+\.json$/, '9.9.9.json'), v1.get(path)!);
    const steps = await collect([
      { commit: commit(1), files: encode(v1) },
      { commit: commit(4), files: changedFiles(v1, v4) },
    ]);
    expect(steps[1]!.diff.changes.map((c) => [c.key, c.tags])).toEqual([
      ['standard-services-contract/9.9.9', ['new-version']],
    ]);
  });
});

describe('replayHistory against whole-register diffs', () => {
  /** A small seeded random source, so a failure can be replayed. */
  const random = (seed: number) => () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  const lines = (text: string) => {
    const [header, ...rows] = text.trimEnd().split(/\n(?=P\d|KM-|E\d|[A-Z0-9]{3,5},)/);
    return { header: header!, rows };
  };
  const join = (t: { header: string; rows: string[] }) => `${[t.header, ...t.rows].join('\n')}\n`;

  it.each([7, 11, 23])(
    'matches for every step of a random history of edits, moves, removals and renewals (seed %i)',
    async (seed) => {
      const rand = random(seed);
      const pick = <T>(list: T[]) => list[Math.floor(rand() * list.length)]!;
      let files = openDataFiles();
      const versions = [files];
      for (let i = 0; i < 40; i++) {
        const file = pick([
          'providers.csv',
          'accreditations.csv',
          'documents.csv',
          'commissioners.csv',
        ]);
        const t = lines(files.get(file)!);
        const kind = Math.floor(rand() * 6);
        if (kind === 0 && t.rows.length > 1) {
          // Move a row (not a change).
          const [row] = t.rows.splice(Math.floor(rand() * t.rows.length), 1);
          t.rows.splice(Math.floor(rand() * t.rows.length), 0, row!);
        } else if (kind === 1 && t.rows.length > 1) {
          t.rows.splice(Math.floor(rand() * t.rows.length), 1);
        } else if (kind === 2) {
          // Copy a row under a new key: an addition (a renewal when it is an award).
          const row = pick(t.rows);
          t.rows.push(
            row.replace(
              /^(P|KM-)(\d+)/,
              (_, p: string) => `${p}${String(900_000 + i).padStart(6, '0')}`,
            ),
          );
        } else if (kind === 3) {
          // Repeat a row: a duplicate key.
          t.rows.push(pick(t.rows));
        } else {
          const index = Math.floor(rand() * t.rows.length);
          t.rows[index] = t.rows[index]!.replace(
            /,([^,]*),/,
            (_, cell: string) => `,${cell} ${i},`,
          );
        }
        if (rand() < 0.2) {
          const p = lines(files.get('providers.csv')!);
          const index = Math.floor(rand() * p.rows.length);
          p.rows[index] = p.rows[index]!.replace(/^([^,]+),([^,]+)/, `$1,$2 renamed ${i}`);
          files = new Map(files).set('providers.csv', join(p));
        }
        files = new Map(files).set(file, join(t));
        versions.push(files);
      }
      const commits: CommitFiles[] = versions.map((v, i) => ({
        commit: commit((i % 9) + 1),
        files: i === 0 ? encode(v) : changedFiles(versions[i - 1]!, v),
      }));
      const steps = await collect(commits);
      for (let i = 1; i < versions.length; i++) {
        expect(steps[i]!.diff, `step ${i}`).toEqual(
          diffRegisters(loadRegister(encode(versions[i - 1]!)), loadRegister(encode(versions[i]!))),
        );
      }
    },
  );
});
