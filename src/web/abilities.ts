import type { Action } from '../domain/access/roles';
import type { SessionView } from './api';

type SignedIn = Extract<SessionView, { signedIn: true }>;

/**
 * Whether the user's roles in the active organisation carry an action, as the server said with
 * the session. Only for choosing what to offer on screen: the server asks the policy on every
 * request regardless.
 */
export const sessionMay = (session: SignedIn, action: Action): boolean =>
  session.actions.includes(action);
