/**
 * `polyglot compare` as a user runs it: the built CLI on the fixture models, whose greedy output
 * the bigram oracle predicts from their tables alone.
 */
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { beforeAll, describe, expect, it } from "vitest";
import { SESSION_VERSION } from "../contract/session";
import { writeFixtureModels } from "../fixtures/fixture-checkpoints";
import { parseSessionText, serializeSession } from "../services/sessions/session-file";
import { bytesToText, fixtureTable, greedyContinuation, SAFE_MARGIN, type FixtureName } from "../test-support/bigram-oracle";
import { CLI, polyglot } from "../test-support/cli-runner";
import { sha256OfFile } from "../test-support/sha256";
import { useTempDir } from "../test-support/temp-dir";

const MAX_TOKENS = 20;

interface TokenLine {
  model: string;
  token: string;
  id: number;
  logprob: number;
  top: { token: string; id: number; logprob: number }[];
}

interface DoneLine {
  model: string;
  done: true;
  text: string;
  stats: { generatedTokens: number; stopReason: string };
  error?: unknown;
}

/** The JSON lines of a `compare --json` run, split into token lines, done lines and the session line. */
function parseJsonRun(stdout: string) {
  const lines = stdout.trim().split("\n").map((line) => JSON.parse(line) as Record<string, unknown>);
  return {
    lines,
    tokens: lines.filter((line) => "token" in line) as unknown as TokenLine[],
    done: lines.filter((line) => line.done === true) as unknown as DoneLine[],
    session: lines.find((line) => "session" in line) as { session: string; comparison: string } | undefined,
  };
}

function greedy(name: FixtureName, prompt: string) {
  return greedyContinuation(fixtureTable(name), prompt, MAX_TOKENS);
}

/** A prompt whose greedy continuations are safely predictable on both models and differ between them. */
function divergingPrompt(): string {
  const candidates = ["The river", "The", "La", "Le", "Habari", "When the", "In"];
  const prompt = candidates.find((candidate) => {
    const [base, continued] = [greedy("polyglot-base", candidate), greedy("polyglot-continued", candidate)];
    return base.minMargin > SAFE_MARGIN && continued.minMargin > SAFE_MARGIN && base.ids.join() !== continued.ids.join();
  });
  if (!prompt) throw new Error("No candidate prompt has safe, diverging greedy continuations on the fixtures");
  return prompt;
}

