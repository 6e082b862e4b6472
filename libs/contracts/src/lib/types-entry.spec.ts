import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// In this file any module that imports zod fails to load: the browser's entry must load regardless.
jest.mock('zod', () => {
  throw new Error('zod was loaded');
});

const source = (entry: string) => readFileSync(join(__dirname, '..', entry), 'utf8');
const modulesOf = (code: string, exportLine: RegExp) => [...code.matchAll(exportLine)].map((m) => m[1]);

describe('the types entry (@switchboard/contracts/types)', () => {
  it('loads without zod, and gives the browser the limits and rules it checks forms with', async () => {
    const types = await import('../types');
    expect(Object.keys(types)).toEqual(
      expect.arrayContaining([
        'utf8Length',
        'PASSWORD_MIN_LENGTH',
        'PASSWORD_MAX_BYTES',
        'MAX_MESSAGE_LENGTH',
        'MAX_CAMPAIGN_RATE_PER_SECOND',
        'DEFAULT_CAMPAIGN_RATE_PER_SECOND',
        'BOT_TEXT_MAX',
        'namespaceRoles',
        'mentionedIn',
      ]),
    );
    expect(types.utf8Length('ñ€🔑')).toBe(2 + 3 + 4);
  });

  it('would notice a schema among its values', async () => {
    await expect(import('./chat/chat.schema')).rejects.toThrow('zod was loaded');
  });

  it('covers every module of the main entry, in the same order', () => {
    const main = modulesOf(source('index.ts'), /^export \* from '(.+)';$/gm);
    const browser = modulesOf(source('types.ts'), /^export (?:type )?\* from '(.+)';$/gm);
    expect(browser).toEqual(main);
  });
});
