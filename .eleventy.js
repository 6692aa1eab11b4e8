// Eleventy's configuration only wires the site plugin in; everything else lives in
// scripts/site/ (see docs/architecture-site.md). TypeScript modules load through tsx.
import { register } from 'tsx/esm/api';

register();
const { kitemarkSitePlugin } = await import('./scripts/site/eleventyPlugin.ts');

export default function (eleventyConfig) {
  eleventyConfig.addPlugin(kitemarkSitePlugin);
  return {
    dir: { input: 'site', includes: '_includes', data: '_data' },
    markdownTemplateEngine: 'njk',
    htmlTemplateEngine: 'njk',
    templateFormats: ['11ty.js', 'njk', 'md', 'html'],
  };
}
