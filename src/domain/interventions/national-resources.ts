/**
 * National resources to signpost to (digest 003: perpetrators without children in the household
 * have no channel; victims need a line open at night). Numbers as the organisations publish them;
 * they were not checked against the sources from this machine, so a municipality confirms them
 * before it relies on them (the screen says so).
 */
export type NationalResource = {
  code: string;
  name: string;
  phone: string;
  forWhom: 'victims' | 'perpetrators' | 'children' | 'everyone';
  descriptionSv: string;
  descriptionEn: string;
};

export const nationalResources: readonly NationalResource[] = [
  {
    code: 'kvinnofridslinjen',
    name: 'Kvinnofridslinjen',
    phone: '020-50 50 50',
    forWhom: 'victims',
    descriptionSv:
      'Stöd dygnet runt till den som utsatts för våld, och till anhöriga och yrkesverksamma.',
    descriptionEn:
      'Support around the clock for people subjected to violence, relatives and professionals.',
  },
  {
    code: 'valjAttSluta',
    name: 'Välj att sluta',
    phone: '020-555 666',
    forWhom: 'perpetrators',
    descriptionSv:
      'Stödlinje för den som vill sluta utöva våld i en nära relation, också utan barn.',
    descriptionEn: 'Helpline for people who want to stop using violence in a close relationship.',
  },
  {
    code: 'brottsofferjouren',
    name: 'Brottsofferjouren Sverige',
    phone: '116 006',
    forWhom: 'victims',
    descriptionSv: 'Stöd till brottsutsatta och vittnen.',
    descriptionEn: 'Support for victims of crime and witnesses.',
  },
  {
    code: 'bris',
    name: 'Bris',
    phone: '116 111',
    forWhom: 'children',
    descriptionSv: 'Barn och unga kan ringa eller chatta anonymt.',
    descriptionEn: 'Children and young people can call or chat anonymously.',
  },
  {
    code: 'police',
    name: 'Polisen',
    phone: '114 14 (vid fara: 112)',
    forWhom: 'everyone',
    descriptionSv: 'Anmälan och råd; ring 112 när någon är i fara nu.',
    descriptionEn: 'Reports and advice; call 112 when someone is in danger now.',
  },
];
