import { mentionedIn } from '@switchboard/contracts/types';
import { mentionSpans } from './mention-spans';

const people = [
  { id: 'ana', name: 'Ana' },
  { id: 'ana-maria', name: 'Ana María López' },
  { id: 'jose', name: 'José Núñez' },
  { id: 'bruno', name: 'Bruno Agent' },
];

/** The highlighted parts only. */
const mentions = (content: string) =>
  mentionSpans(content, people)
    .filter((s) => s.mention)
    .map((s) => s.text);

describe('mentionSpans', () => {
  it('highlights @ and the whole name, keeping the text around it as written', () => {
    expect(mentionSpans('Can @Bruno Agent call her?', people)).toEqual([
      { text: 'Can ', mention: false },
      { text: '@Bruno Agent', mention: true },
      { text: ' call her?', mention: false },
    ]);
  });

  it('takes the longest name that fits, as the server does', () => {
    expect(mentions('@Ana María López, could you?')).toEqual(['@Ana María López']);
    expect(mentions('@Ana María will not do')).toEqual(['@Ana']);
  });

  it('ignores case, accents and repeated spaces in what was typed', () => {
    expect(mentions('cc @jose   nunez.')).toEqual(['@jose   nunez']);
  });

  it('highlights nothing the server would not notify about', () => {
    const notes = ['write to support@ana.example', '@Anabel is new', 'no at sign, Ana', '@Brunoagent', '@'];
    for (const note of notes) {
      expect({ note, mentions: mentions(note) }).toEqual({ note, mentions: [] });
      expect(mentionedIn(note, people)).toEqual([]);
    }
  });

  it('highlights every mention, and the spans put back together are the note', () => {
    const note = '(@Ana) and @Bruno Agent, then @ana again';
    expect(mentions(note)).toEqual(['@Ana', '@Bruno Agent', '@ana']);
    expect(
      mentionSpans(note, people)
        .map((s) => s.text)
        .join(''),
    ).toBe(note);
  });

  it('is plain text without people to mention', () => {
    expect(mentionSpans('@Ana', [])).toEqual([{ text: '@Ana', mention: false }]);
  });
});
