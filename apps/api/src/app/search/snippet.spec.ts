import { MATCH_END as E, MATCH_START as S, snippetOf } from './snippet';

describe('snippetOf', () => {
  it('turns the marks of both languages into ranges of the plain text', () => {
    const text = 'Mi pedido de información está retrasado';
    const es = `Mi pedido de ${S}información${E} está ${S}retrasado${E}`;
    const en = `Mi ${S}pedido${E} de información está retrasado`;
    const snippet = snippetOf([es, en]);
    expect(snippet.text).toBe(text);
    expect(snippet.highlights.map(([s, e]) => snippet.text.slice(s, e))).toEqual([
      'pedido',
      'información',
      'retrasado',
    ]);
  });

  it('joins overlapping marks, and keeps markup as text', () => {
    const snippet = snippetOf([`<b>${S}refund${E}</b> now`, `<b>${S}refund${E}</b> now`]);
    expect(snippet).toEqual({ text: '<b>refund</b> now', highlights: [[3, 9]] });
  });

  it('cuts a long text around the first match, between words, with ellipses', () => {
    const before = 'palabra '.repeat(60);
    const after = ' otra cosa'.repeat(60);
    const snippet = snippetOf([`${before}el ${S}reembolso${E} llegó${after}`], 80);
    expect(snippet.text.startsWith('…')).toBe(true);
    expect(snippet.text.endsWith('…')).toBe(true);
    expect(snippet.text.length).toBeLessThanOrEqual(82);
    expect(snippet.highlights).toHaveLength(1);
    const [s, e] = snippet.highlights[0];
    expect(snippet.text.slice(s, e)).toBe('reembolso');
    // Cut between words: what is shown starts after a space and stops before one.
    const original = `${before}el reembolso llegó${after}`;
    const body = snippet.text.slice(1, -1);
    const at = original.indexOf(body);
    expect(at).toBeGreaterThan(0);
    expect([original[at - 1], original[at + body.length]]).toEqual([' ', ' ']);
  });

  it('never splits a character of two code units', () => {
    const text = `${'😀'.repeat(100)} ${S}x${E}`;
    const snippet = snippetOf([text], 21);
    expect(snippet.text).not.toMatch(/^…[\udc00-\udfff]/);
    expect(snippet.text.slice(...snippet.highlights[0])).toBe('x');
  });

  it('a text without marks (the match was in the file name) gives its start and no ranges', () => {
    expect(snippetOf(['short caption'])).toEqual({ text: 'short caption', highlights: [] });
  });
});
