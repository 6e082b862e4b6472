import { createTemplateSchema } from '@switchboard/contracts';
import { EMPTY_TEMPLATE, TEMPLATE_BODY_MAX, templateErrors, type TemplateDraft } from './template-draft';

describe('template draft', () => {
  it('refuses what the contract refuses, field by field', () => {
    const cases: Partial<TemplateDraft>[] = [
      { name: 'order_ready', body: 'Hola {{1}}, tu pedido {{2}} está listo' },
      { name: 'Order Ready', body: 'x' },
      { name: 'ok', language: 'spanish', body: 'x' },
      { name: 'ok', language: 'en_US', body: 'Hi {{2}}' },
      { name: 'ok', body: '   ' },
      { name: 'ok', body: 'x'.repeat(TEMPLATE_BODY_MAX + 1) },
      { name: '', language: '', body: '' },
    ];
    for (const patch of cases) {
      const d = { ...EMPTY_TEMPLATE, ...patch };
      const contractFields = [
        ...new Set((createTemplateSchema.safeParse(d).error?.issues ?? []).map((i) => String(i.path[0]))),
      ].sort();
      expect({ patch, fields: Object.keys(templateErrors(d)).sort() }).toEqual({ patch, fields: contractFields });
    }
  });
});
