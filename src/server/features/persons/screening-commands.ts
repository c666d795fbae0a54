import { can } from '../../../domain/access/policy';
import {
  nextStepsFor,
  validateScreening,
  coverage,
  screeningTopics,
  type ScreeningAnswer,
} from '../../../domain/cases/screening';
import { nationalResources } from '../../../domain/cases/support-resources';
import { DomainError } from '../../../domain/errors';
import type { CommandContext } from '../../platform/http/context';
import {
  findUnit,
  listUnitsOfKind,
  listUnitsWithScreening,
} from '../organisation/organisation.repository';
import { screeningCounts, insertScreening, findCase } from '../cases/case.repository';
import { newRecordIn } from '../../platform/runtime/new-record';
import { auditPersonEvent, loadPersonFor, runAudited } from '../../platform/runtime/person-access';

/**
 * Records the routine questions asked at a contact. Every unit asks (or records why not); a
 * positive answer returns the next steps and where to turn, so asking always leads somewhere.
 */
export const recordScreening = (
  ctx: CommandContext,
  input: { personId: string; unitId: string; caseId: string | null; answers: ScreeningAnswer[] },
) =>
  runAudited(ctx, async (tx) => {
    input.answers.forEach((answer, index) => {
      const check = validateScreening(answer);
      if (!check.ok)
        throw new DomainError('validation.invalid', {
          fields: [
            {
              path: `body.answers.${index}.notAskedReason`,
              message: check.message,
              code: check.code,
            },
          ],
        });
    });
    const { person, decision } = await loadPersonFor(
      ctx,
      tx,
      input.personId,
      'person.read',
      'screening.recorded',
      true,
    );
    const unit = await findUnit(tx, input.unitId);
    if (
      !unit ||
      !can(ctx.actor, 'case.write', newRecordIn(ctx, 'case', unit, person.id), ctx.now()).allowed
    ) {
      throw new DomainError('validation.invalid', {
        fields: [
          { path: 'body.unitId', message: 'Välj en enhet där du arbetar.', code: 'unitNotYours' },
        ],
      });
    }
    if (input.caseId) {
      const linked = await findCase(tx, input.caseId);
      if (!linked || linked.personId !== person.id)
        throw new DomainError('validation.invalid', {
          fields: [
            {
              path: 'body.caseId',
              message: 'Ärendet hör inte till personen.',
              code: 'caseOfOtherPerson',
            },
          ],
        });
    }
    const now = ctx.now();
    for (const answer of input.answers) {
      await insertScreening(tx, {
        organisationId: ctx.actor.organisationId,
        unitId: unit.id,
        personId: person.id,
        caseId: input.caseId,
        topic: answer.topic,
        outcome: answer.outcome,
        notAskedReason: answer.notAskedReason,
        askedBy: ctx.actor.userId,
        askedAt: now,
      });
    }
    await auditPersonEvent(ctx, tx, {
      type: 'screening.recorded',
      personId: person.id,
      reason: decision.reason,
      details: {
        answers: input.answers.map((answer) => `${answer.topic}:${answer.outcome}`).join(','),
      },
    });

    const vinrUnits = await listUnitsOfKind(tx, 'adultVinr');
    return input.answers.map((answer) => ({
      topic: answer.topic,
      outcome: answer.outcome,
      nextSteps: nextStepsFor(answer),
      resources:
        answer.outcome === 'positive'
          ? [
              ...vinrUnits.map((vinr) => ({
                name: vinr.name,
                phone: null,
                note: 'Kommunens våld i nära relationer-team: boka in en tid eller överlämna med samtycke.',
                unitId: vinr.id,
              })),
              ...nationalResources
                .filter(
                  (resource) => resource.forTopic === 'both' || resource.forTopic === answer.topic,
                )
                .map(({ name, phone, note }) => ({ name, phone, note, unitId: null })),
            ]
          : [],
    }));
  });

/**
 * Screening coverage per unit and topic for a period: how often the questions were really
 * asked. Every unit that screens by routine is listed, also one that recorded nothing (no data
 * is shown as no data, not as zero); other units appear only if they asked anyway.
 */
export const screeningCoverage = (ctx: CommandContext, period: { from: Date; to: Date }) =>
  runAudited(ctx, async (tx) => {
    const rows = await screeningCounts(tx, period.from, period.to);
    const units = await listUnitsWithScreening(tx);
    return units.flatMap((unit) =>
      screeningTopics.flatMap((topic) => {
        const row = rows.find(
          (candidate) => candidate.unitId === unit.id && candidate.topic === topic,
        );
        if (!row && !unit.routineScreening) return [];
        const counts = row ?? { asked: 0, notAsked: 0, positive: 0 };
        return [
          {
            unitId: unit.id,
            unitName: unit.name,
            routineScreening: unit.routineScreening,
            topic,
            asked: counts.asked,
            notAsked: counts.notAsked,
            positive: counts.positive,
            coverage: coverage(counts),
          },
        ];
      }),
    );
  });
