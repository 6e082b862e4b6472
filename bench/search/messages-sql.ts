/**
 * Message text as the seeds write it, in SQL: each conversation in one language (70% Spanish),
 * its words drawn from that language's list with a Zipf-like skew (word k about 1/k as often as
 * the first), 3 to 16 words a message.
 */

/** `$lang` words (a text[] parameter) → one message of `n` words; `seed` varies it per row. */
export const messageText = (wordsParam: string, lengthExpr: string) =>
  `(SELECT string_agg((${wordsParam})[floor(exp(random() * ln(array_length(${wordsParam}, 1) + 1)))::int + 0 * g], ' ')
      FROM generate_series(1, ${lengthExpr}) g)`;
