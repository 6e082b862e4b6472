import { handoffKeywordIn } from './handoff-keywords';

const keywords = ['agent', 'human', 'persona', 'agente', 'humano', 'real person'];

describe('hand-off keyword detection', () => {
  it('finds a keyword as a whole word, whatever the case, accents and punctuation', () => {
    expect(handoffKeywordIn('Can I talk to an AGENT, please?', keywords)).toBe('agent');
    expect(handoffKeywordIn('¿Puedo hablar con un agénte?', keywords)).toBe('agente');
    expect(handoffKeywordIn('quiero hablar con una persona!!', keywords)).toBe('persona');
    expect(handoffKeywordIn('Humano', keywords)).toBe('humano');
  });

  it('matches phrases word by word, across extra spaces and line breaks', () => {
    expect(handoffKeywordIn('I need a   real\nperson now', keywords)).toBe('real person');
    expect(handoffKeywordIn('a real, person', keywords)).toBe('real person');
    expect(handoffKeywordIn('the person is real', ['real person'])).toBeNull();
  });

  it('does not fire inside other words', () => {
    expect(handoffKeywordIn('Our agents said the package is late', keywords)).toBeNull();
    expect(handoffKeywordIn('This is personal', keywords)).toBeNull();
    expect(handoffKeywordIn('humanity!', keywords)).toBeNull();
    expect(handoffKeywordIn('reagent supply', keywords)).toBeNull();
  });

  it('keywords typed with accents or capitals match plain text too; empty keywords never match', () => {
    expect(handoffKeywordIn('hablar con agente', ['Agénte'])).toBe('Agénte');
    expect(handoffKeywordIn('anything', ['', '  ', '!!'])).toBeNull();
    expect(handoffKeywordIn('', keywords)).toBeNull();
  });
});
