import { describe, expect, it } from 'vitest';
import {
  normaliseBasePath,
  normaliseSiteUrl,
  siteInfo,
} from '../../../scripts/publish/kit/siteInfo.ts';
import type { RegisterMetadata } from '../../../scripts/lib/types.generated.ts';

const META: RegisterMetadata = {
  name: 'kitemark-register',
  title: 'Kitemark Register',
  description: 'd',
  publisher: { name: 'Maintainers', url: 'https://github.com/kitemark-register/kitemark-register' },
  licence: {
    name: 'OGL-UK-3.0',
    title: 'Open Government Licence v3.0',
    path: 'https://ogl.example/',
  },
  version: '1.2.3',
  homepage: 'https://kitemark-register.github.io/kitemark-register/',
};

describe('normaliseBasePath', () => {
  it('always starts and ends with one slash', () => {
    expect(normaliseBasePath(undefined)).toBe('/');
    expect(normaliseBasePath('')).toBe('/');
    expect(normaliseBasePath('kitemark-register')).toBe('/kitemark-register/');
    expect(normaliseBasePath('//a//b/')).toBe('/a/b/');
  });
  it('refuses parent folders and characters that need escaping', () => {
    expect(() => normaliseBasePath('/../x/')).toThrow();
    expect(() => normaliseBasePath('/a b/')).toThrow();
    expect(() => normaliseBasePath('/"><script>/')).toThrow();
  });
});

describe('normaliseSiteUrl', () => {
  it('ends with a slash and drops query and fragment', () => {
    expect(normaliseSiteUrl('https://x.example/a?b#c')).toBe('https://x.example/a/');
  });
  it('refuses non-web addresses', () => {
    expect(() => normaliseSiteUrl('javascript:alert(1)')).toThrow();
  });
});

describe('siteInfo', () => {
  it('takes the address from the register homepage unless told otherwise', () => {
    const site = siteInfo(META, { today: '2026-06-01' });
    expect(site).toMatchObject({
      basePath: '/',
      url: 'https://kitemark-register.github.io/kitemark-register/',
      version: '1.2.3',
      repositoryUrl: 'https://github.com/kitemark-register/kitemark-register',
      illustrative: false,
    });
    expect(siteInfo(META, { today: '2026-06-01', siteUrl: 'http://localhost:8080' }).url).toBe(
      'http://localhost:8080/',
    );
  });
});
