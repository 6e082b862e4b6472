import { readWebhook } from './whatsapp-inbound.mapper';
import { waWebhookSchema } from './whatsapp-payload.schema';

const event = (value: Record<string, unknown>, field = 'messages') =>
  waWebhookSchema.parse({
    object: 'whatsapp_business_account',
    entry: [
      {
        id: 'WABA',
        changes: [{ field, value: { messaging_product: 'whatsapp', metadata: { phone_number_id: '123' }, ...value } }],
      },
    ],
  });
const from = (message: Record<string, unknown>) =>
  readWebhook(
    event({
      contacts: [{ wa_id: '15551234567', profile: { name: 'Ana' } }],
      messages: [{ from: '15551234567', id: 'wamid.1', timestamp: '1', ...message }],
    }),
  );

describe('reading a WhatsApp webhook event', () => {
  it('text: the contact in E.164 with its profile name', () => {
    expect(from({ type: 'text', text: { body: 'hola' } }).messages).toEqual([
      { from: '+15551234567', name: 'Ana', providerMessageId: 'wamid.1', type: 'text', content: 'hola', media: null },
    ]);
  });

  it.each([
    ['image', 'image'],
    ['video', 'video'],
    ['audio', 'audio'],
    ['document', 'file'],
    ['sticker', 'image'],
  ])('%s: stored by reference (media id, mime type) with the caption as content', (waType, type) => {
    const [m] = from({
      type: waType,
      [waType]: { id: 'media-1', mime_type: 'x/y', sha256: 'abc', caption: 'look', filename: 'f.pdf' },
    }).messages;
    expect(m).toMatchObject({
      type,
      content: 'look',
      media: { provider: 'whatsapp', id: 'media-1', mimeType: 'x/y', sha256: 'abc', fileName: 'f.pdf' },
    });
  });

  it('media without a caption has empty content', () => {
    expect(from({ type: 'audio', audio: { id: 'a1', mime_type: 'audio/ogg' } }).messages[0]).toMatchObject({
      type: 'audio',
      content: '',
      media: { id: 'a1', fileName: null },
    });
  });

  it('location: a pin with coordinates and the name when given', () => {
    expect(
      from({ type: 'location', location: { latitude: 40.4168, longitude: -3.7038, name: 'Sol' } }).messages[0].content,
    ).toBe('📍 40.4168,-3.7038 (Sol)');
    expect(from({ type: 'location', location: { latitude: 1.5, longitude: 2 } }).messages[0].content).toBe('📍 1.5,2');
  });

  it('reaction: to the referenced message; an empty emoji takes it back', () => {
    const plan = from({ type: 'reaction', reaction: { message_id: 'wamid.0', emoji: '👍' } });
    expect(plan.messages).toEqual([]);
    expect(plan.reactions).toEqual([
      {
        from: '+15551234567',
        name: 'Ana',
        providerMessageId: 'wamid.1',
        targetProviderMessageId: 'wamid.0',
        emoji: '👍',
      },
    ]);
    expect(from({ type: 'reaction', reaction: { message_id: 'wamid.0', emoji: '' } }).reactions[0].emoji).toBeNull();
  });

  it('buttons and list replies become their text; anything else says it is unsupported', () => {
    expect(
      from({ type: 'interactive', interactive: { type: 'button_reply', button_reply: { id: 'b', title: 'Yes' } } })
        .messages[0].content,
    ).toBe('Yes');
    expect(from({ type: 'contacts', contacts: [] }).messages[0].content).toBe(
      '[unsupported WhatsApp message: contacts]',
    );
  });

  it('without a profile name the phone is the name', () => {
    expect(
      readWebhook(event({ messages: [{ from: '34600000000', id: 'w', type: 'text', text: { body: 'x' } }] }))
        .messages[0].name,
    ).toBe('+34600000000');
  });

  it('statuses: sent, delivered, read, and failed with the reason; unknown ones are skipped', () => {
    const plan = readWebhook(
      event({
        statuses: [
          { id: 'w1', status: 'sent', recipient_id: '1' },
          { id: 'w1', status: 'delivered' },
          { id: 'w1', status: 'read' },
          {
            id: 'w2',
            status: 'failed',
            errors: [
              { code: 131026, title: 'Message undeliverable', error_data: { details: 'Receiver is incapable' } },
            ],
          },
          { id: 'w3', status: 'deleted' },
        ],
      }),
    );
    expect(plan.statuses).toEqual([
      { providerMessageId: 'w1', status: 'sent', failureReason: null },
      { providerMessageId: 'w1', status: 'delivered', failureReason: null },
      { providerMessageId: 'w1', status: 'read', failureReason: null },
      { providerMessageId: 'w2', status: 'failed', failureReason: 'Receiver is incapable (code 131026)' },
    ]);
    expect(plan.skipped).toEqual(['a status deleted']);
  });

  it('one malformed message does not lose the others; other fields and objects are ignored', () => {
    const plan = readWebhook(
      event({ messages: [{ id: 'no-from' }, { from: '1555', id: 'ok', type: 'text', text: { body: 'fine' } }] }),
    );
    expect(plan.messages.map((m) => m.providerMessageId)).toEqual(['ok']);
    expect(plan.skipped).toHaveLength(1);
    expect(readWebhook(event({}, 'account_update')).skipped).toEqual(['field account_update']);
    expect(readWebhook({ object: 'page', entry: [] }).skipped).toEqual(['object page']);
  });
});
