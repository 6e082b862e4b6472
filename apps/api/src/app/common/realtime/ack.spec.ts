import { z } from 'zod';
import { acked } from './ack';
import { AppError } from '../errors/app-error';
import { parseOrThrow } from '../validation/zod-issues';

describe('acked', () => {
  it('wraps a result as { ok: true, data }', async () => {
    expect(await acked(() => 42)).toEqual({ ok: true, data: 42 });
  });

  it('turns a bad payload into a validation_failed ack naming the fields', async () => {
    const schema = z.object({ conversationId: z.uuid() });
    const ack = await acked(() => parseOrThrow(schema, { conversationId: 'nope' }));
    expect(ack).toEqual({
      ok: false,
      error: {
        code: 'validation_failed',
        message: 'The request is not valid',
        details: [{ path: 'conversationId', message: expect.any(String) }],
      },
    });
  });

  it('keeps an AppError code and hides the text of unexpected errors', async () => {
    expect(await acked(() => Promise.reject(new AppError('not_found', 'No such conversation')))).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'No such conversation' },
    });
    const internal = await acked(() => {
      throw new Error('connection to 10.0.0.5 refused');
    });
    expect(internal).toEqual({ ok: false, error: { code: 'internal', message: 'Something went wrong on our side' } });
  });
});
