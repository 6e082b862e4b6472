import { Readable } from 'node:stream';
import { csvField } from './csv-field';
import { readRecipientsCsv } from './csv-recipients';
import { renderTemplate } from './message-template';
import { toE164 } from './phone-number';
import { buildRecipientList, previewOf } from './recipient-list';

describe('phone numbers', () => {
  it.each([
    ['+34 600 12 34 56', '+34600123456'],
    ['0034-600-123-456', '+34600123456'],
    ['+1 (555) 123-4567', '+15551234567'],
  ])('normalises %s to E.164', (raw, phone) => expect(toE164(raw)).toEqual({ phone }));

  it.each(['600123456', '+0600123456', '+34 60', '+34600123456789012', 'call me', ''])('refuses %p', (raw) =>
    expect(toE164(raw)).toHaveProperty('error'),
  );
});

describe('message templates', () => {
  it('fills placeholders and reports the missing ones', () => {
    expect(renderTemplate('Hola {{ name }}, {{code}}!', { name: 'Ana', code: 'X1' })).toEqual({
      content: 'Hola Ana, X1!',
    });
    expect(renderTemplate('Hola {{name}}, {{code}}', { name: 'Ana', code: '  ' })).toEqual({ missing: ['code'] });
  });
});

describe('CSV', () => {
  /** The text as an upload arrives: in chunks of `size` bytes (split anywhere, even inside a character). */
  const upload = (text: string, size = 7) => {
    const bytes = Buffer.from(text);
    return Readable.from(
      Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) => bytes.subarray(i * size, (i + 1) * size)),
    );
  };

  it('reads quoted fields with separators, quotes and line breaks, CRLF and a BOM, split anywhere', async () => {
    expect(
      await readRecipientsCsv(
        upload('\ufeffphone,name\r\n+34600000001,"Pérez, Ana"\r\n+34600000002,"Dice ""hola""\ny adiós"\r\n\r\n'),
      ),
    ).toEqual({
      recipients: [
        { phone: '+34600000001', name: 'Pérez, Ana', variables: {} },
        { phone: '+34600000002', name: 'Dice "hola"\ny adiós', variables: {} },
      ],
    });
  });

  it('takes ; as the separator when the header uses it', async () => {
    expect(await readRecipientsCsv(upload('telefono;nombre\n+34600000001;Ana'))).toEqual({
      recipients: [{ phone: '+34600000001', name: 'Ana', variables: {} }],
    });
  });

  it('writes fields that spreadsheets will not run as formulas', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('+34600000001')).toBe('+34600000001');
    expect(csvField('a,b')).toBe('"a,b"');
  });

  it('maps columns: phone, name, and the rest as variables', async () => {
    expect(await readRecipientsCsv(upload('Phone,Name,Code\n+34600000001,Ana,A1'))).toEqual({
      recipients: [{ phone: '+34600000001', name: 'Ana', variables: { code: 'A1' } }],
    });
    expect(await readRecipientsCsv(upload('name,email\nAna,a@x'))).toHaveProperty('error');
  });

  it('refuses an empty file, a binary one and a quote that never closes', async () => {
    expect(await readRecipientsCsv(upload(''))).toEqual({ error: 'the file is empty' });
    expect(await readRecipientsCsv(Readable.from([Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00])]))).toEqual({
      error: 'not a text file',
    });
    expect(await readRecipientsCsv(upload('phone,name\n+34600000001,"Ana'))).toHaveProperty('error');
  });

  it('reads 100,000 rows as they stream in', async () => {
    const rows = function* () {
      yield Buffer.from('phone,name,code\n');
      for (let i = 0; i < 100_000; i++) yield Buffer.from(`+3460${String(i).padStart(7, '0')},Name ${i},C${i}\n`);
    };
    const result = await readRecipientsCsv(Readable.from(rows()));
    expect('recipients' in result && result.recipients.length).toBe(100_000);
    expect('recipients' in result && result.recipients[99_999]).toEqual({
      phone: '+34600099999',
      name: 'Name 99999',
      variables: { code: 'C99999' },
    });
  });
});

describe('recipient list', () => {
  it('keeps the first of each phone, counts duplicates and reports bad rows by number', () => {
    const list = buildRecipientList('Hola {{name}}', [
      { phone: '+34600000001', name: 'Ana' },
      { phone: '+34 600 000 001', name: 'Ana again' },
      { phone: '600000002', name: 'Luis' },
      { phone: '+34600000003' },
      { phone: '+34600000004', name: 'Eva' },
    ]);
    expect(list.valid.map((r) => [r.row, r.phone])).toEqual([
      [1, '+34600000001'],
      [5, '+34600000004'],
    ]);
    expect(list.duplicates).toBe(1);
    expect(list.invalid).toEqual([
      { row: 3, phone: '600000002', message: expect.stringContaining('country code') },
      { row: 4, phone: '+34600000003', message: 'no value for {{name}}' },
    ]);
    expect(previewOf('Hola {{name}}', list).preview).toEqual([
      { to: '+34600000001', name: 'Ana', content: 'Hola Ana' },
      { to: '+34600000004', name: 'Eva', content: 'Hola Eva' },
    ]);
  });

  it('addresses contacts by id with their stored phone and name', () => {
    const contacts = new Map([
      ['c1', { phone: '+34600000009', name: 'Carmen' }],
      ['c2', { phone: null, name: 'Web only' }],
    ]);
    const list = buildRecipientList(
      'Hola {{name}}',
      [{ contactId: 'c1' }, { contactId: 'c2' }, { contactId: 'c3' }],
      contacts,
    );
    expect(list.valid).toEqual([{ row: 1, phone: '+34600000009', name: 'Carmen', variables: {} }]);
    expect(list.invalid.map((e) => e.message)).toEqual(['the contact has no phone number', 'no such contact']);
  });
});
