import { dayKey, dayLabel, startOfDay } from './message-days';

describe('day separators', () => {
  const today = new Date(2026, 2, 10);
  const en = { today: 'Today', yesterday: 'Yesterday' };

  it('says Today and Yesterday by the local calendar day, whatever the hour', () => {
    expect(dayLabel(new Date(2026, 2, 10, 0, 1), today, 'en-US', en)).toBe('Today');
    expect(dayLabel(new Date(2026, 2, 10, 23, 59), today, 'en-US', en)).toBe('Today');
    expect(dayLabel(new Date(2026, 2, 9, 23, 59), today, 'en-US', en)).toBe('Yesterday');
    expect(dayLabel(new Date(2026, 2, 9, 0, 0), today, 'en-US', en)).toBe('Yesterday');
  });

  it('gives older days as a date in the viewer language, with the year only when it is another year', () => {
    expect(dayLabel(new Date(2026, 2, 5, 17, 23), today, 'en-US', en)).toBe('Thursday, March 5');
    expect(dayLabel(new Date(2026, 2, 5, 17, 23), today, 'es-ES', { today: 'Hoy', yesterday: 'Ayer' })).toBe(
      'jueves, 5 de marzo',
    );
    expect(dayLabel(new Date(2025, 11, 31), today, 'en-US', en)).toBe('Wednesday, December 31, 2025');
  });

  it('knows yesterday across a month and a year boundary', () => {
    expect(dayLabel(new Date(2026, 1, 28, 20), new Date(2026, 2, 1), 'en-US', en)).toBe('Yesterday');
    expect(dayLabel(new Date(2025, 11, 31, 20), new Date(2026, 0, 1), 'en-US', en)).toBe('Yesterday');
  });

  it('groups messages by local day', () => {
    expect(dayKey(new Date(2026, 2, 5, 0, 0))).toBe(dayKey(new Date(2026, 2, 5, 23, 59)));
    expect(dayKey(new Date(2026, 2, 5, 23, 59))).not.toBe(dayKey(new Date(2026, 2, 6, 0, 0)));
    expect(startOfDay(new Date(2026, 2, 5, 17, 23))).toEqual(new Date(2026, 2, 5));
  });
});
