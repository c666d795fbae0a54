import type { Kysely } from 'kysely';
import type { KeyRing } from '../server/platform/crypto/field-encryption';
import type { Database } from '../server/platform/db/schema';
import { isEmpty, saveDemoCredentials, seedDemo } from '../server/seed/seed-demo';
import { generateSynthetic, type SyntheticSize } from '../server/seed/synthetic';

export const scales = ['demo', 'municipality', 'county', 'national'] as const;
export type Scale = (typeof scales)[number];

/** Sizes per scale: a mid-sized municipality, a county of 15, and all 290 municipalities. */
export const scaleSizes: Record<Exclude<Scale, 'demo'>, SyntheticSize> = {
  municipality: {
    municipalities: 1,
    usersPerMunicipality: 60,
    personsPerMunicipality: 5_000,
    auditEventsPerMunicipality: 100_000,
  },
  county: {
    municipalities: 15,
    usersPerMunicipality: 40,
    personsPerMunicipality: 2_000,
    auditEventsPerMunicipality: 40_000,
  },
  national: {
    municipalities: 290,
    usersPerMunicipality: 40,
    personsPerMunicipality: 2_000,
    auditEventsPerMunicipality: 40_000,
  },
};

export const runSeed = async (
  db: Kysely<Database>,
  keys: KeyRing,
  scale: Scale,
  print: (line: string) => void,
  dataDir: string,
) => {
  const started = Date.now();
  if (scale === 'demo') {
    if (!(await isEmpty(db))) {
      print('Databasen har redan data; demon skapas bara i en tom databas.');
      return;
    }
    const credentials = await seedDemo(db, keys);
    saveDemoCredentials(dataDir, credentials);
    print(`Demo skapad med ${credentials.length} användare (lösenorden visas vid npm start).`);
    return;
  }
  const result = await generateSynthetic(db, keys, scaleSizes[scale], print);
  print(
    `Syntetiska data (${scale}): ${result.municipalities} kommuner, ${result.persons} personer, ${result.auditEvents} logghändelser på ${((Date.now() - started) / 1000).toFixed(1)} s.`,
  );
};
