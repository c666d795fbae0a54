/**
 * Where to turn right away when a screening answer is positive. National lines are the same
 * everywhere; each municipality adds its own units (the VINR team, the shelter) from its
 * organisation. Numbers are public services' published numbers.
 */
export type SupportResource = {
  name: string;
  phone: string | null;
  forTopic: 'exposure' | 'perpetration' | 'both';
  note: string;
};

export const nationalResources: readonly SupportResource[] = [
  { name: 'Polis – SOS Alarm', phone: '112', forTopic: 'both', note: 'Vid akut fara, alltid.' },
  {
    name: 'Kvinnofridslinjen',
    phone: '020-50 50 50',
    forTopic: 'exposure',
    note: 'Nationell stödtelefon, dygnet runt, kostnadsfri.',
  },
  {
    name: 'Välj att sluta',
    phone: '020-555 666',
    forTopic: 'perpetration',
    note: 'Stödlinje för den som utövar våld mot en närstående.',
  },
];
