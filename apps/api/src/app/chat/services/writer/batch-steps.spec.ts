import type { Message } from '@switchboard/contracts';
import { AppError } from '../../../common/errors/app-error';
import { refusalOf, type BatchFacts } from './batch-refusals';
import { sortOutResends, resendKey } from './batch-resends';
import { cursorMoves, readCursorsAfter } from './batch-reads';
import { batchRows, writeParameters } from './batch-rows';
import { WRITE_PARAMETERS } from './writer-statements';
import type { LockedRow, Pending } from './writer.types';

const CONVERSATION = '00000000-0000-4000-8000-000000000001';
const CONTACT = '00000000-0000-4000-8000-0000000000c1';
const AGENT = '00000000-0000-4000-8000-0000000000a1';
const OTHER_AGENT = '00000000-0000-4000-8000-0000000000a2';
const NOW = new Date('2026-12-04T10:00:00Z');

const locked = (over: Partial<LockedRow> = {}): LockedRow =>
  ({
    id: CONVERSATION,
    status: 'open',
    channel: 'web',
    subject: null,
    external_ref: null,
    contact_id: CONTACT,
    contact_name: 'Carla',
    contact_phone: null,
    contact_email: null,
    contact_last_inbound_at: null,
    assignee_id: AGENT,
    assignee_name: 'Ana',
    created_at: NOW,
    first_response_at: null,
    last_message_at: null,
    last_message_preview: null,
    last_activity_at: NOW,
    last_seq: 4,
    version: 7,
    read_cursors: [{ participant_id: AGENT, last_read_seq: 1, role: 'agent' }],
    has_resends: false,
    tx_now: NOW,
    ...over,
  }) as LockedRow;

const send = (who: 'contact' | 'agent' | 'other', over: Partial<Pending['input']> = {}): Pending => {
  const actor =
    who === 'contact'
      ? { sub: CONTACT, role: 'contact' as const, name: 'Carla' }
      : { sub: who === 'agent' ? AGENT : OTHER_AGENT, role: 'agent' as const, name: 'Ana' };
  return {
    author: { type: who === 'contact' ? 'contact' : 'agent', actor, id: actor.sub, name: actor.name },
    input: {
      conversationId: CONVERSATION,
      clientMessageId: `c-${Math.random()}`,
      type: 'text',
      content: 'hola',
      private: false,
      ...over,
    },
    resolve: () => undefined,
    reject: () => undefined,
  };
};

const facts = (over: Partial<BatchFacts> = {}): BatchFacts => ({
  locked: new Map([[CONVERSATION, locked()]]),
  replies: new Map(),
  uploads: new Map(),
  now: NOW,
  ...over,
});

