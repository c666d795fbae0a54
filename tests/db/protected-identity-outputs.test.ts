import { beforeAll, describe, expect, it } from 'vitest';
import { maskedText } from '../../src/domain/identity/protected-identity';
import { pdfText } from '../helpers/pdf-text';
import type { TestClient } from '../helpers/test-app';
import { engineAvailable } from '../helpers/test-database';
import { buildCase, useTestWorld } from '../helpers/test-world';

/**
 * A protected person's address and full personnummer must not leave the server in any form:
 * not in the case list, the printed summary, the spreadsheet export or the audit log review.
 * An unprotected person beside them shows that each output does carry the data otherwise.
 */
describe.runIf(engineAvailable)(
  'protected identity in lists, PDFs, exports and the audit log',
  () => {
    const t = useTestWorld();
    let leader: TestClient;
    const secret = { number: '18900303-0056', lastFour: '0056', address: 'Gömdavägen 7, Hemlösa' };
    const open = { number: '18900404-0047', address: 'Öppna gatan 1, Synby' };
    let protectedCase: string;
    let openCase: string;
    let protectedPersonId: string;

    const newCase = async (personId: string) =>
      (await buildCase(leader, { personId, unitId: t.world.north.adultUnit.id })).id;

    beforeAll(async () => {
      leader = (
        await t.signedIn({
          organisationId: t.world.north.org.id,
          unitId: t.world.north.adultUnit.id,
          role: 'teamLeader',
        })
      ).client;
      const hidden = await t.person({
        organisationId: t.world.north.org.id,
        unitId: t.world.north.adultUnit.id,
        givenName: 'Skyddad',
        familyName: 'Övningsson',
        personalNumber: secret.number,
        protectionLevel: 'protectedRegistration',
        address: secret.address,
      });
      const visible = await t.person({
        organisationId: t.world.north.org.id,
        unitId: t.world.north.adultUnit.id,
        givenName: 'Öppen',
        familyName: 'Övningsson',
        personalNumber: open.number,
        address: open.address,
      });
      protectedPersonId = hidden.id;
      protectedCase = await newCase(hidden.id);
      openCase = await newCase(visible.id);
    });

    it('the case list masks the number', async () => {
      const body = (await leader.request('GET', '/api/cases')).body;
      expect(body).toContain('18900303-XXXX');
      expect(body).not.toContain(secret.lastFour);
      expect(body).toContain(open.number);
    });

    it('the printed case summary masks number and address, even for a leader who may reveal it', async () => {
      const response = await leader.request('GET', `/api/cases/${protectedCase}/summary.pdf`);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.headers['content-type']).toBe('application/pdf');
      const text = await pdfText(response.rawPayload);
      expect(text).toContain('Ärendesammanfattning');
      expect(text).toContain('Skyddad Övningsson');
      expect(text).toContain('18900303-XXXX');
      expect(text).toContain(maskedText);
      expect(text).not.toContain(secret.lastFour);
      expect(text).not.toContain('Gömdavägen');

      const openPdf = await pdfText(
        (await leader.request('GET', `/api/cases/${openCase}/summary.pdf`)).rawPayload,
      );
      expect(openPdf).toContain(open.number);
      expect(openPdf).toContain('Öppna gatan 1');
    });

    it('prints in English when asked', async () => {
      const response = await leader.request(
        'GET',
        `/api/cases/${protectedCase}/summary.pdf?lang=en`,
      );
      expect(await pdfText(response.rawPayload)).toContain('Case summary');
    });

    it('the spreadsheet export masks the number and neutralises formulas', async () => {
      const response = await leader.request('GET', '/api/cases/export.csv');
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toContain('text/csv');
      const lines = response.body
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\n');
      expect(lines[0]).toBe('Namn;Personnummer;Typ;Steg;Enhet;Ansvarig;Aktualiserat');
      const row = lines.find((line) => line.startsWith('Skyddad Övningsson'));
      expect(row).toContain('18900303-XXXX');
      expect(response.body).not.toContain(secret.lastFour);
      expect(lines.some((line) => line.includes(open.number))).toBe(true);
    });

    it('the audit log review shows who read the protected person, with the number masked', async () => {
      const response = await leader.request(
        'GET',
        `/api/audit/events?personId=${protectedPersonId}`,
      );
      expect(response.statusCode, response.body).toBe(200);
      const entries = response.json<{
        events: { type: string; person: { name: string; personalNumber: string } | null }[];
      }>().events;
      expect(entries.map((entry) => entry.type)).toEqual(
        expect.arrayContaining(['case.opened', 'case.printed']),
      );
      expect(entries[0]!.person).toMatchObject({
        name: 'Skyddad Övningsson',
        personalNumber: '18900303-XXXX',
      });
      expect(response.body).not.toContain(secret.lastFour);
      expect(response.body).not.toContain('Gömdavägen');
    });

    it('a case worker cannot read the audit log, and is told why', async () => {
      const worker = await t.signedIn({
        organisationId: t.world.north.org.id,
        unitId: t.world.north.adultUnit.id,
        role: 'caseWorker',
      });
      const response = await worker.client.request('GET', '/api/audit/events');
      expect(response.statusCode).toBe(403);
      expect(response.json().title).toBeTruthy();
    });
  },
);
