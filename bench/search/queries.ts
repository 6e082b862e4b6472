/**
 * The two-word queries the benchmark sends, drawn once from a fixed seed so every run sends the
 * same ones. Five kinds, weighted as people search an inbox:
 * - frequent words (35%): two words of one language drawn as often as they are written (Zipf), so
 *   common pairs ("pedido retrasado") come up as often as they would;
 * - any words (25%): two words of one language drawn uniformly: mostly rare words, few matches;
 * - a name (25%): a first and a last name (contacts, their conversations; no message has them);
 * - two languages (10%): a Spanish and an English word, each common, that almost never meet in a
 *   message (the estimate of their matches is far off);
 * - no match (5%): a common word and a misspelt one.
 */
import { ENGLISH, FIRST_NAMES, LAST_NAMES, SPANISH, STOP_WORDS } from './vocabulary';

export type QueryKind = 'frequent words' | 'any words' | 'a name' | 'two languages' | 'no match';
export const QUERY_KINDS: QueryKind[] = ['frequent words', 'any words', 'a name', 'two languages', 'no match'];

export interface BenchQuery {
  kind: QueryKind;
  q: string;
}

/** mulberry32: a small seeded generator, so the queries are the same every run. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function benchQueries(count: number, seed = 20_261_204): BenchQuery[] {
  const random = generator(seed);
  const content = { es: SPANISH.slice(STOP_WORDS.spanish), en: ENGLISH.slice(STOP_WORDS.english) };
  const any = (list: readonly string[]) => list[Math.floor(random() * list.length)];
  // As the seed writes them: word k about 1/k as often as the first.
  const frequent = (list: readonly string[]) =>
    list[Math.min(list.length - 1, Math.floor(Math.exp(random() * Math.log(list.length + 1))) - 1)];
  const twoOf = (draw: (l: readonly string[]) => string, list: readonly string[]) => {
    const first = draw(list);
    let second = draw(list);
    while (second === first) second = draw(list);
    return `${first} ${second}`;
  };
  const out: BenchQuery[] = [];
  for (let i = 0; i < count; i++) {
    const r = random();
    const lang = random() < 0.7 ? content.es : content.en;
    if (r < 0.35) out.push({ kind: 'frequent words', q: twoOf(frequent, lang) });
    else if (r < 0.6) out.push({ kind: 'any words', q: twoOf(any, lang) });
    else if (r < 0.85) out.push({ kind: 'a name', q: `${any(FIRST_NAMES)} ${any(LAST_NAMES)}` });
    else if (r < 0.95) out.push({ kind: 'two languages', q: `${frequent(content.es)} ${frequent(content.en)}` });
    else out.push({ kind: 'no match', q: `${frequent(lang)} ${any(lang).split('').reverse().join('')}x` });
  }
  return out;
}
