import { embeddingOrigin } from './widget-embed.bridge';

/** A document in a frame (or not) at `search`, with the browser's list of ancestors when given. */
function framedDocument(search: string, options: { framed?: boolean; ancestors?: string[] } = {}): Document {
  const win = { parent: null as unknown };
  win.parent = options.framed === false ? win : {};
  const ancestorOrigins = options.ancestors
    ? Object.assign([...options.ancestors], { contains: () => false, item: () => null })
    : undefined;
  return { defaultView: win, location: { search, ancestorOrigins } } as unknown as Document;
}

describe('embeddingOrigin', () => {
  it('is the host origin widget.js passed, in a frame whose parent the browser agrees is that origin', () => {
    const search = `?embed=${encodeURIComponent('https://shop.example')}`;
    expect(embeddingOrigin(framedDocument(search))).toBe('https://shop.example');
    expect(embeddingOrigin(framedDocument(search, { ancestors: ['https://shop.example'] }))).toBe(
      'https://shop.example',
    );
  });

  it('is null outside a frame, without the parameter, for a page that is not an origin, or when the browser disagrees', () => {
    const shop = `?embed=${encodeURIComponent('https://shop.example')}`;
    expect(embeddingOrigin(framedDocument(shop, { framed: false }))).toBeNull();
    expect(embeddingOrigin(framedDocument(''))).toBeNull();
    for (const claimed of ['https://shop.example/path', 'javascript:alert(1)', 'not a url', '*'])
      expect(embeddingOrigin(framedDocument(`?embed=${encodeURIComponent(claimed)}`))).toBeNull();
    expect(embeddingOrigin(framedDocument(shop, { ancestors: ['https://evil.example'] }))).toBeNull();
  });
});
