/**
 * What the browser's place search needs from the geography, bundled by the build to
 * `assets/search/geography.js` (publishSearchIndex.ts): the browser reads postcodes and place
 * names and words distances exactly as the build does.
 */
export { parsePostcodeQuery } from './placeQuery.ts';
export { placeKey } from './placeKey.ts';
export { describeDistance, distanceMiles } from './distance.ts';
