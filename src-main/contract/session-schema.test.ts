/**
 * The session format's published JSON Schema (docs/session.schema.json) is made from the contract's
 * zod schema (the on-disk one, session-disk.ts), so the two cannot drift apart: a change to it fails this test until
 * the file is regenerated (`npx vitest run src-main/contract/session-schema.test.ts -u`).
 */
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { SessionDiskSchema } from "./session-disk";

describe("the session file's JSON Schema", () => {
  it("is the one published in docs/session.schema.json", async () => {
    // "input": what a file may hold (fields with defaults may be left out, as older files do).
    const schema = {
      ...z.toJSONSchema(SessionDiskSchema, { io: "input" }),
      $id: "https://polyglot-workbench.invalid/session.schema.json",
      title: "Polyglot Workbench session file",
      description: "Comparisons, their outputs with token log-probs, votes, notes and eval-run references (version 2). See docs/session-format.md.",
    };
    await expect(`${JSON.stringify(schema, null, 2)}\n`).toMatchFileSnapshot("../../docs/session.schema.json");
  });
});
