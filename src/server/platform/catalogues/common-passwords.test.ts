import { describe, expect, it } from 'vitest';
import { loadCommonPasswords } from './common-passwords';

describe('the list of common and leaked passwords', () => {
  it('is valid data, says where it comes from, and holds the Swedish season patterns', () => {
    const common = loadCommonPasswords();
    expect(common.size).toBeGreaterThan(100);
    for (const password of ['123456', 'lösenord', 'sommar', 'välkommen'])
      expect(common).toContain(password);
  });
});
