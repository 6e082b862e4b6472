import { MAX_SEARCH_RESULTS, searchQuerySchema } from './search.schema';

describe('search contract', () => {
  it('needs q of at least two characters once trimmed', () => {
    expect(searchQuerySchema.safeParse({ q: ' x ' }).success).toBe(false);
    expect(searchQuerySchema.parse({ q: ' pedido retrasado ' })).toEqual({ q: 'pedido retrasado', limit: 20 });
  });

  it('bounds the limit and the query length', () => {
    expect(searchQuerySchema.safeParse({ q: 'ok', limit: String(MAX_SEARCH_RESULTS + 1) }).success).toBe(false);
    expect(searchQuerySchema.safeParse({ q: 'x'.repeat(201) }).success).toBe(false);
    expect(searchQuerySchema.parse({ q: 'ok', limit: '5' }).limit).toBe(5);
  });
});
