import { describe, expect, it } from "vitest";
import { z } from "zod";
import { findBadTokenLine, lineToToken, TokenLineSchema, tokenLineJson } from "./session-disk";

const GOOD: unknown[] = [
  [1, "a", -0.5],
  [0, "", 0],
  [32000, "</s>", -12.34567, []],
  [7, "م", -0.25, [[7, "م", -0.25], [8, "ب", -3]]],
];
const BAD: unknown[] = [
  null, {}, "x", [], [1, "a"], [1, "a", -0.5, [], 9], [1.5, "a", -1], ["1", "a", -1], [1, 2, -1], [1, "a", "-1"],
  [1, "a", -1, null], [1, "a", -1, [[1, "a"]]], [1, "a", -1, [[1, "a", -1, 2]]], [1, "a", -1, [null]], [1, "a", -1, [[1, 5, -1]]],
  [2 ** 60, "a", -1],
];

describe("token lines", () => {
  it("the fast check used for reading accepts and refuses exactly what the published schema does", () => {
    for (const line of [...GOOD, ...BAD]) {
      const schemaSays = z.array(TokenLineSchema).safeParse([line]).success;
      expect({ line, fastSays: findBadTokenLine([line]) === null }).toEqual({ line, fastSays: schemaSays });
    }
    expect(GOOD.every((line) => TokenLineSchema.safeParse(line).success)).toBe(true);
  });

  it("names the first bad line, and the alternative inside it", () => {
    expect(findBadTokenLine([GOOD[0], GOOD[3], [1, "a", -1, [[1, "a", -1], [1, 5, -1]]]])).toMatchObject({ path: [2, 3, 1] });
    expect(findBadTokenLine([GOOD[0], [1, "a"]])).toMatchObject({ path: [1] });
  });

  it("a line written from a token reads back as the same token", () => {
    const tokens = [
      { id: 1, text: "\"quoted\" \\ and\nnewline", logprob: -0.00001 },
      { id: 2, text: "ไทย", logprob: -1.5, top: [{ id: 2, text: "ไทย", logprob: -1.5 }, { id: 3, text: "", logprob: -2 }] },
    ];
    for (const token of tokens) expect(lineToToken(TokenLineSchema.parse(JSON.parse(tokenLineJson(token))))).toEqual(token);
    expect(tokenLineJson(tokens[1])).toBe('[2,"ไทย",-1.5,[[2,"ไทย",-1.5],[3,"",-2]]]');
  });
});
