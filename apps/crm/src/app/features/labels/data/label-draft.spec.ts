import { MAX_LABEL_NAME_LENGTH, createLabelSchema } from '@switchboard/contracts';
import { LABEL_NAME_MAX, LABEL_SWATCHES, labelErrors, trimmedLabel } from './label-draft';

const VIP = { id: 'l1', name: 'VIP', color: '#e5484d' };

describe('a label draft', () => {
  it("has the contract's name limit (kept here because the schema file may not be imported by the app)", () => {
    expect(LABEL_NAME_MAX).toBe(MAX_LABEL_NAME_LENGTH);
  });

  it('offers only colours the server takes', () => {
    for (const color of LABEL_SWATCHES) expect(createLabelSchema.safeParse({ name: 'x', color }).success).toBe(true);
  });

  it('needs a name, of at most 50 characters once trimmed, that no other label has whatever the case', () => {
    expect(labelErrors({ name: '   ', color: '#000000' }, []).name).toBe('labels.error.nameRequired');
    expect(labelErrors({ name: 'x'.repeat(51), color: '#000000' }, []).name).toBe('labels.error.nameTooLong');
    expect(labelErrors({ name: ` ${'x'.repeat(50)} `, color: '#000000' }, []).name).toBeUndefined();
    expect(labelErrors({ name: ' vip ', color: '#000000' }, [VIP]).name).toBe('labels.error.nameTaken');
    expect(labelErrors({ name: 'VIP', color: '#e5484d' }, []).name).toBeUndefined();
  });

  it('needs a #rrggbb colour', () => {
    expect(labelErrors({ name: 'a', color: 'red' }, []).color).toBe('labels.error.color');
    expect(labelErrors({ name: 'a', color: '#ABCDEF' }, []).color).toBeUndefined();
  });

  it('is sent as the server stores it, and the server takes what passes here', () => {
    const body = trimmedLabel({ name: '  Reembolso ', color: '#ABCDEF' });
    expect(body).toEqual({ name: 'Reembolso', color: '#abcdef' });
    expect(createLabelSchema.parse(body)).toEqual(body);
  });
});
