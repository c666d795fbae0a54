import * as client from 'openid-client';
import { decryptField } from '../crypto/field-encryption';
import type { AppDeps } from '../http/context';

const secretContext = 'oidc_providers.client_secret';

export type ProviderRow = {
  id: string;
  issuer: string;
  clientId: string;
  clientSecretEnc: string | null;
};

const isLoopback = (issuer: string): boolean => {
  const host = new URL(issuer).hostname;
  return host === '127.0.0.1' || host === 'localhost' || host === '[::1]';
};

const configurations = new Map<string, Promise<client.Configuration>>();

/**
 * Discovers the provider once per process. Plain http is allowed only for a provider on this
 * machine (development and tests); a real identity provider must use https.
 */
export const providerConfiguration = (
  deps: AppDeps,
  provider: ProviderRow,
): Promise<client.Configuration> => {
  const cacheKey = `${provider.id}:${provider.issuer}`;
  let configuration = configurations.get(cacheKey);
  if (!configuration) {
    const secret = provider.clientSecretEnc
      ? decryptField(deps.keys, secretContext, provider.clientSecretEnc)
      : undefined;
    // client_secret_basic is the method every OpenID provider must support.
    configuration = client.discovery(
      new URL(provider.issuer),
      provider.clientId,
      undefined,
      secret ? client.ClientSecretBasic(secret) : client.None(),
      isLoopback(provider.issuer) ? { execute: [client.allowInsecureRequests] } : undefined,
    );
    configuration.catch(() => configurations.delete(cacheKey));
    configurations.set(cacheKey, configuration);
  }
  return configuration;
};

export const oidcSecretContext = secretContext;

export const redirectUri = (deps: AppDeps, requestOrigin: string): string =>
  `${deps.config.publicUrl ?? requestOrigin}/api/auth/oidc/callback`;

export { client as openid };
