import { updateBotSettingsSchema } from './bot.schema';

const valid = {
  enabled: true,
  greeting: 'Hi! How can we help?',
  outOfHoursReply: 'We are closed now; we answer from 9:00.',
  timeZone: 'Europe/Madrid',
  businessHours: [
    { day: 1, open: '09:00', close: '14:00' },
    { day: 1, open: '15:00', close: '18:00' },
    { day: 6, open: '10:00', close: '24:00' },
  ],
  handoffKeywords: ['agent', 'human'],
  handoffReply: 'A person will answer you shortly.',
};

describe('bot contract', () => {
  it('accepts the settings of the contract example, trimming texts', () => {
    expect(updateBotSettingsSchema.parse({ ...valid, greeting: '  Hi  ' }).greeting).toBe('Hi');
    expect(
      updateBotSettingsSchema.safeParse({
        ...valid,
        greeting: '',
        outOfHoursReply: '',
        businessHours: [],
        handoffKeywords: [],
      }).success,
    ).toBe(true);
  });

  it('refuses an unknown time zone, bad times, a close before its open and overlapping intervals', () => {
    const issues = (patch: object) =>
      updateBotSettingsSchema.safeParse({ ...valid, ...patch }).error?.issues.map((i) => i.path.join('.'));
    expect(issues({ timeZone: 'Mars/Olympus' })).toEqual(['timeZone']);
    expect(issues({ businessHours: [{ day: 8, open: '09:00', close: '10:00' }] })).toEqual(['businessHours.0.day']);
    expect(issues({ businessHours: [{ day: 1, open: '9:00', close: '10:00' }] })).toEqual(['businessHours.0.open']);
    expect(issues({ businessHours: [{ day: 1, open: '18:00', close: '09:00' }] })).toEqual(['businessHours.0.close']);
    expect(
      issues({
        businessHours: [
          { day: 2, open: '09:00', close: '13:00' },
          { day: 2, open: '12:00', close: '16:00' },
        ],
      }),
    ).toEqual(['businessHours.1.open']);
  });

  it('needs a hand-off reply and short keywords', () => {
    expect(updateBotSettingsSchema.safeParse({ ...valid, handoffReply: ' ' }).success).toBe(false);
    expect(updateBotSettingsSchema.safeParse({ ...valid, handoffKeywords: [''] }).success).toBe(false);
    expect(updateBotSettingsSchema.safeParse({ ...valid, handoffKeywords: ['x'.repeat(41)] }).success).toBe(false);
  });
});
