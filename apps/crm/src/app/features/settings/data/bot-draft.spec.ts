import { updateBotSettingsSchema } from '@switchboard/contracts';
import { draftErrors, draftOf, nextInterval, requestOf, type BotDraft } from './bot-draft';
import { botSettings } from './testing/settings-fixtures';

const draft = (patch: Partial<BotDraft> = {}): BotDraft => ({ ...draftOf(botSettings()), ...patch });

describe('bot settings draft', () => {
  it('finds the same problems as the contract, at the same paths', () => {
    const cases: Partial<BotDraft>[] = [
      {},
      { greeting: '', outOfHoursReply: '', businessHours: [], keywords: '' },
      { timeZone: 'Mars/Olympus' },
      { handoffReply: '   ' },
      { greeting: 'x'.repeat(1001) },
      { keywords: 'agent, ' + 'y'.repeat(41) },
      { keywords: Array.from({ length: 31 }, (_, i) => `k${i}`).join(',') },
      { businessHours: [{ day: 1, open: '18:00', close: '09:00' }] },
      {
        businessHours: [
          { day: 2, open: '09:00', close: '13:00' },
          { day: 2, open: '12:00', close: '16:00' },
        ],
      },
      { businessHours: [{ day: 3, open: '10:00', close: '24:00' }] },
    ];
    for (const patch of cases) {
      const d = draft(patch);
      const contract = updateBotSettingsSchema.safeParse(requestOf(d));
      const contractPaths = (contract.error?.issues ?? []).map((i) =>
        i.path[0] === 'handoffKeywords' ? 'handoffKeywords' : i.path.join('.'),
      );
      expect({ patch, paths: Object.keys(draftErrors(d)).sort() }).toEqual({
        patch,
        paths: [...new Set(contractPaths)].sort(),
      });
    }
  });

  it('sends keywords as a trimmed list and texts trimmed', () => {
    expect(requestOf(draft({ keywords: ' agent,  humano ,, real person ', greeting: '  Hola  ' }))).toMatchObject({
      handoffKeywords: ['agent', 'humano', 'real person'],
      greeting: 'Hola',
    });
  });

  it('a new interval starts where the day closes, or 09:00–18:00 on a closed day', () => {
    expect(nextInterval([], 6)).toEqual({ day: 6, open: '09:00', close: '18:00' });
    expect(nextInterval([{ day: 1, open: '09:00', close: '13:00' }], 1)).toEqual({
      day: 1,
      open: '13:00',
      close: '14:00',
    });
    expect(nextInterval([{ day: 1, open: '09:00', close: '23:30' }], 1)).toEqual({
      day: 1,
      open: '23:30',
      close: '24:00',
    });
    expect(nextInterval([{ day: 1, open: '09:00', close: '24:00' }], 1)).toBeNull();
  });
});
