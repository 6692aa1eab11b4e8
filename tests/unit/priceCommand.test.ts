import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { kitemark } from '../support/cli.ts';
import { ROOT } from '../support/register.ts';

const PUBLISHED = join(ROOT, 'data/cost-statements/P000001-carers-breaks.json');

function temp(): string {
  return mkdtempSync(join(tmpdir(), 'kitemark-price-'));
}

describe('kitemark price', () => {
  it('writes a blank CSV template with a line for every cost category', () => {
    const out = join(temp(), 'blank.csv');
    const run = kitemark(['price', '--template', '--out', out]);
    expect(run.status).toBe(0);
    const csv = readFileSync(out, 'utf8');
    const categories = readFileSync(join(ROOT, 'data/codelists/cost-categories.csv'), 'utf8')
      .split('\n')
      .slice(1)
      .filter(Boolean)
      .map((l) => l.split(',')[0]);
    for (const c of categories) expect(csv).toMatch(new RegExp(`^${c},`, 'm'));
    expect(csv.trimEnd().split('\n').at(-1)).toMatch(/^contingency-and-reserves,/);
  });

  it('prices a filled template and prints the working, line by line', () => {
    const dir = temp();
    const blank = join(dir, 'blank.csv');
    kitemark(['price', '--template', '--out', blank]);
    const filled = readFileSync(blank, 'utf8')
      .replace('provider_name,', 'provider_name,Harbour Carers Trust')
      .replace('service_name,', 'service_name,Carers advice')
      .replace('prepared_on,', 'prepared_on,2026-11-30')
      .replace('unit,', 'unit,hour')
      .replace('volume,', 'volume,500')
      .replace(/^direct-staff,([^,]*),direct,/m, 'direct-staff,$1,direct,20000')
      .replace(/^premises,([^,]*),floor-area,,/m, 'premises,$1,floor-area,,10000,25,75');
    writeFileSync(join(dir, 'filled.csv'), filled);
    const run = kitemark(['price', '--in', join(dir, 'filled.csv')]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    // £20,000 + £10,000 × 25 ÷ 100 = £22,500; ÷ 500 hours = £45
    expect(run.stdout).toContain('£10,000 shared × 25 ÷ (25 + 75) square metres = £2,500');
    expect(run.stdout).toContain('Full cost £22,500; price per hour £45');
    expect(run.stdout).toContain('£2,500 short: 11.1% of full cost');
  });

  it('exits 1 naming the file, line, cell and field of each mistake', () => {
    const dir = temp();
    const csv = readFileSync(PUBLISHED.replace('.json', '.json'), 'utf8');
    writeFileSync(join(dir, 'bad.json'), csv.replace('"volume": 1200', '"volume": 0'));
    const run = kitemark(['price', '--in', join(dir, 'bad.json'), '--out', join(dir, 'out.json')]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /bad\.json:8:3: error cost\/zero-volume \(\/volume\): The volume is zero or missing, so there is no price per unit\. Fix: Enter how many sessions/,
    );
  });

  it('round-trips the published statement through CSV and XLSX unchanged', async () => {
    const dir = temp();
    const statement = JSON.parse(readFileSync(PUBLISHED, 'utf8'));
    for (const ext of ['csv', 'xlsx']) {
      expect(kitemark(['price', '--in', PUBLISHED, '--out', join(dir, `s.${ext}`)]).status).toBe(0);
      expect(
        kitemark(['price', '--in', join(dir, `s.${ext}`), '--out', join(dir, `${ext}.json`)])
          .status,
      ).toBe(0);
      expect(JSON.parse(readFileSync(join(dir, `${ext}.json`), 'utf8'))).toEqual(statement);
    }
    // In the workbook, figures are numbers and no cell is a formula.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(dir, 's.xlsx'));
    const sheet = workbook.getWorksheet('Cost statement')!;
    const values: unknown[] = [];
    sheet.eachRow((row) => row.eachCell((cell) => values.push(cell.value)));
    expect(values).toContain(86400);
    expect(values.some((v) => typeof v === 'object' && v !== null && 'formula' in v)).toBe(false);
  });

  it('compares two statements side by side', () => {
    const dir = temp();
    // The same costs over 1,000 sessions instead of 1,200, its totals left to be worked out.
    const { totals: _, ...fewer } = {
      ...JSON.parse(readFileSync(PUBLISHED, 'utf8')),
      volume: 1000,
    };
    writeFileSync(join(dir, 'b.json'), JSON.stringify(fewer));
    const run = kitemark(['price', '--in', PUBLISHED, '--compare', join(dir, 'b.json')]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Full cost\s+£127,076\.25\s+£127,076\.25\s+£0/);
    // 12,707,625p ÷ 1,000 = 12,707.6p → £127.08, against £105.90 a session.
    expect(run.stdout).toMatch(/Price per session\s+£105\.90\s+£127\.08\s+\+£21\.18/);
  });
});
