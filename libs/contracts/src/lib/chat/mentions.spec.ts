import { mentionedIn } from './mentions';

const people = [
  { id: 'ana', name: 'Ana' },
  { id: 'ana-maria', name: 'Ana María López' },
  { id: 'jose', name: 'José  Núñez' },
  { id: 'jose-2', name: 'jose nuñez' },
  { id: 'li', name: 'Li' },
];

describe('mentionedIn', () => {
  it('finds @ and a full name, ignoring case, accents and repeated spaces', () => {
    expect(mentionedIn('Can @ana look at this?', people)).toEqual(['ana']);
    expect(mentionedIn('@JOSE NUNEZ please', people)).toEqual(['jose', 'jose-2']);
    expect(mentionedIn('cc @José   Núñez.', people)).toEqual(['jose', 'jose-2']);
  });

  it('takes the longest name that fits, and only whole names', () => {
    expect(mentionedIn('@Ana María López, could you call her?', people)).toEqual(['ana-maria']);
    expect(mentionedIn('@Ana María will not do: only Ana is named', people)).toEqual(['ana']);
    expect(mentionedIn('@Anabel is nobody here, nor @Lin', people)).toEqual([]);
  });

  it('needs the @ to start a word: an email address mentions nobody', () => {
    expect(mentionedIn('write to support@ana.example or x@li', people)).toEqual([]);
    expect(mentionedIn('(@li) and @li again', people)).toEqual(['li']);
  });

  it('mentions nobody without an @ or with no colleague named', () => {
    expect(mentionedIn('Ana, look', people)).toEqual([]);
    expect(mentionedIn('@', people)).toEqual([]);
    expect(mentionedIn('@ana', [])).toEqual([]);
  });
});
