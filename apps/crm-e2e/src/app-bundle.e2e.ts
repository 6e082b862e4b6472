import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The production build the e2e target builds first (`nx run crm-e2e:e2e` depends on crm:build). */
const BROWSER_DIR = join(__dirname, '../../../dist/apps/crm/browser');
/** Names zod gives its classes at runtime, which survive minification; nothing else in the app has them. */
const ZOD_MARKERS = ['ZodError', '$ZodType'];

/*
 * The app imports the contracts from their zod-free entry (@switchboard/contracts/types). A value
 * import from the main entry (a schema, or a constant living in a schema file) puts zod and every
 * schema in the bundle, which no type check or unit test notices.
 */
describe('the app bundle', () => {
  it('has no zod in it', () => {
    const scripts = readdirSync(BROWSER_DIR).filter((name) => name.endsWith('.js'));
    expect(scripts).toContainEqual(expect.stringMatching(/^main-.*\.js$/));
    const found = scripts.flatMap((name) => {
      const code = readFileSync(join(BROWSER_DIR, name), 'utf8');
      return ZOD_MARKERS.filter((marker) => code.includes(marker)).map((marker) => `${name}: ${marker}`);
    });
    expect(found).toEqual([]);
  });
});
