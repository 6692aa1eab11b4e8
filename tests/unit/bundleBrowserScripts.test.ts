import { describe, expect, it } from 'vitest';
import { bundleBrowserScripts } from '../../scripts/publish/contracts/bundleBrowserScripts.ts';

describe('bundleBrowserScripts', () => {
  it('bundles the pages’ scripts small: the fill-in form does not carry the docx library', async () => {
    const scripts = await bundleBrowserScripts();
    expect(scripts.map((s) => s.name).sort()).toEqual(['fill.js', 'pricing.js', 'read.js']);
    const fill = scripts.find((s) => s.name === 'fill.js')!.code;
    expect(fill.length).toBeLessThan(60_000);
    expect(fill).not.toMatch(/wordprocessingml\/2006\/main|JSZip/);
    expect(scripts.find((s) => s.name === 'read.js')!.code.length).toBeLessThan(5_000);
    // The calculator carries the cost model and a CSV reader and writer, nothing more.
    const pricing = scripts.find((s) => s.name === 'pricing.js')!.code;
    expect(pricing.length).toBeLessThan(160_000);
    expect(pricing).not.toMatch(/wordprocessingml\/2006\/main|JSZip|exceljs/i);
  });
});
