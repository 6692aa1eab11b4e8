import { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../scripts/cli/main.ts';
import { kitemark } from '../support/cli.ts';
import { ROOT, VALID_FIXTURE } from '../support/register.ts';

/** A copy of the valid fixture with the real codelists, in a temporary folder. */
function fixtureDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kitemark-cli-'));
  cpSync(VALID_FIXTURE, dir, { recursive: true });
  cpSync(join(ROOT, 'data/codelists'), join(dir, 'codelists'), { recursive: true });
  return dir;
}

function breakPostcode(dir: string): void {
  const path = join(dir, 'providers.csv');
  writeFileSync(path, readFileSync(path, 'utf8').replace('DT1 1AB', 'dt11ab'));
}

describe('kitemark validate', () => {
  it('exits 0 on a valid register and says so', () => {
    const run = kitemark(['validate', '--data', fixtureDir()]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/3 providers, 3 accreditations, 24 documents, 2 commissioners/);
    expect(run.stdout).toMatch(/0 errors, 0 warnings\./);
  });

  it('exits 1 with errors grouped by code, each with its place and fix', () => {
    const dir = fixtureDir();
    breakPostcode(dir);
    const run = kitemark(['validate', '--data', dir]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('error postcode/format (1)');
    expect(run.stdout).toMatch(
      /providers\.csv:2:12 postcode: Postcode "dt11ab" is not a UK postcode\./,
    );
    expect(run.stdout).toContain('fix: write it as "DT1 1AB"');
  });

  it('prints the issues as a JSON array with --format json', () => {
    const dir = fixtureDir();
    breakPostcode(dir);
    const run = kitemark(['validate', '--data', dir, '--format', 'json']);
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout)).toEqual([
      {
        severity: 'error',
        code: 'postcode/format',
        file: 'providers.csv',
        line: 2,
        column: 12,
        field: 'postcode',
        message: 'Postcode "dt11ab" is not a UK postcode.',
        fix: 'write it as "DT1 1AB"',
      },
    ]);
  });

  it('prints workflow annotations on the exact line with --format github', () => {
    const dir = fixtureDir();
    breakPostcode(dir);
    const run = kitemark(['validate', '--data', 'providers-data', '--format', 'github'], {
      cwd: join(dir, '..'),
    });
    expect(run.status).toBe(2); // no such folder: a usage error, not a crash
    const here = kitemark(['validate', '--data', dir, '--format', 'github'], { cwd: dir });
    expect(here.stdout).toContain(
      '::error title=postcode/format,file=providers.csv,line=2,col=12::Postcode "dt11ab" is not a UK postcode. Fix: write it as "DT1 1AB"',
    );
  });

  it('lists at most 1,000 issues of a code in JSON, counts the rest and says run fix', () => {
    const dir = fixtureDir();
    const path = join(dir, 'documents.csv');
    const [header, first] = readFileSync(path, 'utf8').split('\n');
    const wrong = first!.replace(/(\d{4})-(\d{2})-(\d{2})/g, '$3/$2/$1');
    writeFileSync(path, [header, ...Array.from({ length: 800 }, () => wrong), ''].join('\n'));
    const run = kitemark(['validate', '--data', dir, '--format', 'json']);
    expect(run.status).toBe(1);
    const issues = JSON.parse(run.stdout) as { code: string; omitted?: number; fix?: string }[];
    const dates = issues.filter((i) => i.code === 'date/format');
    expect(dates).toHaveLength(1001);
    expect(dates.at(-1)).toMatchObject({ omitted: 1400 });
    expect(dates.at(-1)!.fix).toContain('Run `kitemark fix`');
    const text = kitemark(['validate', '--data', dir]);
    expect(text.stdout).toContain('… and 2,395 more like this: run `kitemark fix`');
    expect(text.stdout).toMatch(/\d,\d{3} errors/);
  });

  it('never lets a cell send terminal escapes or workflow commands to the log', () => {
    const dir = fixtureDir();
    const path = join(dir, 'providers.csv');
    const evil = '"Harbour \u001B[2J\n::error file=README.md::pwned\n::add-mask::x"';
    writeFileSync(path, readFileSync(path, 'utf8').replace('Harbour Carers Trust', evil));
    const run = kitemark(['validate', '--data', dir]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('text/invisible');
    expect(run.stdout).not.toContain('\u001B');
    expect(run.stdout.split('\n').filter((l) => /^\s*::/.test(l))).toEqual([]);
  });

  it('exits 2 for bad usage, with a hint and no stack trace', () => {
    for (const args of [
      ['validate', '--format', 'xml'],
      ['validate', '--bogus'],
      ['nonsense'],
      ['validate', '--today', 'soon'],
    ]) {
      const run = kitemark(args);
      expect(run.status).toBe(2);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('survives a data folder of garbage without a stack trace', () => {
    const dir = fixtureDir();
    writeFileSync(join(dir, 'providers.csv'), Buffer.from([0xff, 0xfe, 0x00, 0x41, 0x0a, 0x22]));
    writeFileSync(join(dir, 'register.json'), '{"name":');
    writeFileSync(join(dir, 'codelists/services.csv'), '');
    const run = kitemark(['validate', '--data', dir]);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/csv\/binary|csv\/encoding/);
    expect(run.stdout).toContain('json/syntax');
  });
});

describe('--help', () => {
  it('is there for every command', () => {
    for (const command of COMMANDS) {
      const run = kitemark([command.name, '--help']);
      expect(run.status).toBe(0);
      expect(run.stdout).toContain(`Usage: kitemark ${command.name}`);
    }
    expect(kitemark(['--help']).stdout).toMatch(/Commands:/);
  });
});

describe('kitemark fix', () => {
  it('repairs the files in place, and --check reports what would change', () => {
    const dir = fixtureDir();
    breakPostcode(dir);
    const check = kitemark(['fix', '--data', dir, '--check']);
    expect(check.status).toBe(1);
    expect(check.stdout).toContain('providers.csv: postcode (1)');
    expect(kitemark(['fix', '--data', dir]).status).toBe(0);
    expect(kitemark(['validate', '--data', dir]).status).toBe(0);
    expect(kitemark(['fix', '--data', dir, '--check']).stdout).toContain('Nothing to fix.');
  });
});

describe('leftovers of an interrupted write', () => {
  // Above Linux's largest process ID, so no process can be running with it.
  const DEAD = 4_194_305;

  it('are reported by validate and removed by fix, which never leaves its own', () => {
    const dir = fixtureDir();
    const leftover = join(dir, `providers.csv.tmp-${DEAD}`);
    writeFileSync(leftover, 'provider_id,name\nP0');
    const validate = kitemark(['validate', '--data', dir, '--format', 'json']);
    expect(validate.status).toBe(0);
    expect(JSON.parse(validate.stdout)).toMatchObject([
      { severity: 'warning', code: 'file/leftover', file: `providers.csv.tmp-${DEAD}` },
    ]);
    breakPostcode(dir);
    const fix = kitemark(['fix', '--data', dir]);
    expect(fix.status).toBe(0);
    expect(fix.stdout).toContain(`providers.csv.tmp-${DEAD}: removed`);
    expect(readdirSync(dir).filter((f) => f.includes('.tmp-'))).toEqual([]);
    expect(kitemark(['validate', '--data', dir]).stdout).toContain('0 errors, 0 warnings.');
  });
});

describe('kitemark generate', () => {
  it('writes the same valid register for the same size, seed and date', () => {
    const a = join(mkdtempSync(join(tmpdir(), 'kitemark-gen-')), 'reg');
    const b = join(mkdtempSync(join(tmpdir(), 'kitemark-gen-')), 'reg');
    for (const out of [a, b]) {
      expect(kitemark(['generate', '--providers', '120', '--seed', '7', '--out', out]).status).toBe(
        0,
      );
    }
    for (const file of [
      'providers.csv',
      'accreditations.csv',
      'documents.csv',
      'commissioners.csv',
    ]) {
      expect(readFileSync(join(a, file), 'utf8')).toBe(readFileSync(join(b, file), 'utf8'));
    }
    const run = kitemark(['validate', '--data', a, '--format', 'json']);
    expect(run.status).toBe(0);
    const codes = new Set((JSON.parse(run.stdout) as { code: string }[]).map((i) => i.code));
    // Every accreditation state a reader can meet is in a generated register.
    expect(codes).toContain('accreditation/expiring');
    expect(codes).toContain('accreditation/expired');
    const statuses = new Set(
      readFileSync(join(a, 'accreditations.csv'), 'utf8')
        .split('\n')
        .slice(1)
        .map((l) => l.split(',')[2]),
    );
    for (const s of ['applied', 'accredited', 'suspended', 'withdrawn', 'lapsed'])
      expect(statuses).toContain(s);
  });

  it('refuses a size that is not a whole number', () => {
    expect(kitemark(['generate', '--providers', 'lots', '--out', tmpdir()]).status).toBe(2);
  });
});
