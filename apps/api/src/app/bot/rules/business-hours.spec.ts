import type { BusinessHours } from '@switchboard/contracts';
import { closedPeriod, isOpenAt, localMoment } from './business-hours';

const weekdays9to18: BusinessHours[] = [1, 2, 3, 4, 5].map((day) => ({ day, open: '09:00', close: '18:00' }));
const at = (iso: string) => new Date(iso);

describe('business hours in a time zone', () => {
  it('reads the wall clock of the zone, weekday included', () => {
    // 2026-03-29 is a Sunday; 23:30 UTC is already Monday 01:30 in Madrid (CEST, UTC+2).
    expect(localMoment(at('2026-03-29T23:30:00Z'), 'Europe/Madrid')).toEqual({
      date: '2026-03-30',
      weekday: 1,
      minutes: 90,
    });
    expect(localMoment(at('2026-03-29T23:30:00Z'), 'America/Mexico_City')).toEqual({
      date: '2026-03-29',
      weekday: 7,
      minutes: 17 * 60 + 30,
    });
    expect(localMoment(at('2026-01-01T00:00:00Z'), 'UTC').minutes).toBe(0);
  });

  it('the same UTC time is before opening in winter and inside hours after the spring DST change (Europe/Madrid)', () => {
    // Friday 27 March: CET (UTC+1), 07:30 UTC is 08:30 local → closed.
    expect(closedPeriod(weekdays9to18, at('2026-03-27T07:30:00Z'), 'Europe/Madrid')).toBe('2026-03-26T18:00');
    // Monday 30 March, after the change on Sunday 29: CEST (UTC+2), 07:30 UTC is 09:30 local → open.
    expect(closedPeriod(weekdays9to18, at('2026-03-30T07:30:00Z'), 'Europe/Madrid')).toBeNull();
  });

  it('follows the autumn change back too (America/New_York, 1 November 2026)', () => {
    // Friday 30 October, EDT (UTC-4): 13:30 UTC is 09:30 → open. Monday 2 November, EST (UTC-5): 13:30 UTC is 08:30 → closed.
    expect(closedPeriod(weekdays9to18, at('2026-10-30T13:30:00Z'), 'America/New_York')).toBeNull();
    expect(closedPeriod(weekdays9to18, at('2026-11-02T13:30:00Z'), 'America/New_York')).toBe('2026-10-30T18:00');
    expect(closedPeriod(weekdays9to18, at('2026-11-02T14:30:00Z'), 'America/New_York')).toBeNull();
  });

  it('a whole weekend across a DST change is one closed period, named by when it began', () => {
    const friday = closedPeriod(weekdays9to18, at('2026-03-27T17:00:00Z'), 'Europe/Madrid'); // 18:00 CET
    const sunday = closedPeriod(weekdays9to18, at('2026-03-29T12:00:00Z'), 'Europe/Madrid');
    const monday = closedPeriod(weekdays9to18, at('2026-03-30T06:59:00Z'), 'Europe/Madrid'); // 08:59 CEST
    expect([friday, sunday, monday]).toEqual(['2026-03-27T18:00', '2026-03-27T18:00', '2026-03-27T18:00']);
    // Monday evening is the next period.
    expect(closedPeriod(weekdays9to18, at('2026-03-30T16:00:00Z'), 'Europe/Madrid')).toBe('2026-03-30T18:00');
  });

  it('opening is inclusive and closing exclusive; a lunch break is its own closed period', () => {
    const split: BusinessHours[] = [
      { day: 3, open: '09:00', close: '13:00' },
      { day: 3, open: '14:00', close: '24:00' },
    ];
    const wednesday = (hh: string) => at(`2026-07-01T${hh}:00Z`); // 1 July 2026 is a Wednesday
    expect(closedPeriod(split, wednesday('09:00'), 'UTC')).toBeNull();
    expect(closedPeriod(split, wednesday('13:00'), 'UTC')).toBe('2026-07-01T13:00');
    expect(closedPeriod(split, wednesday('13:59'), 'UTC')).toBe('2026-07-01T13:00');
    expect(closedPeriod(split, wednesday('23:59'), 'UTC')).toBeNull();
    // After a day that closes at 24:00 the night belongs to that day's close.
    expect(closedPeriod(split, at('2026-07-02T03:00:00Z'), 'UTC')).toBe('2026-07-01T24:00');
  });

  it('without business hours every moment is one closed period', () => {
    expect(closedPeriod([], at('2026-07-01T12:00:00Z'), 'Europe/Madrid')).toBe('always');
    expect(isOpenAt([], localMoment(at('2026-07-01T12:00:00Z'), 'UTC'))).toBe(false);
  });

  it('a single opening day a week: the closed period reaches back to last week', () => {
    const mondays: BusinessHours[] = [{ day: 1, open: '10:00', close: '12:00' }];
    // Monday 6 July 2026 at 09:00: the last close was Monday 29 June at 12:00.
    expect(closedPeriod(mondays, at('2026-07-06T09:00:00Z'), 'UTC')).toBe('2026-06-29T12:00');
  });
});
