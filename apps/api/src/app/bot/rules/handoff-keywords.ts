/** Lower case without accents (`Agénte` → `agente`), so keywords match however they are typed. */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

function words(text: string): string[] {
  return fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

/**
 * The first keyword (a word or a phrase) that `text` contains as whole words, ignoring case,
 * accents and punctuation: "¿Puedo hablar con un AGENTE?" contains "agente", "I want a real
 * person" contains "real person", but "agents" and "personal" are other words. Null when none does.
 */
export function handoffKeywordIn(text: string, keywords: readonly string[]): string | null {
  const said = words(text);
  for (const keyword of keywords) {
    const wanted = words(keyword);
    if (wanted.length === 0) continue;
    for (let i = 0; i + wanted.length <= said.length; i++) {
      if (wanted.every((w, j) => said[i + j] === w)) return keyword;
    }
  }
  return null;
}
