import { blobText } from './testing/campaign-fixtures';
import { hasCsvHeader, pastedRecipientCount, recipientsFromPaste } from './recipients-input';

describe('recipientsFromPaste', () => {
  it('reads one recipient per line as phone or phone,name, ignoring blank lines', () => {
    expect(recipientsFromPaste('+34600000001,Ana\r\n\n  +34600000002  \n+34600000003;Luis\n+34600000004\tEva')).toEqual(
      {
        kind: 'rows',
        recipients: [
          { phone: '+34600000001', name: 'Ana' },
          { phone: '+34600000002' },
          { phone: '+34600000003', name: 'Luis' },
          { phone: '+34600000004', name: 'Eva' },
        ],
      },
    );
  });

  it('keeps a bad line as a row, so the server reports it by its number', () => {
    expect(recipientsFromPaste('+34600000001\n,Nameless')).toEqual({
      kind: 'rows',
      recipients: [{ phone: '+34600000001' }, { phone: '', name: 'Nameless' }],
    });
  });

  it('treats text whose first line names a phone column as CSV for the server', async () => {
    const text = '"Phone",name,city\n+34600000001,Ana,Madrid\n';
    expect(hasCsvHeader(text)).toBe(true);
    const source = recipientsFromPaste(text);
    expect(source?.kind).toBe('csv');
    if (source?.kind === 'csv')
      expect(await blobText(source.file)).toBe('"Phone",name,city\n+34600000001,Ana,Madrid\n');
    expect(pastedRecipientCount(text)).toBe(1);
  });

  it('knows the other names the server takes for the phone column, and ; as the separator', () => {
    expect(hasCsvHeader('Teléfono;Nombre\n+34600000001;Ana')).toBe(true);
    expect(hasCsvHeader('WhatsApp,city\n+34600000001,Lima')).toBe(true);
    expect(hasCsvHeader('+34600000001,Phone Smith')).toBe(false);
  });

  it('is null when nothing was pasted', () => {
    expect(recipientsFromPaste(' \n\n')).toBeNull();
    expect(pastedRecipientCount('')).toBe(0);
  });
});
