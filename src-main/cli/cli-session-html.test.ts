/**
 * `polyglot session export-html` as a user runs it: the built CLI on a session file written by the
 * app's own writer. What the report holds is tested in services/sessions/report/; here: where it
 * is written, what is said, and that bad input names the file and writes nothing.
 */
import { existsSync } from "node:fs";
import { readFile, symlink, writeFile } from "node:fs/promises";
import { beforeAll, describe, expect, it } from "vitest";
import { SESSION_VERSION, SessionFileSchema } from "../contract/session";
import { writeSessionFile } from "../services/sessions/session-file";
import { CLI, polyglot } from "../test-support/cli-runner";
import { makeComparison } from "../test-support/comparison-factory";
import { useTempDir } from "../test-support/temp-dir";

const dir = useTempDir("cli-session-html");
const RATER = "<script>alert(1)</script>";

describe("polyglot session export-html", () => {
  let sessionFile: string;
  let sessionText: string;

  beforeAll(async () => {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run "npm run build" before the CLI tests.`);
    sessionFile = dir.join("greetings.polyglot-session.json");
    await writeSessionFile(sessionFile, SessionFileSchema.parse({
      format: "polyglot-session", version: SESSION_VERSION, id: "s1", title: "Greetings",
      createdAt: "2025-02-01T09:00:00.000Z", updatedAt: "2025-02-01T09:00:00.000Z",
      comparisons: [makeComparison({
        id: "c1", prompt: "Say hello", panes: [{ name: "base", sha256: "aa", text: "Habari" }, { name: "continued", sha256: "bb" }],
        votes: [{ rater: RATER, winner: "a" }],
      })],
    }));
    sessionText = await readFile(sessionFile, "utf8");
  });

  it("writes the report beside the session, named after it, says where, and leaves the session as it was", async () => {
    const { code, stdout, stderr } = polyglot("session", "export-html", sessionFile);
    const out = dir.join("greetings.html");
    expect(code, stderr).toBe(0);
    expect(stdout).toBe("");
    expect(stderr).toMatch(new RegExp(`^Wrote the report of 1 comparison to ${out.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} \\(0\\.\\d MB\\)\\.\\n$`));
    const html = await readFile(out, "utf8");
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(html).toContain("<h1 dir=\"auto\">Greetings</h1>");
    expect(html).toContain("Habari");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).not.toContain(RATER);
    expect(await readFile(sessionFile, "utf8")).toBe(sessionText);
  });

  it("writes where --out says", async () => {
    const out = dir.join("elsewhere", "..", "report.htm");
    const { code, stderr } = polyglot("session", "export-html", sessionFile, "--out", out);
    expect(code, stderr).toBe(0);
    expect(stderr).toContain(dir.join("report.htm"));
    expect(await readFile(dir.join("report.htm"), "utf8")).toContain("<title>Greetings — Polyglot session report</title>");
  });

  it("refuses to write the report over the session file, by its name or through a link", async () => {
    const refused = polyglot("session", "export-html", sessionFile, "--out", sessionFile);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toBe(`polyglot: error: --out ${sessionFile} is the session file itself: give another file for the report.\n`);
    const link = dir.join("link.html");
    await symlink(sessionFile, link);
    expect(polyglot("session", "export-html", sessionFile, "--out", link).stderr).toMatch(/is the session file itself/);
    expect(await readFile(sessionFile, "utf8")).toBe(sessionText);
  });

  it("names a missing or malformed session file, and writes no report", async () => {
    const missing = dir.join("missing.json");
    const gone = polyglot("session", "export-html", missing);
    expect(gone.code).not.toBe(0);
    expect(gone.stderr).toBe(`polyglot: error: ${missing} does not exist.\n`);
    expect(existsSync(dir.join("missing.html"))).toBe(false);

    const broken = dir.join("broken.json");
    await writeFile(broken, sessionText.replace('"winner": "a"', '"winner": "maybe"'));
    const malformed = polyglot("session", "export-html", broken);
    expect(malformed.code).not.toBe(0);
    expect(malformed.stderr).toContain(broken);
    expect(malformed.stderr).toMatch(/winner/);
    expect(existsSync(dir.join("broken.html"))).toBe(false);
  });

  it("says why the report cannot be written", () => {
    const out = dir.join("no-such-folder", "report.html");
    const { code, stderr } = polyglot("session", "export-html", sessionFile, "--out", out);
    expect(code).not.toBe(0);
    expect(stderr).toMatch(new RegExp(`^polyglot: error: The report cannot be written to ${out.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: `));
  });
});
