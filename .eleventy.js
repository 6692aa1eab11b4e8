// Eleventy's configuration only wires the site plugin in, with the loader it uses when
// Eleventy runs by hand; everything else lives in scripts/publish/site/ (see
// docs/architecture.md). TypeScript modules load through tsx.
import { register } from 'tsx/esm/api';

register();
const { kitemarkSitePlugin } = await import('./scripts/publish/site/eleventyPlugin.ts');
const { loadSiteDataFromEnv } = await import('./scripts/build/loadSiteData.ts');

export default function (eleventyConfig) {
  eleventyConfig.addPlugin(kitemarkSitePlugin, { load: loadSiteDataFromEnv });
  return {
    dir: { input: 'site', includes: '_includes', data: '_data' },
    markdownTemplateEngine: 'njk',
    htmlTemplateEngine: 'njk',
    templateFormats: ['11ty.js', 'njk', 'md', 'html'],
  };
}
