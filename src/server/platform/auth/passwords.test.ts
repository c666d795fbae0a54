import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './passwords';

describe('password hashes', () => {
  it('stores argon2id with the recommended costs, and verifies only the right password', async () => {
    const hash = await hashPassword('fyra blå kaniner på taket');
    // argon2id, 64 MiB, 3 passes, 4 lanes: the costs are part of the stored hash.
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=65536,p=4,t=3\$/);
    expect(await verifyPassword(hash, 'fyra blå kaniner på taket')).toBe(true);
    expect(await verifyPassword(hash, 'fyra blå kaniner på taket ')).toBe(false);
    expect(await verifyPassword('inte en hash', 'fyra blå kaniner på taket')).toBe(false);
  });
});
