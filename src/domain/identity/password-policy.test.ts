import { describe, expect, it } from 'vitest';
import { checkNewPassword, commonPasswords, passwordCore } from './password-policy';

const common = commonPasswords({
  source: 'A few of the commonest, for the test',
  passwords: ['123456', 'password', 'sommar2025', 'lösenord', 'välkommen'],
});
const check = (password: string) => checkNewPassword(password, { username: 'anna.a', common });
const messages = (password: string) => check(password).map((problem) => problem.message);

describe('password policy', () => {
  it('accepts a long password of a few words, without demanding digits or signs', () => {
    expect(check('tre gröna hästar i snö')).toEqual([]);
  });

  it('refuses a short one, one with the username, and one of the common or leaked ones', () => {
    expect(messages('kort')).toEqual([expect.stringContaining('minst 12 tecken')]);
    expect(check('kort')).toMatchObject([{ code: 'tooShort', limit: 12 }]);
    expect(messages('anna.a-har-ett-langt')).toEqual([expect.stringContaining('användarnamn')]);
    // Case and the digits and signs added at the end do not make a common password new.
    for (const password of ['Sommar2025!!!!', 'LÖSENORD12345', 'Välkommen123456'])
      expect(messages(password), password).toContainEqual(expect.stringContaining('läckta'));
  });

  it('refuses the same sign over and over', () => {
    expect(messages('aaaaaaaaaaaaaaaa')).toContainEqual(expect.stringContaining('samma tecken'));
  });

  it('compares passwords by their core', () => {
    expect(passwordCore('Sommar2025!')).toBe('sommar');
  });
});
