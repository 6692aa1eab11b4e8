/**
 * Distances between places, in the words the site uses. Apart from geography.ts so the
 * browser bundle (browserPlaces.ts) carries no CSV parser.
 */
const EARTH_RADIUS_MILES = 3958.8;

/** Great-circle distance (haversine); plenty for "about 3 miles". */
export function distanceMiles(
  a: { lat: number; lon: number },
  b: { lat: number; lon: number },
): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_MILES * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** "under a mile", "about 1 mile", "about 3 miles": distances between centroids are approximate. */
export function describeDistance(miles: number): string {
  if (miles < 0.75) return 'under a mile';
  const rounded = Math.round(miles);
  return `about ${rounded} ${rounded === 1 ? 'mile' : 'miles'}`;
}
