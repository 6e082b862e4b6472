import { highlightParts } from './highlight-parts';

const marked = (text: string, ranges: [number, number][]) =>
  highlightParts(text, ranges)
    .map((p) => (p.marked ? `[${p.text}]` : p.text))
    .join('');

describe('highlightParts', () => {
  it('marks each range and keeps the text between', () => {
    expect(
      marked('el pedido llegó tarde', [
        [3, 9],
        [16, 21],
      ]),
    ).toBe('el [pedido] llegó [tarde]');
    expect(marked('pedido', [[0, 6]])).toBe('[pedido]');
  });

  it('counts in UTF-16 code units, as the API does (an emoji is two)', () => {
    expect(marked('🙂 pedido', [[3, 9]])).toBe('🙂 [pedido]');
  });

  it('shows every character once whatever the ranges: out of bounds, reversed, empty or overlapping', () => {
    const text = 'abcdef';
    for (const ranges of [
      [[4, 99]],
      [[3, 1]],
      [[2, 2]],
      [
        [0, 4],
        [2, 5],
      ],
      [[-3, 2]],
      [[1.5, 3]],
    ] as [number, number][][]) {
      expect(
        highlightParts(text, ranges)
          .map((p) => p.text)
          .join(''),
      ).toBe(text);
    }
    // The part of an overlapping range past the previous one is still marked.
    expect(
      marked(text, [
        [0, 4],
        [2, 5],
      ]),
    ).toBe('[abcd][e]f');
  });

  it('keeps markup as text', () => {
    expect(marked('<img src=x onerror=alert(1)>', [[1, 4]])).toBe('<[img] src=x onerror=alert(1)>');
  });
});
