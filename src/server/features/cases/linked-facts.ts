import type { CaseType } from '../../../domain/cases/catalogues';
import type { LinkedCaseFacts } from '../../../domain/cases/links';
import type { Tx } from '../../platform/db/transaction';
import { findCases, listLinks } from './case.repository';

/**
 * The linked cases' facts for the handler-separation rule. Read as the system would: they are
 * rule input, never shown, so a linked case behind internal secrecy still counts.
 */
export const linkedFacts = async (tx: Tx, caseId: string): Promise<LinkedCaseFacts[]> => {
  const links = await listLinks(tx, caseId);
  const linked = await findCases(
    tx,
    links.map((link) => link.linkedCaseId),
  );
  return linked.map((other) => ({
    caseId: other.id,
    type: other.type as CaseType,
    ownerUserId: other.ownerUserId,
  }));
};
