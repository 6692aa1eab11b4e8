import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishHsds } from '../../scripts/publish/hsds/publishHsds.ts';
import { loadRegister } from '../../scripts/lib/loadRegister.ts';
import { siteFixture, siteFixtureFiles } from '../support/siteRegister.ts';
import { toSources } from '../support/register.ts';
import { hsdsSchema, readJson, schemaErrors } from '../support/hsdsSchemas.ts';

const { register, site } = siteFixture();
let out: string;
beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'kitemark-publish-hsds-'));
  const loaded = loadRegister(toSources(siteFixtureFiles()));
  await publishHsds({ register, loaded, site, outDir: out, dataDir: out });
}, 120_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

const services = () =>
  readdirSync(join(out, 'hsds/services'))
    .filter((f) => !f.includes('.'))
    .map((f) => readJson<Record<string, unknown>>(join(out, 'hsds/services', f)));

describe('the HSDS publisher of the site build', () => {
  it('writes the feed under hsds/, pointing at the site’s own address', () => {
    expect(readJson(join(out, 'hsds/index.json'))).toMatchObject({
      openapi_url: 'https://register.example/kitemark/hsds/openapi.json',
    });
    expect(readJson<{ servers: unknown }>(join(out, 'hsds/openapi.json')).servers).toEqual([
      { url: 'https://register.example/kitemark/hsds/' },
    ]);
  });

  it('links each organization to its page and each kitemark to its certificate', () => {
    const validate = hsdsSchema('compiled/service.json');
    const all = services();
    expect(all).toHaveLength(register.providers.reduce((n, p) => n + p.services.length, 0));
    for (const s of all) {
      expect(validate(s), schemaErrors(validate)).toBe(true);
      expect((s['organization'] as { uri: string }).uri).toMatch(
        /^https:\/\/register\.example\/kitemark\/providers\/P\d{6}\/$/,
      );
    }
    const accredited = all.filter((s) => s['accreditations']);
    expect(accredited.length).toBeGreaterThan(0);
    for (const s of accredited) {
      expect(s['accreditations']).toMatch(
        /Check it at https:\/\/register\.example\/kitemark\/certificates\/KM-\d{6}\/$/,
      );
    }
  });
});
