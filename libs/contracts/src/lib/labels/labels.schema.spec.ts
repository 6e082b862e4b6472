import {
  createLabelSchema,
  MAX_LABELS_PER_CONVERSATION,
  setConversationLabelsSchema,
  updateLabelSchema,
} from './labels.schema';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe('labels contract', () => {
  it('takes a trimmed name and a #rrggbb colour, stored lower-case', () => {
    expect(createLabelSchema.parse({ name: '  VIP ', color: '#FFAA00' })).toEqual({ name: 'VIP', color: '#ffaa00' });
  });

  it('refuses colours that are not #rrggbb and names that are empty or too long', () => {
    for (const color of ['red', '#fff', '#ggg000', 'ffaa00', '#ffaa001'])
      expect(createLabelSchema.safeParse({ name: 'x', color }).success).toBe(false);
    expect(createLabelSchema.safeParse({ name: '   ', color: '#000000' }).success).toBe(false);
    expect(createLabelSchema.safeParse({ name: 'x'.repeat(51), color: '#000000' }).success).toBe(false);
  });

  it('a change names something to change', () => {
    expect(updateLabelSchema.safeParse({}).success).toBe(false);
    expect(updateLabelSchema.parse({ color: '#00FF00' })).toEqual({ color: '#00ff00' });
  });

  it('a conversation takes at most MAX_LABELS_PER_CONVERSATION labels, each once', () => {
    const ids = Array.from({ length: MAX_LABELS_PER_CONVERSATION }, (_, i) => id(i));
    expect(setConversationLabelsSchema.safeParse({ labelIds: ids }).success).toBe(true);
    expect(setConversationLabelsSchema.safeParse({ labelIds: [...ids, id(99)] }).success).toBe(false);
    expect(setConversationLabelsSchema.safeParse({ labelIds: [id(1), id(1).toUpperCase()] }).success).toBe(false);
    expect(setConversationLabelsSchema.safeParse({ labelIds: [] }).success).toBe(true);
  });
});
