import { calendarDate } from './calendar-date';
import { z } from 'zod';
import {
  exitDestinations,
  providerKinds,
  schoolArrangements,
  specialisations,
  visitModes,
} from '../domain/housing/catalogue';
import { placeRequestStatuses } from '../domain/housing/placement';

export const tags = ['skyddat boende'];
export { calendarDate };
export const created = { 201: z.object({ id: z.string() }) };
export const housingUnitParams = z.object({ housingUnitId: z.string().uuid('Ogiltigt id') });
export const requestParams = z.object({ requestId: z.string().uuid('Ogiltigt id') });
const needs = z.array(z.enum(specialisations)).max(specialisations.length).default([]);
const count = (message: string) => z.number({ error: message }).int(message);

export const directoryQuery = z.object({
  // Comma-separated specialisation codes: ?needs=pets,sonsAnyAge
  needs: z
    .string()
    .max(400)
    .default('')
    .transform((value) => value.split(',').filter(Boolean))
    .pipe(z.array(z.enum(specialisations, 'Okänt behov'))),
});

export const housingUnitView = z.object({
  id: z.string(),
  organisationId: z.string(),
  organisationName: z.string(),
  name: z.string(),
  providerKind: z.enum(providerKinds),
  ivoPermit: z.string().nullable(),
  specialisations: z.array(z.enum(specialisations)),
  areaDescription: z.string(),
  address: z.string().nullable(),
  phone: z.string(),
  capacity: z.number().int(),
  occupied: z.number().int(),
  freePlaces: z.number().int(),
  missingNeeds: z.array(z.enum(specialisations)),
  own: z.boolean(),
  availabilityUpdatedAt: z.string(),
  availabilityUpdatedByName: z.string(),
  version: z.number().int(),
});

export const housingUnitBody = z.object({
  name: z.string().max(200),
  providerKind: z.enum(providerKinds),
  ivoPermit: z.string().max(100).nullable().default(null),
  specialisations: needs,
  areaDescription: z.string().max(200),
  address: z.string().max(400).nullable().default(null),
  phone: z.string().max(40),
  capacity: count('Ange antalet platser som ett heltal.'),
  occupied: count('Ange antalet belagda platser som ett heltal.'),
  version: z.number().int().default(0),
});

export const placeRequestBody = z.object({
  housingUnitId: z.string().uuid('Välj ett boende i katalogen.'),
  places: count('Ange antalet platser som ett heltal.'),
  children: count('Ange antalet barn som ett heltal.'),
  needs,
  wantedFrom: calendarDate,
  note: z.string().max(2000).default(''),
});

export const placeRequestView = z.object({
  id: z.string(),
  incoming: z.boolean(),
  from: z.string(),
  fromUser: z.string(),
  housingUnitId: z.string(),
  housingUnitName: z.string(),
  caseId: z.string().nullable(),
  places: z.number().int(),
  children: z.number().int(),
  needs: z.array(z.enum(specialisations)),
  note: z.string(),
  wantedFrom: z.string(),
  status: z.enum(placeRequestStatuses),
  sentAt: z.string(),
  answeredBy: z.string().nullable(),
  answer: z.string().nullable(),
  released: z.boolean(),
  version: z.number().int(),
});

/** The version the change was based on; a newer stored version gives 409. */
export const versionBody = z.object({ version: z.number().int().positive() });

export const answerBody = z.object({
  offer: z.boolean(),
  message: z.string().max(2000).default(''),
  version: z.number().int(),
});

export const unmetNeedBody = z.object({
  unitId: z.string().uuid('Välj enhet'),
  places: count('Ange antalet platser som ett heltal.'),
  children: count('Ange antalet barn som ett heltal.'),
  needs,
  note: z.string().max(2000).default(''),
});

export const unmetNeedView = z.object({
  id: z.string(),
  recordedOn: z.string(),
  places: z.number().int(),
  children: z.number().int(),
  needs: z.array(z.enum(specialisations)),
  note: z.string(),
});

export const placementBody = z.object({
  requestId: z.string().uuid('Välj ett erbjudande').nullable().default(null),
  providerName: z.string().max(200).default(''),
  startOn: calendarDate,
  plannedEndOn: calendarDate.nullable().default(null),
  costPerDay: z.number({ error: 'Ange kostnaden i kronor.' }).nullable().default(null),
});

export const childBody = z.object({
  firstName: z.string().max(100),
  bornYear: count('Ange födelseåret som ett årtal.'),
  decisionOn: calendarDate.nullable().default(null),
  school: z.enum(schoolArrangements, 'Välj hur barnet går i skolan.'),
  schoolNote: z.string().max(2000).default(''),
});

export const visitBody = z.object({
  visitedOn: calendarDate,
  mode: z.enum(visitModes, 'Välj hur besöket gjordes.'),
  note: z.string().max(4000).default(''),
});

export const exitPlanBody = z.object({
  debts: z.enum(['none', 'some', 'unknown']),
  rentalContract: z.enum(['has', 'applying', 'none']),
  housingCompanyContacted: z.boolean(),
  version: z.number().int(),
});

export const exitBody = z.object({
  endOn: calendarDate,
  destination: z.enum(exitDestinations, 'Välj vart personen flyttade.'),
  note: z.string().max(2000).default(''),
  version: z.number().int(),
});

export const placementView = z.object({
  id: z.string(),
  requestId: z.string().nullable(),
  providerName: z.string(),
  startOn: z.string(),
  plannedEndOn: z.string().nullable(),
  endOn: z.string().nullable(),
  current: z.boolean(),
  costPerDay: z.number().nullable(),
  debts: z.enum(['none', 'some', 'unknown']),
  rentalContract: z.enum(['has', 'applying', 'none']),
  housingCompanyContacted: z.boolean(),
  exitDestination: z.enum(exitDestinations).nullable(),
  exitNote: z.string().nullable(),
  exitPlanOpenItems: z.array(z.string()),
  arrival: z.string().nullable(),
  version: z.number().int(),
  children: z.array(
    z.object({
      id: z.string(),
      firstName: z.string(),
      bornYear: z.number().int(),
      decisionOn: z.string().nullable(),
      school: z.enum(schoolArrangements),
      schoolNote: z.string(),
    }),
  ),
  visits: z.array(
    z.object({
      id: z.string(),
      visitedOn: z.string(),
      mode: z.enum(visitModes),
      note: z.string(),
    }),
  ),
});

export type HousingUnit = z.infer<typeof housingUnitView>;
export type PlaceRequest = z.infer<typeof placeRequestView>;
export type Placement = z.infer<typeof placementView>;
