import { z } from 'zod';
import type { FieldProblem } from '../field-issues';

/**
 * What a new password must be (NIST SP 800-63B's advice, as the Swedish NCSC repeats it): long
 * rather than complicated, not the username, and not one that is on lists of common or leaked
 * passwords. No rules about digits and signs: they make passwords shorter and more guessable.
 */
export const passwordMinLength = 12;
export const passwordMaxLength = 256;

export const commonPasswordCatalogueSchema = z.object({
  /** Where the list comes from, in words, and what it is not. */
  source: z.string().min(20),
  passwords: z.array(z.string().min(1)).min(50),
});
export type CommonPasswordCatalogue = z.infer<typeof commonPasswordCatalogueSchema>;

/** The form a password is compared in: case and the digits and signs people add at the end do not count. */
export const passwordCore = (password: string) =>
  password
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\d\s!?.#*_-]+$/u, '');

export const commonPasswords = (catalogue: CommonPasswordCatalogue): ReadonlySet<string> =>
  new Set(
    catalogue.passwords.flatMap((password) => [password.toLowerCase(), passwordCore(password)]),
  );

export const checkNewPassword = (
  password: string,
  context: { username: string; common: ReadonlySet<string> },
): Omit<FieldProblem, 'field'>[] => {
  const problems: Omit<FieldProblem, 'field'>[] = [];
  if ([...password].length < passwordMinLength)
    problems.push({
      message: `Välj ett lösenord med minst ${passwordMinLength} tecken. Några ord i rad är lätta att minnas och svåra att gissa.`,
      code: 'tooShort',
      limit: passwordMinLength,
    });
  if (password.length > passwordMaxLength)
    problems.push({
      message: `Lösenordet får vara högst ${passwordMaxLength} tecken.`,
      code: 'tooLong',
      limit: passwordMaxLength,
    });
  const lowered = password.toLowerCase();
  const username = context.username.trim().toLowerCase();
  if (username.length >= 3 && lowered.includes(username))
    problems.push({
      message: 'Lösenordet får inte innehålla ditt användarnamn.',
      code: 'passwordHasUsername',
    });
  if (context.common.has(lowered) || context.common.has(passwordCore(password)))
    problems.push({
      message: 'Lösenordet finns på listor över vanliga eller läckta lösenord. Välj ett annat.',
      code: 'passwordTooCommon',
    });
  else if (new Set(lowered).size <= 2 && password.length > 0)
    problems.push({
      message: 'Lösenordet består av samma tecken om och om igen. Välj ett annat.',
      code: 'passwordRepetitive',
    });
  return problems;
};
