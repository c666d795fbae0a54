import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { defaultSignInPolicy, type SignInPolicy } from '../domain/identity/sign-in-rules';

/** Server settings, all from the environment; nothing secret has a default in the code. */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  /** postgres://… switches from embedded PGlite to a PostgreSQL server. */
  DATABASE_URL: z.string().url().optional(),
  FRISTAD_DATA_DIR: z.string().default('.fristad-data'),
  /** Key ring as JSON; otherwise read from FRISTAD_KEY_FILE. */
  FRISTAD_KEYS: z.string().optional(),
  FRISTAD_KEY_FILE: z.string().optional(),
  /** The address users reach the server on; https here turns on Secure cookies. */
  FRISTAD_PUBLIC_URL: z.string().url().optional(),
  FRISTAD_IDLE_MINUTES: z.coerce.number().int().positive().optional(),
  FRISTAD_ABSOLUTE_HOURS: z.coerce.number().int().positive().optional(),
  FRISTAD_LOGIN_RATE_PER_MINUTE: z.coerce.number().int().positive().default(20),
  /**
   * Reverse proxies whose X-Forwarded-For is believed (addresses or CIDR ranges, comma-separated).
   * None by default: the address of a request is its connection's, which nobody can forge.
   */
  FRISTAD_TRUSTED_PROXIES: z.string().default(''),
  FRISTAD_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'silent']).default('warn'),
});

export type ServerConfig = {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  keysJson: string | undefined;
  keyFile: string;
  publicUrl: string | undefined;
  secureCookies: boolean;
  signIn: SignInPolicy;
  loginRatePerMinute: number;
  trustedProxies: string[];
  logLevel: string;
};

export const loadConfig = (env: NodeJS.ProcessEnv = process.env): ServerConfig => {
  const parsed = envSchema.parse(env);
  const configHome = env.XDG_CONFIG_HOME ?? join(homedir(), '.config');
  return {
    port: parsed.PORT,
    host: parsed.HOST,
    databaseUrl: parsed.DATABASE_URL,
    dataDir: resolve(parsed.FRISTAD_DATA_DIR),
    keysJson: parsed.FRISTAD_KEYS,
    // Outside the repository by default, like an SSH key.
    keyFile: parsed.FRISTAD_KEY_FILE ?? join(configHome, 'fristad', 'keys.json'),
    publicUrl: parsed.FRISTAD_PUBLIC_URL,
    secureCookies: parsed.FRISTAD_PUBLIC_URL?.startsWith('https:') ?? false,
    signIn: {
      ...defaultSignInPolicy,
      idleMinutes: parsed.FRISTAD_IDLE_MINUTES ?? defaultSignInPolicy.idleMinutes,
      absoluteHours: parsed.FRISTAD_ABSOLUTE_HOURS ?? defaultSignInPolicy.absoluteHours,
    },
    loginRatePerMinute: parsed.FRISTAD_LOGIN_RATE_PER_MINUTE,
    trustedProxies: parsed.FRISTAD_TRUSTED_PROXIES.split(',')
      .map((entry) => entry.trim())
      .filter(Boolean),
    logLevel: parsed.FRISTAD_LOG_LEVEL,
  };
};
