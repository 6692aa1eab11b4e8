import { describe, expect, it } from 'vitest';
import { recordContext } from '../../../scripts/publish/site/pages/recordContext.ts';
import { certificateLd, providerLd } from '../../../scripts/publish/site/records/structuredData.ts';
import { renderProviderPage } from '../../../scripts/publish/site/pages/providerPage.ts';
import { serializeJsonLd } from '../../../scripts/lib/jsonLd.ts';
import { siteFixture } from '../../support/siteRegister.ts';

const { register, site } = siteFixture();
const ctx = recordContext(register, site);
const provider = (id: string) => register.providerById.get(id)!;

/** The JSON-LD blocks of a page, parsed as a crawler would. */
const blocks = (page: string) =>
  [...page.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)].map((m) =>
    JSON.parse(m[1]!),
  );

describe('providerLd', () => {
  it('describes the provider as an NGO with its identifiers, areas and kitemark', () => {
    const ld = providerLd(provider('P000001'), site, ctx.title) as {
      identifier: unknown[];
      areaServed: unknown[];
      hasCertification: { hasMeasurement: unknown[] }[];
    };
    expect(ld).toMatchObject({ '@context': 'https://schema.org', '@type': 'NGO' });
    expect(ld.identifier).toContainEqual({
      '@type': 'PropertyValue',
      propertyID: 'kitemark-provider-id',
      value: 'P000001',
    });
    expect(ld.areaServed.length).toBeGreaterThan(0);
    const [award] = ld.hasCertification;
    expect(award).toMatchObject({
      '@type': 'Certification',
      identifier: 'KM-000001',
      certificationStatus: 'https://schema.org/CertificationActive',
      issuedBy: { '@type': 'Organization' },
      validFrom: '2025-02-01',
    });
    expect(award!.hasMeasurement[0]).toMatchObject({ '@type': 'DefinedTerm' });
  });

  it('is one parseable block on the page, and no value can close the script', () => {
    const page = renderProviderPage(provider('P000003'), ctx);
    const [ld] = blocks(page);
    expect(ld.name).toBe(provider('P000003').name);
    expect(serializeJsonLd({ name: '</script><script>alert(1)</script>' })).not.toContain(
      '</script><script>',
    );
  });
});

describe('certificateLd', () => {
  it('gives an application no active status and names the holder', () => {
    const a = register.accreditationById.get('KM-000002')!;
    const ld = certificateLd(a, provider('P000002'), site, ctx.title) as Record<string, unknown>;
    expect(ld['certificationStatus']).toBe('https://schema.org/CertificationInactive');
    expect(ld['about']).toMatchObject({ '@type': 'NGO', name: provider('P000002').name });
  });
});
