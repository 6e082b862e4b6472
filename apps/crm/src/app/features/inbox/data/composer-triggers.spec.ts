import { matchCanned, matchPeople, mentionTrigger, slashTrigger } from './composer-triggers';

const reply = (shortCode: string) => ({ id: shortCode, shortCode, content: `${shortCode} text` });

describe('slashTrigger', () => {
  it('is the short code typed after a / that starts a word, up to the caret', () => {
    expect(slashTrigger('/gre', 4)).toEqual({ query: 'gre', from: 0, to: 4 });
    expect(slashTrigger('Hola /Sal', 9)).toEqual({ query: 'sal', from: 5, to: 9 });
    expect(slashTrigger('Hola\n/', 6)).toEqual({ query: '', from: 5, to: 6 });
  });

  it('replaces the whole word when the caret is inside it', () => {
    expect(slashTrigger('/greeting more', 3)).toEqual({ query: 'gr', from: 0, to: 9 });
  });

  it('is nothing inside a word, a path or a finished word', () => {
    expect(slashTrigger('and/or', 6)).toBeNull();
    expect(slashTrigger('see /tmp/file', 13)).toBeNull();
    expect(slashTrigger('/gre ', 5)).toBeNull();
    expect(slashTrigger('plain', 5)).toBeNull();
  });
});

describe('mentionTrigger', () => {
  it('is what follows an @ that starts a word, spaces included', () => {
    expect(mentionTrigger('ask @Bruno A', 12)).toEqual({ query: 'Bruno A', from: 4, to: 12 });
    expect(mentionTrigger('@', 1)).toEqual({ query: '', from: 0, to: 1 });
  });

  it('takes the nearest @ and skips email addresses', () => {
    expect(mentionTrigger('@Ana and @Br', 12)).toEqual({ query: 'Br', from: 9, to: 12 });
    expect(mentionTrigger('mail carla@exa', 14)).toBeNull();
  });

  it('stops at a line break', () => {
    expect(mentionTrigger('@Ana\nthanks', 11)).toBeNull();
  });
});

describe('matchCanned', () => {
  const replies = [reply('thanks'), reply('greeting'), reply('bye-green'), reply('greet')];

  it('lists short codes starting with the query first, then those containing it', () => {
    expect(matchCanned(replies, 'gre').map((r) => r.shortCode)).toEqual(['greet', 'greeting', 'bye-green']);
  });

  it('lists everything for a bare /, by short code', () => {
    expect(matchCanned(replies, '').map((r) => r.shortCode)).toEqual(['bye-green', 'greet', 'greeting', 'thanks']);
  });

  it('lists nothing when nothing fits', () => {
    expect(matchCanned(replies, 'zz')).toEqual([]);
  });
});

describe('matchPeople', () => {
  const people = [
    { id: '1', name: 'Bruno Agent' },
    { id: '2', name: 'Ana María López' },
    { id: '3', name: 'Álvaro Brun' },
  ];

  it('finds names that start with the query, ignoring case and accents, then names with a word that does', () => {
    expect(matchPeople(people, 'brun').map((p) => p.name)).toEqual(['Bruno Agent', 'Álvaro Brun']);
    expect(matchPeople(people, 'alv').map((p) => p.name)).toEqual(['Álvaro Brun']);
    expect(matchPeople(people, 'ana maria l').map((p) => p.name)).toEqual(['Ana María López']);
  });

  it('lists everyone for a bare @ and nobody once the name typed fits no one', () => {
    expect(matchPeople(people, '')).toHaveLength(3);
    expect(matchPeople(people, 'Bruno Agent thanks')).toEqual([]);
  });
});
