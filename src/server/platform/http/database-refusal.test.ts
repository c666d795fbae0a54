import { describe, expect, it } from 'vitest';
import { databaseRefusal } from './database-refusal';

/** The shape both pg and PGlite give a database error. */
const databaseError = (code: string, detail?: string) =>
  Object.assign(new Error('db'), { code, severity: 'ERROR', detail });

describe('databaseRefusal', () => {
  it('answers a unique rule two people raced for as a conflict', () => {
    expect(databaseRefusal(databaseError('23505'))).toMatchObject({ code: 'conflict.concurrent' });
    expect(databaseRefusal(databaseError('40P01'))).toMatchObject({ code: 'conflict.concurrent' });
  });

  it('names the field of a reference to nothing, without its value', () => {
    const refusal = databaseRefusal(
      databaseError('23503', 'Key (assignee_user_id)=(3f2a…) is not present in table "users".'),
    );
    expect(refusal).toMatchObject({
      code: 'validation.invalid',
      fields: [{ path: 'body.assigneeUserId', message: 'Det du valde finns inte. Välj i listan.' }],
    });
    expect(JSON.stringify(refusal?.fields)).not.toContain('3f2a');
  });

  it('answers a database that is restarting, gone or out of disk with 503: nothing saved', () => {
    for (const code of ['57P01', '57P03', '08006', '53100'])
      expect(databaseRefusal(databaseError(code))).toMatchObject({ code: 'service.unavailable' });
    expect(
      databaseRefusal(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })),
    ).toMatchObject({ code: 'service.unavailable' });
    expect(databaseRefusal(new Error('Connection terminated unexpectedly'))).toMatchObject({
      code: 'service.unavailable',
    });
  });

  it('leaves anything else, and errors that are not the database’s, to be a 500', () => {
    expect(databaseRefusal(databaseError('42P01'))).toBeNull();
    expect(databaseRefusal(new Error('boom'))).toBeNull();
    expect(databaseRefusal(Object.assign(new Error('x'), { code: 'FST_ERR_X' }))).toBeNull();
  });
});
