import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Law lives in one place: catalogues/legal-references.json, resolved for the day of the event
 * by src/domain/law. A paragraph written anywhere else goes stale without anyone noticing (as
 * the old socialtjänstlag's chapters did on 1 July 2025), so this test reads every file of code,
 * catalogue, instrument and locale text, comments included, and fails on anything that looks
 * like a legal reference. Cite a catalogue id instead ("sol.reportingDuty").
 */
const root = fileURLToPath(new URL('..', import.meta.url));
const scanned = ['src', 'catalogues', 'instruments', 'scripts', 'bench', 'tests'];
const allowed = new Set([
  'catalogues/legal-references.json',
  // The catalogue's own module and its tests cite what the catalogue resolves to.
  'src/domain/law/legal-references.ts',
  'src/domain/law/legal-references.test.ts',
  'src/no-free-text-law.test.ts',
]);

/** What a legal reference looks like in Swedish writing, abbreviated or in full. */
export const legalReferencePatterns: readonly RegExp[] = [
  /\b\d+\s*kap\./, // "14 kap."
  /\b\d+\s*[a-z]?\s*§(?!\d)/, // "1 §", "18 c §" (not "§4.1", a section of a digest)
  /§§/,
  /\b(OSL|SoL|HSL|BrB|LVU|LVM|LSS|SFS)\b/,
  /\(\d{4}:\d{1,4}\)/, // "(2001:453)"
  /\bprop\.\s*\d{4}\/\d{2}:\d+/i,
  /\b(HSLF-FS|SOSFS)\s*\d{4}:\d+/,
  /\bch\.\s*\d+/, // "ch. 14 s. 1", the English way
  /\bAct\s+\d+:\d+/, // "Secrecy Act 26:1"
];

const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return files(path);
    return /\.(ts|tsx|json|js|mjs)$/.test(entry.name) ? [path] : [];
  });

const findings = (path: string) =>
  readFileSync(path, 'utf8')
    .split('\n')
    .flatMap((line, index) =>
      legalReferencePatterns
        .map((pattern) => line.match(pattern)?.[0])
        .filter((match): match is string => match !== undefined)
        .map((match) => `${relative(root, path)}:${index + 1}: "${match}"`),
    );

describe('legal references', () => {
  it('are written only in the law catalogue', () => {
    const found = scanned
      .flatMap((dir) => files(join(root, dir)))
      .filter((path) => !allowed.has(relative(root, path)))
      .flatMap(findings);
    expect(found).toEqual([]);
  });

  it('recognise the ways a reference is written, and not a digest section', () => {
    const caught = (text: string) => legalReferencePatterns.some((pattern) => pattern.test(text));
    for (const written of [
      '14 kap. 1 § SoL',
      'OSL 10:18 c',
      '10 kap. 18 c §',
      'socialtjänstlagen (2025:400)',
      'prop. 2025/26:12',
      'HSLF-FS 2022:39',
      '21–23 §§',
      'Social Services Act ch. 14 s. 1',
      'Secrecy Act 26:1',
    ])
      expect(caught(written), written).toBe(true);
    for (const innocent of ['digest 004 §4.1', 'kapitel', 'klockan 12:30', 'socialtjänstlagen'])
      expect(caught(innocent), innocent).toBe(false);
  });
});
