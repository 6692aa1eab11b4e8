/**
 * The contract pages' views (site/contracts/views/), rendered as the build renders them, from a
 * template whose headings and text hold HTML: every value escaped, every in-page link landing,
 * one h1 and headings in order, the site's base path on every link.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { siteInfo } from '../../scripts/publish/kit/siteInfo.ts';
import type { RegisterMetadata } from '../../scripts/lib/types.generated.ts';
import { catalogueContracts } from '../../scripts/lib/contracts/catalogueContracts.ts';
import { buildContractDownloads } from '../../scripts/lib/contracts/buildContractDownloads.ts';
import { renderContractsIndex } from '../../site/contracts/views/renderContractsIndex.ts';
import { renderContractTemplatePage } from '../../site/contracts/views/renderContractTemplatePage.ts';
import { renderContractVersionPage } from '../../site/contracts/views/renderContractVersionPage.ts';
import { renderFillPage } from '../../site/contracts/views/renderFillPage.ts';
import {
  renderComparePage,
  renderComparePicker,
} from '../../site/contracts/views/renderComparePages.ts';
import { ROOT, loadTemplates, realTitles, templateFiles } from '../support/contracts.ts';

const meta = JSON.parse(readFileSync(join(ROOT, 'data/register.json'), 'utf8')) as RegisterMetadata;
const site = siteInfo(meta, { today: '2026-06-01', basePath: '/kitemark/' });
const titles = realTitles();
const [entry] = catalogueContracts(
  loadTemplates(templateFiles('hostile-markup')).templates,
  [
    {
      commissioner_id: 'E06000059',
      name: 'Dorset <Council>',
      type: 'local-authority',
      accepts_kitemark_since: '2025-01-01',
      contract_templates: ['mini-contract'],
    },
  ],
  titles,
);
const latest = entry!.versions[0]!;
const older = entry!.versions[1]!;
const downloads = await buildContractDownloads(latest.template, titles);

const pages: [string, string][] = [
  ['index', renderContractsIndex(site, [entry!], titles)],
  ['template', renderContractTemplatePage(site, entry!, { 'local-authority': 'Local authority' })],
  ['version', renderContractVersionPage(site, entry!, latest, titles, downloads)],
  ['older version', renderContractVersionPage(site, entry!, older, titles, downloads)],
  ['fill', renderFillPage(site, entry!, latest, titles, downloads)],
  ['compare', renderComparePage(site, entry!, older, latest, titles)],
  ['picker', renderComparePicker(site, entry!)],
];

describe.each(pages)('the %s page', (_, page) => {
  it('escapes every value: HTML in the template shows as text', () => {
    expect(page).not.toMatch(/<script\b(?![^>]*type="module" src="\/kitemark\/assets\/)/);
    expect(page).not.toContain('<img');
    expect(page).not.toContain('Dorset <Council>');
  });

  it('has one h1 and no heading that skips a level', () => {
    const levels = [...page.matchAll(/<h([1-6])[\s>]/g)].map((m) => Number(m[1]));
    expect(levels.filter((l) => l === 1)).toHaveLength(1);
    for (let i = 1; i < levels.length; i++)
      expect(levels[i]! - levels[i - 1]!).toBeLessThanOrEqual(1);
  });

  it('links only to anchors that exist, and to the site under its base path', () => {
    const ids = new Set([...page.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]));
    const anchors = [...page.matchAll(/ href="#([^"]*)"/g)].map((m) => m[1]);
    expect(anchors.filter((a) => !ids.has(a))).toEqual([]);
    const links = [...page.matchAll(/ (?:href|src|action)="(\/[^"]*)"/g)].map((m) => m[1]!);
    expect(links.filter((l) => !l.startsWith('/kitemark/'))).toEqual([]);
    expect(new Set([...page.matchAll(/ id="([^"]+)"/g)].map((m) => m[1])).size).toBe(
      [...page.matchAll(/ id="([^"]+)"/g)].length,
    );
  });

  it('has no inline script or style, as the content security policy requires', () => {
    expect(page).not.toMatch(/ style="|<style|<script>|<script (?!type="module" src=)/);
  });
});

/** Whitespace does not matter in HTML; the formatter moves it about in the templates. */
const squash = (html: string) => html.replace(/\s+/g, ' ');

describe('the version page', () => {
  const page = squash(pages[2]![1]);
  it('offers every download with its size, and the parameters it asks for', () => {
    for (const ext of ['docx', 'md', 'html', 'json']) {
      expect(page).toContain(
        `href="/kitemark/contracts/mini-contract/1.1.0/mini-contract-1.1.0.${ext}" download`,
      );
    }
    expect(page).toContain('<tr id="parameter-term_years">');
    expect(page).toContain('From 3 to 10');
    expect(page).toContain('<option value="risk-allocation">Risk allocation (1)</option>');
    expect(page).toContain(
      '<input type="checkbox" id="show-guidance" name="guidance" value="show" checked />',
    );
  });
});

describe('the older version page', () => {
  it('says it has been replaced, and by which version', () => {
    expect(pages[3]![1]).toMatch(/This version has been replaced by version 1\.1\.0\.<\/strong>/);
  });
});

describe('the fill page', () => {
  const page = squash(pages[4]![1]);
  it('has a labelled control for every parameter, hidden until the script runs', () => {
    expect(page).toMatch(
      /<form class="contract-fill-form no-print" id="fill-form"[^>]* novalidate\s+hidden/,
    );
    for (const name of ['provider_name', 'term_years', 'contract_value']) {
      expect(page).toContain(`<label class="field__label" for="p-${name}">`);
      expect(page).toContain(`id="p-${name}"`);
    }
    expect(page).toContain('inputmode="numeric"');
    // Named `p-…`, so a parameter called `hidden` or `elements` cannot shadow the form's own properties.
    expect(page).toContain('name="p-term_years"');
    expect(page).not.toMatch(/ name="(provider_name|term_years|contract_value)"/);
    expect(page).toMatch(/<span class="field__prefix" aria-hidden="true">£<\/span ?>/);
  });
});