describe('the writer, step by step', () => {
  it('validate: each send is refused on its own, with the reason its sender is told', () => {
    expect(refusalOf(send('contact'), facts())).toBeNull();
    expect(refusalOf(send('other'), facts())).toMatchObject({ code: 'forbidden' });
    expect(refusalOf(send('contact', { private: true }), facts())).toMatchObject({
      code: 'forbidden',
      message: 'Private notes are for staff',
    });
    expect(refusalOf(send('agent', { private: true }), facts())).toBeNull();
    expect(
      refusalOf(send('contact', { conversationId: '00000000-0000-4000-8000-00000000ffff' }), facts()),
    ).toMatchObject({ code: 'not_found' });
    const quoteOfNote = { id: 'm1', senderName: 'Ana', excerpt: 'VIP', deleted: false };
    const note = { conversation_id: CONVERSATION, private: true, quote: quoteOfNote };
    const notes = () => facts({ replies: new Map([['m1', note]]) });
    expect(refusalOf(send('contact', { replyToId: 'm1' }), notes())).toBeInstanceOf(AppError);
    // A public reply would carry the note's text to the contact; a note may quote a note.
    expect(refusalOf(send('agent', { replyToId: 'm1' }), notes())).toMatchObject({ code: 'validation_failed' });
    expect(refusalOf(send('agent', { replyToId: 'm1', private: true }), notes())).toBeNull();
    const file = send('contact', {
      type: 'image',
      attachment: { url: '/api/attachments/x', mimeType: 'image/png', size: 1, name: 'x.png' },
    });
    expect(refusalOf(file, facts())).toMatchObject({
      code: 'validation_failed',
      details: [{ path: 'attachment.url' }],
    });
    expect(refusalOf(file, facts({ uploads: new Map([['/api/attachments/x', CONVERSATION]]) }))).toBeNull();
    // WhatsApp's 24-hour window closes replies, not notes (they never leave the app).
    const closed = facts({
      locked: new Map([[CONVERSATION, locked({ channel: 'whatsapp', contact_last_inbound_at: null })]]),
    });
    expect(refusalOf(send('agent'), closed)).toMatchObject({ code: 'conflict' });
    expect(refusalOf(send('agent', { private: true }), closed)).toBeNull();
  });

  it('dedupe: a stored resend answers with the stored message, a second copy in the batch echoes the first', () => {
    const first = send('contact', { clientMessageId: 'same' });
    const again = send('contact', { clientMessageId: 'same' });
    const old = send('contact', { clientMessageId: 'old' });
    const stored = new Map([[resendKey(CONVERSATION, 'old'), { id: 'm-old' } as Message]]);
    const sorted = sortOutResends([first, again, old], stored, new Map());
    expect(sorted.fresh).toEqual([first]);
    expect(sorted.echoes).toEqual([[again, first]]);
    expect(sorted.resends).toEqual([[old, { id: 'm-old' }]]);
  });

  it("sequence: a person's cursor moves to their last message, and what they skipped unread is owed a receipt", () => {
    const sends = [send('contact'), send('agent'), send('agent')];
    const moves = cursorMoves(sends, [5, 6, 7], new Map([[CONVERSATION, locked()]]));
    expect([...moves.values()].map((m) => [m.actor.sub, m.seq, m.unreadUpTo])).toEqual([
      [CONTACT, 5, 4],
      [AGENT, 7, 5],
    ]);
    const cursors = readCursorsAfter(new Map([[CONVERSATION, locked()]]), moves.values()).get(CONVERSATION);
    expect(cursors).toEqual([
      { participant_id: AGENT, last_read_seq: 7, role: 'agent' },
      { participant_id: CONTACT, last_read_seq: 5, role: null },
    ]);
  });

  it('persist: rows keep an upload by its plain address, notes never wait for a channel, and every named parameter is filled in order', () => {
    const whatsapp = new Map([[CONVERSATION, locked({ channel: 'whatsapp' })]]);
    const links = {
      plainUrl: (id: string) => `/api/attachments/${id}`,
      idOf: (url: string) => /attachments\/([^?]+)/.exec(url)?.[1] ?? null,
    };
    const fresh = [
      send('contact', {
        type: 'image',
        content: '',
        attachment: { url: '/api/attachments/a1?exp=1&sig=s', mimeType: 'image/png', size: 1, name: 'a.png' },
      }),
      send('agent', { content: 'public' }),
      send('agent', { content: 'note', private: true }),
    ];
    const sequenced = [5, 6, 7].map((seq, index) => ({
      index,
      seq,
      firstResponse: index === 1,
      reopened: false,
      announced: false,
    }));
    const changes = [
      {
        id: CONVERSATION,
        lastSeq: 7,
        added: 3,
        status: 'open' as const,
        reopened: false,
        announced: false,
        firstResponse: true,
      },
    ];
    const rows = batchRows(fresh, { sequenced, changes, locked: whatsapp, replies: new Map() }, links);
    expect(rows.messages.map((m) => [m.seq, m.status, m.private, m.attachment?.url ?? null])).toEqual([
      [5, 'sent', false, '/api/attachments/a1'],
      [6, 'pending', false, null],
      [7, 'sent', true, null],
    ]);
    expect(rows.previews.get(CONVERSATION)).toBe('note');
    expect([...rows.inboundContacts]).toEqual([CONTACT]);

    const values = writeParameters(rows, fresh, changes, [], links);
    expect(values).toHaveLength(WRITE_PARAMETERS.length);
    const byName = Object.fromEntries(WRITE_PARAMETERS.map((p, i) => [p.name, values[i]]));
    expect(byName['content']).toEqual(['', 'public', 'note']);
    expect(byName['private']).toEqual([false, false, true]);
    expect(byName['referenced_attachment_id']).toEqual(['a1']);
    expect(byName['touched_last_seq']).toEqual([7]);
  });
});
