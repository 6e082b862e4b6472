import { formatDuration } from './duration-format';

describe('formatDuration (first response figures)', () => {
  it('shows minutes and zero-padded seconds: 65 s is "1 m 05 s"', () => {
    expect(formatDuration(65)).toBe('1 m 05 s');
    expect(formatDuration(600)).toBe('10 m 00 s');
    expect(formatDuration(3599)).toBe('59 m 59 s');
  });

  it('shows seconds alone under a minute', () => {
    expect(formatDuration(0)).toBe('0 s');
    expect(formatDuration(42)).toBe('42 s');
  });

  it('rounds to the nearest second, carrying into minutes', () => {
    expect(formatDuration(64.6)).toBe('1 m 05 s');
    expect(formatDuration(59.6)).toBe('1 m 00 s');
  });

  it('shows hours and zero-padded minutes from an hour on', () => {
    expect(formatDuration(3600)).toBe('1 h 00 m');
    expect(formatDuration(2 * 3600 + 3 * 60 + 40)).toBe('2 h 03 m');
  });

  it('shows a dash when there is no first response yet', () => {
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(undefined)).toBe('—');
    expect(formatDuration(Number.NaN)).toBe('—');
  });
});
