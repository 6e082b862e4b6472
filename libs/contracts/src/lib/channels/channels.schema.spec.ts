import {
  createTemplateSchema,
  sandboxInboundSchema,
  templateVariableCount,
  updateTemplateSchema,
} from './channels.schema';

describe('channels contract', () => {
  it('a simulated customer needs an E.164 number and text', () => {
    expect(sandboxInboundSchema.safeParse({ from: '+15551234567', name: 'Ana', text: 'hola' }).success).toBe(true);
    expect(sandboxInboundSchema.safeParse({ from: '15551234567', text: 'hola' }).success).toBe(false);
    expect(sandboxInboundSchema.safeParse({ from: '+15551234567', text: '  ' }).success).toBe(false);
  });

  it('templates follow Meta naming, a language code, and consecutive placeholders', () => {
    expect(
      createTemplateSchema.parse({ name: 'order_ready', language: 'es', body: 'Hola {{1}}, pedido {{2}}' }),
    ).toMatchObject({ category: 'utility' });
    expect(createTemplateSchema.safeParse({ name: 'Order Ready', language: 'es', body: 'x' }).success).toBe(false);
    expect(createTemplateSchema.safeParse({ name: 'ok', language: 'spanish', body: 'x' }).success).toBe(false);
    expect(createTemplateSchema.safeParse({ name: 'ok', language: 'en_US', body: 'Hi {{2}}' }).success).toBe(false);
    expect(updateTemplateSchema.safeParse({}).success).toBe(false);
    expect(templateVariableCount('Hola {{1}}, {{2}} y {{1}}')).toBe(2);
    expect(templateVariableCount('nada')).toBe(0);
  });
});
