/** Where a replayed output first parts from the recorded one, token by token. */
import type { ReplayRow } from "../../../contract/sessions";

export interface TokenRef {
  id: number;
  text: string;
}

export type FirstDifference = NonNullable<ReplayRow["firstDifference"]>;

/**
 * null when both outputs have the same token ids throughout; otherwise the first index where they
 * differ, with each side's token there (null on the side that had already ended). Ids are
 * compared, not texts: two tokens can spell the same text (a word, or its bytes one by one).
 */
export function firstDifference(recorded: readonly TokenRef[], replayed: readonly TokenRef[]): FirstDifference | null {
  const length = Math.max(recorded.length, replayed.length);
  for (let index = 0; index < length; index++) {
    const expected = recorded[index];
    const actual = replayed[index];
    if (expected?.id !== actual?.id) return { index, expected: tokenRef(expected), actual: tokenRef(actual) };
  }
  return null;
}

function tokenRef(token: TokenRef | undefined): TokenRef | null {
  return token ? { id: token.id, text: token.text } : null;
}
