import { QueryFailedError } from 'typeorm';
import { toErrorBody } from './error-body';
import { isDatabaseUnavailable } from './database-unavailable';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable', () => {
  it('recognises a database that cannot be reached or is shutting down', () => {
    expect(isDatabaseUnavailable(withCode('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432'))).toBe(true);
    expect(isDatabaseUnavailable(withCode('57P01', 'terminating connection due to administrator command'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(
      isDatabaseUnavailable(
        new QueryFailedError('SELECT 1', [], withCode('57P03', 'the database system is starting up')),
      ),
    ).toBe(true);
  });

  it('leaves statement errors alone', () => {
    expect(isDatabaseUnavailable(new QueryFailedError('INSERT', [], withCode('23505', 'duplicate key')))).toBe(false);
    expect(isDatabaseUnavailable(new Error('connection to 10.0.0.5 refused'))).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
  });

  it('becomes a clear unavailable error for clients', () => {
    expect(toErrorBody(withCode('ECONNREFUSED'))).toEqual({
      code: 'unavailable',
      message: expect.stringContaining('nothing was saved'),
    });
  });
});
