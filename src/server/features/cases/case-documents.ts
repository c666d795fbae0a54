import { stringify } from 'csv-stringify/sync';
import { shownPersons } from '../../platform/audit/shown-persons';
import { swedishDayOf } from '../../../domain/calendar';
import type { CaseType } from '../../../domain/cases/catalogues';
import { caseTypes } from '../../../domain/cases/catalogues';
import { stageLabelsSv } from '../../../domain/cases/stages';
import { caseSummaryDocument } from './case-summary';
import { renderPdf } from '../../platform/documents/pdf';
import type { CommandContext } from '../../platform/http/context';
import { presentPerson } from '../persons/person.presenter';
import { findPerson } from '../persons/person.repository';
import { findUserById } from '../organisation/user.repository';
import { caseView, visibleCases } from './case-commands';
import { loadCaseFor } from '../../platform/runtime/case-access';
import {
  auditOrganisationEvent,
  auditPersonEvent,
  runAudited,
} from '../../platform/runtime/person-access';

/**
 * A printable case summary for the viewer: the same view as the case page, so protected
 * identity stays masked and linked cases stay hidden as on screen. Printing is audited.
 */
export const printCaseSummary = (
  ctx: CommandContext,
  caseId: string,
  language: 'sv' | 'en',
): Promise<Buffer> =>
  runAudited(ctx, async (tx) => {
    const { record, decision } = await loadCaseFor(ctx, tx, caseId, 'case.read', {
      audit: 'case.printed',
      reads: 'caseHistory',
    });
    const view = await caseView(ctx, tx, record);
    const person = (await findPerson(tx, record.personId))!;
    const printer = await findUserById(tx, ctx.actor.userId);
    const now = ctx.now();
    await auditPersonEvent(ctx, tx, {
      type: 'case.printed',
      personId: record.personId,
      reason: decision.reason,
      breakGlassId: decision.breakGlassId,
      details: { caseId, document: 'caseSummary' },
    });
    return renderPdf(
      caseSummaryDocument({
        view,
        // Never revealed in print: a protected address is not printed, whoever prints.
        person: presentPerson(person, { actor: ctx.actor, keys: ctx.keys, now }),
        printedBy: printer?.displayName ?? '–',
        printedAt: now,
        language,
      }),
    );
  });

/** A spreadsheet program would run a cell starting with these as a formula (CSV injection). */
const formulaStart = /^[=+\-@\t\r]/;

/**
 * The intake list or the worker's own cases as CSV for a spreadsheet (semicolon-separated,
 * with a byte-order mark so Excel reads å, ä, ö). Rows and masking are those of the screen.
 */
export const exportCases = (ctx: CommandContext, filter: { mine: boolean; limit: number }) =>
  runAudited(ctx, async (tx) => {
    const rows = await visibleCases(ctx, tx, filter);
    await auditOrganisationEvent(ctx, tx, {
      type: 'case.exported',
      reason: filter.mine ? 'cases.mine' : 'cases.intake_list',
      details: {
        count: rows.length,
        format: 'csv',
        ...shownPersons(rows.map((row) => row.person.id)),
      },
    });
    const typeLabel = (code: CaseType) =>
      caseTypes.find((entry) => entry.code === code)?.sv ?? code;
    return stringify(
      rows.map((row) => [
        `${row.person.givenName} ${row.person.familyName}`,
        row.person.personalNumber ?? '',
        typeLabel(row.type) + (row.hrv ? ' (HRV)' : '') + (row.practice ? ' (övning)' : ''),
        stageLabelsSv[row.stage],
        row.unitName,
        row.ownerName ?? '',
        swedishDayOf(row.openedAt),
      ]),
      {
        bom: true,
        delimiter: ';',
        header: true,
        columns: ['Namn', 'Personnummer', 'Typ', 'Steg', 'Enhet', 'Ansvarig', 'Aktualiserat'],
        cast: { string: (value) => (formulaStart.test(value) ? `'${value}` : value) },
      },
    );
  });
