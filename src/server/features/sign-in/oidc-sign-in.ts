import { DomainError } from '../../../domain/errors';
import { absoluteExpiry } from '../../../domain/identity/sign-in-rules';
import { appendAuditEvent } from '../../platform/audit/audit.repository';
import { openid, providerConfiguration, redirectUri } from '../../platform/auth/oidc-client';
import { insertSession, newSessionToken } from '../../platform/auth/session.repository';
import { asSystem } from '../../platform/db/transaction';
import type { AppDeps } from '../../platform/http/context';
import {
  findLinkedUser,
  findProvider,
  insertLoginState,
  takeLoginState,
} from './oidc-provider.repository';
import { listRoleGrants } from '../organisation/organisation.repository';

/** Login states older than this are refused: the user took too long at the provider. */
const stateMaxAgeMs = 10 * 60_000;

const failed = (reason: string) =>
  new DomainError('auth.oidc_failed', {
    message: 'Inloggningen via organisationens inloggningstjänst misslyckades.',
    reason,
  });

/** Starts sign-in at the municipality's identity provider (authorisation code flow with PKCE). */
export const startOidcSignIn = async (
  deps: AppDeps,
  providerId: string,
  origin: string,
): Promise<string> => {
  const provider = await asSystem(deps.db, (tx) =>
    findProvider(tx, providerId, { enabledOnly: true }),
  );
  if (!provider) throw new DomainError('not_found', { message: 'Inloggningstjänsten finns inte.' });
  const configuration = await providerConfiguration(deps, provider);
  const codeVerifier = openid.randomPKCECodeVerifier();
  const state = openid.randomState();
  const nonce = openid.randomNonce();
  await asSystem(deps.db, (tx) => insertLoginState(tx, { state, providerId, codeVerifier, nonce }));
  return openid
    .buildAuthorizationUrl(configuration, {
      redirect_uri: redirectUri(deps, origin),
      scope: 'openid',
      code_challenge: await openid.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    })
    .toString();
};

/**
 * Completes sign-in: checks state, nonce and PKCE through openid-client, then finds the
 * Fristad user linked to the provider's subject. Nobody is created on the fly: an
 * administrator links accounts, so a provider cannot grant access to case data by itself.
 */
export const finishOidcSignIn = async (
  deps: AppDeps,
  callbackUrl: URL,
  origin: string,
  requestId: string,
): Promise<{ token: string }> => {
  const state = callbackUrl.searchParams.get('state');
  if (!state) throw failed('oidc.no_state');
  const now = deps.now();
  const login = await asSystem(deps.db, async (tx) => {
    const row = await takeLoginState(tx, state);
    if (!row) return undefined;
    const provider = await findProvider(tx, row.providerId, { enabledOnly: true });
    return provider ? { ...row, provider } : undefined;
  });
  if (!login || now.getTime() - login.createdAt.getTime() > stateMaxAgeMs)
    throw failed('oidc.unknown_state');

  const configuration = await providerConfiguration(deps, login.provider);
  // The provider redirected to our registered redirect URI; rebuild it with the real query.
  const current = new URL(redirectUri(deps, origin));
  current.search = callbackUrl.search;
  let subject: string;
  try {
    const tokens = await openid.authorizationCodeGrant(configuration, current, {
      pkceCodeVerifier: login.codeVerifier,
      expectedState: state,
      expectedNonce: login.nonce,
    });
    const claims = tokens.claims();
    if (!claims) throw new Error('no id token');
    subject = claims.sub;
  } catch {
    throw failed('oidc.token_rejected');
  }

  return asSystem(deps.db, async (tx) => {
    const identity = await findLinkedUser(tx, login.providerId, subject);
    if (!identity || identity.disabled) {
      await appendAuditEvent(
        tx,
        {
          type: 'auth.sign_in_failed',
          organisationId: login.provider.organisationId,
          actorUserId: null,
          outcome: 'denied',
          reason: 'oidc.no_linked_account',
          requestId,
        },
        now,
      );
      return null;
    }
    const grants = await listRoleGrants(tx, identity.id);
    const { token, idHash } = newSessionToken();
    // Start in the provider's own organisation when the user works there.
    const first =
      grants.find((grant) => grant.organisationId === login.provider.organisationId) ?? grants[0];
    await insertSession(tx, {
      idHash,
      userId: identity.id,
      organisationId: first?.organisationId ?? null,
      unitId: first?.unitId ?? null,
      authMethod: 'oidc',
      lastSeenAt: now,
      secondFactorAt: login.provider.mfaByProvider ? now : null,
      expiresAt: absoluteExpiry(now, deps.config.signIn),
    });
    await appendAuditEvent(
      tx,
      {
        type: 'auth.signed_in',
        organisationId: null,
        actorUserId: identity.id,
        outcome: 'allowed',
        reason: 'auth.oidc',
        requestId,
      },
      now,
    );
    return { token };
  }).then((result) => {
    if (!result) throw failed('oidc.no_linked_account');
    return result;
  });
};
