import { z } from 'zod';

export const loginBody = z.object({
  /** Användarnamn. */
  username: z.string().trim().min(1, 'Skriv ditt användarnamn').max(200),
  /** Lösenord. */
  password: z.string().min(1, 'Skriv ditt lösenord').max(1000),
});

export const loginResponse = z.object({
  /** What the user must do next: nothing, enter a code, or link an authenticator app first. */
  secondFactor: z.enum(['none', 'required', 'enrol']),
});

export const totpBody = z.object({
  /** The six-digit code from the authenticator app. */
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'Koden har sex siffror'),
});

export const csrfResponse = z.object({ token: z.string() });

export const enrolmentResponse = z.object({
  secret: z.string(),
  uri: z.string(),
  qrSvg: z.string(),
});

export const providersResponse = z.array(z.object({ id: z.string().uuid(), name: z.string() }));

export type LoginResult = z.infer<typeof loginResponse>;
export type CsrfToken = z.infer<typeof csrfResponse>;
export type Enrolment = z.infer<typeof enrolmentResponse>;
export type SignInProvider = z.infer<typeof providersResponse>[number];