describe("polyglot compare", () => {
  const dir = useTempDir("cli-compare-test");
  let base: string;
  let continued: string;
  let prompt: string;

  beforeAll(async () => {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run "npm run build" before the CLI tests.`);
    [base, continued] = await writeFixtureModels(dir.path);
    prompt = divergingPrompt();
  });

  const greedyArgs = () => ["--prompt", prompt, "--temperature", "0", "--max-tokens", String(MAX_TOKENS)];

  it("--json streams every model's tokens with alternatives, then each model's result; greedy follows each table", () => {
    const { code, stdout, stderr } = polyglot("compare", "--model", base, "--model", continued, ...greedyArgs(), "--json");
    expect(code, stderr).toBe(0);
    const run = parseJsonRun(stdout);
    // Tokens first (interleaved as they come), then one result per model in --model order; no session line.
    expect(run.lines.slice(-2)).toEqual(run.done);
    expect(run.done.map((line) => line.model)).toEqual([base, continued]);
    expect(run.session).toBeUndefined();

    for (const token of run.tokens) {
      expect(Object.keys(token).sort()).toEqual(["id", "logprob", "model", "token", "top"]);
      expect(Number.isInteger(token.id)).toBe(true);
      expect(token.top.length).toBeGreaterThanOrEqual(5);
      const logprobs = token.top.map((alternative) => alternative.logprob);
      expect(logprobs).toEqual([...logprobs].sort((a, b) => b - a));
      expect(token.top[0].id).toBe(token.id); // greedy takes the best
    }

    const expected = { [base]: greedy("polyglot-base", prompt), [continued]: greedy("polyglot-continued", prompt) };
    const ids: Record<string, number[]> = {};
    for (const done of run.done) {
      const tokens = run.tokens.filter((token) => token.model === done.model);
      ids[done.model] = tokens.map((token) => token.id);
      expect(done.error).toBeUndefined();
      expect(tokens.map((token) => token.token).join("")).toBe(done.text);
      expect(ids[done.model]).toEqual(expected[done.model].ids);
      tokens.forEach((token, i) => expect(token.logprob).toBeCloseTo(expected[done.model].logprobs[i], 4));
      expect(done.text).toBe(bytesToText(expected[done.model].ids));
      expect(done.stats).toMatchObject({
        generatedTokens: expected[done.model].ids.length, stopReason: expected[done.model].endsWithEog ? "eos" : "max-tokens",
      });
    }
    // The checkpoints differ exactly where their tables do.
    const positions = Math.min(ids[base].length, ids[continued].length);
    const differs = (a: number[], b: number[]) => Array.from({ length: positions }, (_, i) => a[i] !== b[i]);
    expect(differs(ids[base], ids[continued])).toEqual(differs(expected[base].ids, expected[continued].ids));
    expect(ids[base]).not.toEqual(ids[continued]);
  });

  it("the same model twice runs two identical panes", () => {
    const { code, stdout } = polyglot("compare", "--model", continued, "--model", continued, ...greedyArgs(), "--json");
    expect(code).toBe(0);
    const run = parseJsonRun(stdout);
    const expected = greedy("polyglot-continued", prompt);
    expect(run.done).toHaveLength(2);
    expect(run.done[1]).toMatchObject({ model: continued, text: run.done[0].text, stats: { generatedTokens: run.done[0].stats.generatedTokens } });
    expect(run.done[0].text).toBe(bytesToText(expected.ids));
    expect(run.tokens).toHaveLength(2 * expected.ids.length);
  });

  it("--top-k-alternatives sets how many alternatives each token carries", () => {
    const { code, stdout } = polyglot("compare", "--model", base, ...greedyArgs(), "--top-k-alternatives", "8", "--json");
    expect(code).toBe(0);
    const { tokens } = parseJsonRun(stdout);
    expect(tokens.length).toBeGreaterThan(0);
    for (const token of tokens) expect(token.top).toHaveLength(8);
  });

  it("--context-size loads the models with that context: a prompt longer than it fails each pane, naming the size", () => {
    const long = "The river runs to the sea. ".repeat(20); // 540 bytes = tokens with this byte-level vocabulary
    const { code, stdout, stderr } = polyglot("compare", "--model", base, "--model", continued, "--prompt", long, "--context-size", "256", "--json");
    expect(code).not.toBe(0);
    const { done } = parseJsonRun(stdout);
    expect(done).toHaveLength(2);
    for (const result of done) expect(result).toMatchObject({ error: { code: "INVALID_INPUT", message: expect.stringMatching(/context holds 256/) } });
    expect(stderr).toContain(base);
    const fits = polyglot("compare", "--model", base, "--prompt", long, "--context-size", "1024", "--max-tokens", "4", "--json");
    expect(fits.code).toBe(0);
  });

  it("prints each model's text under its name with a stats line without --json", () => {
    const { code, stdout } = polyglot("compare", "--model", base, "--model", continued, ...greedyArgs());
    expect(code).toBe(0);
    for (const [index, [file, name]] of ([[base, "polyglot-base"], [continued, "polyglot-continued"]] as const).entries()) {
      expect(stdout).toContain(`${index + 1}. ${file}`);
      expect(stdout).toContain(`\n${bytesToText(greedy(name, prompt).ids)}\n`);
    }
    expect(stdout.match(/\[\d+ tokens, .+ tokens\/s, first token after .+ ms, stop: (eos|max-tokens)\]/g)).toHaveLength(2);
  });

  it("--session creates the session file, then appends to it; it holds the models' sha256 and the tokens", async () => {
    const file = dir.join("sessions", "runs.json");
    const runs = [0, 1].map(() => polyglot("compare", "--model", base, "--model", continued, ...greedyArgs(), "--language", "eng_Latn", "--session", file, "--json"));
    const printed = runs.map((run) => {
      expect(run.code).toBe(0);
      const { session, lines } = parseJsonRun(run.stdout);
      expect(lines.at(-1)).toEqual(session);
      expect(session?.session).toBe(file);
      return session!.comparison;
    });

    const text = await readFile(file, "utf8");
    const { session } = parseSessionText(file, text);
    expect(text).toBe(serializeSession(session)); // schema key order, 2-space indent, trailing newline
    expect(session.comparisons.map((comparison) => comparison.id)).toEqual(printed);
    const hashes = [await sha256OfFile(base), await sha256OfFile(continued)];
    for (const comparison of session.comparisons) {
      expect(comparison).toMatchObject({ prompt: { mode: "completion", text: prompt }, language: "eng_Latn", votes: [] });
      expect(comparison.panes.map((pane) => pane.model.sha256)).toEqual(hashes);
      expect(comparison.panes.map((pane) => pane.model.name)).toEqual(["polyglot-base", "polyglot-continued"]);
      for (const pane of comparison.panes) {
        expect(pane.params.temperature).toBe(0);
        expect(pane.topAlternatives).toBe(5);
        expect(pane.output.tokens.length).toBeGreaterThan(0);
        expect(pane.output.tokens.map((token) => token.text).join("")).toBe(pane.output.text);
        for (const token of pane.output.tokens) expect(token.top).toHaveLength(5);
      }
    }
    expect(session.comparisons[0].panes[1].output.text).toBe(bytesToText(greedy("polyglot-continued", prompt).ids));
  });

  it("refuses a malformed or newer session file before running any model, and leaves it untouched", async () => {
    const valid = dir.join("valid.json");
    expect(polyglot("compare", "--model", base, "--prompt", "x", "--max-tokens", "2", "--session", valid).code).toBe(0);
    const bytes = await readFile(valid);
    const truncated = dir.join("truncated.json");
    await writeFile(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const newer = dir.join("newer.json");
    await writeFile(newer, JSON.stringify({ ...JSON.parse(bytes.toString("utf8")), version: SESSION_VERSION + 1, future: true }, null, 2));
    for (const [file, message] of [[truncated, /is not valid JSON/], [newer, /newer Polyglot Workbench/]] as const) {
      const before = await readFile(file);
      const { code, stdout, stderr } = polyglot("compare", "--model", base, "--prompt", "x", "--session", file, "--json");
      expect(code).not.toBe(0);
      expect(stdout).toBe("");
      expect(stderr).toContain(file);
      expect(stderr).toMatch(message);
      expect(stderr).not.toMatch(/\n\s+at /);
      expect((await readFile(file)).equals(before)).toBe(true);
    }
  });

  it("a pane whose model fails to load ends in error; the others still run, and the exit code says so", async () => {
    // A header that promises a second block the file has no tensors for: it inspects fine, llama.cpp refuses to load it.
    const gguf = await readFile(base);
    const key = Buffer.from("llama.block_count");
    const at = gguf.indexOf(key) + key.length;
    expect(gguf.readUInt32LE(at)).toBe(4); // GGUF value type uint32
    expect(gguf.readUInt32LE(at + 4)).toBe(1);
    const broken = dir.join("two-blocks.gguf");
    await writeFile(broken, Buffer.concat([gguf.subarray(0, at + 4), Buffer.from([2, 0, 0, 0]), gguf.subarray(at + 8)]));

    const { code, stdout, stderr } = polyglot("compare", "--model", broken, "--model", base, ...greedyArgs(), "--json");
    expect(code).not.toBe(0);
    const run = parseJsonRun(stdout);
    expect(run.tokens.every((token) => token.model === base)).toBe(true);
    expect(run.done[0]).toMatchObject({ model: broken, text: "", stats: { stopReason: "error" }, error: { code: "CORRUPT_GGUF", file: broken } });
    expect(run.done[1]).toMatchObject({ model: base, text: bytesToText(greedy("polyglot-base", prompt).ids) });
    expect(run.done[1].error).toBeUndefined();
    expect(stderr).toContain(`polyglot: error: ${broken}: `);
  });

  it("reports a missing model file and bad flags on stderr with a non-zero exit code", () => {
    const missing = dir.join("missing.gguf");
    const cases = [
      { args: ["--model", base, "--model", missing, "--prompt", "x"], message: /missing\.gguf does not exist/ },
      { args: ["--model", base, "--prompt", "x", "--language", "swahili"], message: /--language/ },
      { args: ["--model", base, "--prompt", "x", "--top-k-alternatives", "50"], message: /--top-k-alternatives/ },
      { args: ["--model", base, "--prompt", "x", "--temperature", "hot"], message: /--temperature needs a number/ },
      { args: [...Array.from({ length: 7 }, () => ["--model", base]).flat(), "--prompt", "x"], message: /--model: give 1 to 6 models, not 7/ },
    ];
    for (const { args, message } of cases) {
      const { code, stdout, stderr } = polyglot("compare", ...args);
      expect(code).not.toBe(0);
      expect(stdout).toBe("");
      expect(stderr).toMatch(message);
      expect(stderr).not.toMatch(/\n\s+at /);
    }
  });
});
