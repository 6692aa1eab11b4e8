// The build bundles scripts/lib/geography/browserPlaces.ts to geography.js beside this file
// (scripts/site/publishSearchIndex.ts); these are its types.
export * from '../../../scripts/lib/geography/browserPlaces.ts';
