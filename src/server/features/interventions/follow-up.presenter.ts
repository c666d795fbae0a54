/**
 * The person's own ratings and satisfaction answers as their readers see them, the comments
 * decrypted.
 */
import type { Selectable } from 'kysely';
import type { ClientRatingsTable, SatisfactionAnswersTable } from '../../platform/db/schema';
import { decryptField, type KeyRing } from '../../platform/crypto/field-encryption';

export const followUpContexts = {
  rating: 'client_ratings.comment',
  satisfaction: 'satisfaction_answers.comment',
} as const;

type RatingRow = Pick<
  Selectable<ClientRatingsTable>,
  'id' | 'phase' | 'wellbeing' | 'safety' | 'violence' | 'commentEnc' | 'ratedOn'
>;
type SatisfactionRow = Pick<
  Selectable<SatisfactionAnswersTable>,
  'id' | 'subject' | 'score' | 'commentEnc' | 'housingProvider' | 'answeredOn'
> & { name: string | null };

/** One self-rating with its comment. */
export const presentRating = ({ commentEnc, ...rating }: RatingRow, keys: KeyRing) => ({
  ...rating,
  comment: decryptField(keys, followUpContexts.rating, commentEnc),
});

/** One satisfaction answer: about the intervention (by name) or the housing provider. */
export const presentSatisfaction = (answer: SatisfactionRow, keys: KeyRing) => ({
  id: answer.id,
  subject: answer.subject,
  about: answer.subject === 'housing' ? (answer.housingProvider ?? '') : (answer.name ?? ''),
  score: answer.score,
  answeredOn: answer.answeredOn,
  comment: decryptField(keys, followUpContexts.satisfaction, answer.commentEnc),
});
