import { botClientMessageId, repliesToContact, type BotConversationState, type BotRuleSettings } from './bot-rules';

const settings = (over: Partial<BotRuleSettings> = {}): BotRuleSettings => ({
  enabled: true,
  greeting: 'Hi!',
  outOfHoursReply: 'We are closed.',
  timeZone: 'Europe/Madrid',
  businessHours: [1, 2, 3, 4, 5].map((day) => ({ day, open: '09:00', close: '18:00' })),
  handoffKeywords: ['agent', 'humano'],
  handoffReply: 'A person will answer.',
  ...over,
});
const fresh: BotConversationState = { handedOff: false, humanReplied: false, outOfHoursPeriod: null };
const open = new Date('2026-07-01T10:00:00Z'); // Wednesday 12:00 in Madrid
const closed = new Date('2026-07-01T20:00:00Z'); // Wednesday 22:00 in Madrid
const text = (content: string, seq = 2) => ({ channel: 'whatsapp' as const, seq, type: 'text' as const, content });

describe('bot rules', () => {
  it('greets with the first message of a conversation (web widget and WhatsApp), and only then', () => {
    expect(repliesToContact(settings(), fresh, text('hola', 1), open)).toEqual([{ kind: 'greeting' }]);
    expect(repliesToContact(settings(), fresh, { ...text('hola', 1), channel: 'web' }, open)).toEqual([
      { kind: 'greeting' },
    ]);
    expect(repliesToContact(settings(), fresh, text('hola', 2), open)).toEqual([]);
  });

  it('answers out of hours once per closed period', () => {
    expect(repliesToContact(settings(), fresh, text('hola', 1), closed)).toEqual([
      { kind: 'greeting' },
      { kind: 'out_of_hours', period: '2026-07-01T18:00' },
    ]);
    expect(
      repliesToContact(settings(), { ...fresh, outOfHoursPeriod: '2026-07-01T18:00' }, text('still there?'), closed),
    ).toEqual([]);
    // The next night is another period.
    expect(
      repliesToContact(settings(), { ...fresh, outOfHoursPeriod: '2026-06-30T18:00' }, text('hello?'), closed),
    ).toEqual([{ kind: 'out_of_hours', period: '2026-07-01T18:00' }]);
    expect(repliesToContact(settings({ outOfHoursReply: '' }), fresh, text('hello?'), closed)).toEqual([]);
  });

  it('hands off on a keyword instead of greeting, still saying it is closed out of hours', () => {
    expect(repliesToContact(settings(), fresh, text('quiero un humano', 1), open)).toEqual([
      { kind: 'handoff', keyword: 'humano' },
    ]);
    expect(repliesToContact(settings(), fresh, text('agent please'), closed)).toEqual([
      { kind: 'handoff', keyword: 'agent' },
      { kind: 'out_of_hours', period: '2026-07-01T18:00' },
    ]);
    // Only text is read for keywords.
    expect(repliesToContact(settings(), fresh, { ...text('agent'), type: 'image' }, open)).toEqual([]);
  });

  it('stays silent after a hand-off, once a person replied, when off, and on internal conversations', () => {
    expect(repliesToContact(settings(), { ...fresh, handedOff: true }, text('agent', 1), closed)).toEqual([]);
    expect(repliesToContact(settings(), { ...fresh, humanReplied: true }, text('agent'), closed)).toEqual([]);
    expect(repliesToContact(settings({ enabled: false }), fresh, text('agent', 1), closed)).toEqual([]);
    expect(repliesToContact(settings(), fresh, { ...text('agent', 1), channel: 'internal' }, closed)).toEqual([]);
  });

  it('gives each trigger one clientMessageId (within the 100 characters allowed)', () => {
    const id = '2f1b7a3e-8d1c-4c55-9a34-0d2b8e7f6a10';
    expect(botClientMessageId({ kind: 'greeting' }, id)).toBe(`bot:greeting:${id}`);
    expect(botClientMessageId({ kind: 'handoff', keyword: 'agent' }, id)).toBe(
      botClientMessageId({ kind: 'handoff', keyword: 'humano' }, id),
    );
    const night = botClientMessageId({ kind: 'out_of_hours', period: '2026-07-01T18:00' }, id);
    expect(night).not.toBe(botClientMessageId({ kind: 'out_of_hours', period: '2026-07-02T18:00' }, id));
    expect(night.length).toBeLessThanOrEqual(100);
  });
});
