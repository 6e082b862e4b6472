import { AppError } from '../errors/app-error';
import { decodeCursor, encodeCursor, nextCursorOf } from './keyset-cursor';

const id = '6f1c1f7e-3f0a-4c59-9d4e-2b8f0a7c1d23';

describe('keyset cursor', () => {
  it("keeps the boundary row's time to the microsecond", () => {
    const rows = [
      { id: 'a0000000-0000-4000-8000-000000000000', cursor_at: '2026-11-30T10:00:00.123457Z' },
      { id, cursor_at: '2026-11-30T10:00:00.123456Z' },
      { id: 'c0000000-0000-4000-8000-000000000000', cursor_at: '2026-11-30T10:00:00.123456Z' },
    ];
    const cursor = nextCursorOf(rows, 2);
    expect(decodeCursor(cursor as string)).toEqual({ at: '2026-11-30T10:00:00.123456Z', id });
    expect(nextCursorOf(rows, 3)).toBeNull();
  });

  it('still reads a cursor with milliseconds, as handed out before', () => {
    expect(decodeCursor(encodeCursor('2026-11-30T10:00:00.123Z', id)).at).toBe('2026-11-30T10:00:00.123Z');
  });

  it.each([
    ['text that is no cursor', 'garbage'],
    ['a time without a zone', encodeCursor('2026-11-30 10:00:00', id)],
    ['a time in another zone', encodeCursor('2026-11-30T10:00:00+02:00', id)],
    ['a date that does not exist', encodeCursor('2026-13-45T10:00:00Z', id)],
    ['an id that is no uuid', encodeCursor('2026-11-30T10:00:00Z', 'not-an-id')],
  ])('refuses %s as a validation error', (_what, cursor) => {
    expect(() => decodeCursor(cursor)).toThrow(AppError);
  });
});
