import { QueryClient, useQuery } from '@tanstack/react-query';
import type { RecipientKind } from '../domain/collaboration/grounds';
import { api } from './api';
import type { Unit } from './cases-api';

/**
 * The web app's data cache (TanStack Query). Lookups that several parts of a page need — the
 * organisation's units, the recipient directory, the intervention catalogue — are fetched once
 * and shared, instead of once per section. The cache is emptied whenever the session changes
 * (sign-in, sign-out, another workplace), so nothing of one workplace is shown in another.
 */
export const queryClient = new QueryClient({
  defaultOptions: {
    // A refusal or a missing record is an answer, not a hiccup to retry; lookups change rarely.
    queries: { retry: false, staleTime: 60_000, refetchOnWindowFocus: false },
  },
});

export type InterventionType = {
  id: string;
  name: string;
  eligibility: string;
  provider: string;
  defaultSessions: number;
  defaultWeeks: number | null;
};

/** A unit of another organisation in the county, as the recipient directory gives it. */
export type DirectoryEntry = {
  organisationId: string;
  organisationName: string;
  unitId: string;
  unitName: string;
  recipientKind: RecipientKind;
};

export const queryKeys = {
  units: ['units'],
  recipientDirectory: ['recipient-directory'],
  interventionTypes: ['intervention-types'],
} as const;

export const useUnits = () =>
  useQuery({ queryKey: queryKeys.units, queryFn: () => api<Unit[]>('GET', '/api/units') });

export const useRecipientDirectory = (enabled: boolean) =>
  useQuery({
    queryKey: queryKeys.recipientDirectory,
    queryFn: () => api<DirectoryEntry[]>('GET', '/api/recipient-directory'),
    enabled,
  });

export const useInterventionTypes = () =>
  useQuery({
    queryKey: queryKeys.interventionTypes,
    queryFn: () => api<InterventionType[]>('GET', '/api/intervention-types'),
  });
