import {
  keepPreviousData,
  QueryClient,
  skipToken,
  useQuery,
  type QueryKey,
} from '@tanstack/react-query';
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

/**
 * Where a record's key begins: the parts of its API path, so that related records can be read
 * again (invalidated) together — everything of a case under `['case', caseId]`, of a person under
 * `['person', personId]`. Records outside a case or person use their path's parts as they are,
 * with the query string last, e.g. `['cases', { mine: true }]`.
 */
export const recordKeys = {
  case: (caseId: string, ...parts: unknown[]) => ['case', caseId, ...parts] as const,
  person: (personId: string, ...parts: unknown[]) => ['person', personId, ...parts] as const,
};

/**
 * A record — anything about a person or a case — as a section of a page reads it. Personal data
 * is read afresh every time its section mounts: each read is audited on the server, so a new
 * visit must make a new request (`refetchOnMount: 'always'`), and nothing is served from memory
 * in its place (`staleTime: Infinity` only stops reads that nobody asked for while the section is
 * open). It is not kept once the section is gone (`gcTime: 0`). `path: null` reads nothing yet
 * (a record that waits for another). `keepPrevious` shows what was read before while a changed
 * key (another filter, a newer version of the case) is read, as a section that stays open does.
 *
 * After a change, the section reads its record again with the query's `refetch(throwOnError)`,
 * so a failed read is shown like the failed change it follows.
 */
export const useRecord = <T>(
  key: QueryKey,
  path: string | null,
  { keepPrevious = false }: { keepPrevious?: boolean } = {},
) =>
  useQuery({
    queryKey: key,
    queryFn: path === null ? skipToken : () => api<T>('GET', path),
    enabled: path !== null,
    refetchOnMount: 'always',
    staleTime: Infinity,
    gcTime: 0,
    ...(keepPrevious ? { placeholderData: keepPreviousData } : {}),
  });

/** For `refetch`: a read that fails after a change rejects, so the change's problem shows it. */
export const throwOnError = { throwOnError: true } as const;
