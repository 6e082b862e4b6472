import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROTOCOL_REFERENCE_START, renderProtocolReference } from './protocol-doc';

describe('docs/protocol.md', () => {
  it('its reference part is what the contract says today (run `npm run docs:protocol` after changing a schema)', () => {
    const doc = readFileSync(join(__dirname, '../../../../docs/protocol.md'), 'utf8');
    const at = doc.indexOf(PROTOCOL_REFERENCE_START);
    expect(at).toBeGreaterThan(0);
    expect(doc.slice(at + PROTOCOL_REFERENCE_START.length).trim()).toBe(renderProtocolReference().trim());
  });

  it('names every limit a client must respect, such as the message length and the campaign list size', () => {
    const reference = renderProtocolReference();
    expect(reference).toContain('| `content` | string |  | ≤ 10000 chars, default ""');
    expect(reference).toMatch(/`recipients` \| array of object \| yes \| ≥ 1 items, ≤ 100000 items/);
    expect(reference).toContain('≤ 72 bytes in UTF-8');
  });
});
