// A small seminar report the parser reads: a title in quotes, a date and venue, three numbered
// recommendations (the second over two lines), for the import tests.
export const SAMPLE_REPORT = `“Water Security in South Asia”

A round table held on 14 March 2015 at the Institute of Regional Studies, Islamabad.

Summary

The participants discussed the state of water cooperation in the region.

Recommendations

1. Both governments should set up a joint commission on water data sharing.
2. The treaty mechanisms should be strengthened through regular meetings of the
   commissioners.
3. Provincial governments should invest in canal lining and on-farm water management.

Annex

List of participants.
`;

export const SAMPLE_ITEM_TEXTS = [
  'Both governments should set up a joint commission on water data sharing.',
  'The treaty mechanisms should be strengthened through regular meetings of the commissioners.',
  'Provincial governments should invest in canal lining and on-farm water management.',
];
