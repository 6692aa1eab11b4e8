/** A search manifest's lists, small enough to read: for the browser search modules' tests. */
export const SEARCH_LISTS = {
  statuses: [
    { code: 'accredited', title: 'Accredited' },
    { code: 'expired', title: 'Expired' },
  ],
  regions: [{ code: 'E12000009', title: 'South West' }],
  las: [{ code: 'E06000059', title: 'Dorset Council', region: 0 }],
  services: [
    { code: 'advocacy', title: 'Advocacy' },
    { code: 'befriending', title: 'Befriending' },
  ],
  groups: [{ code: 'carers', title: 'Unpaid carers' }],
};
