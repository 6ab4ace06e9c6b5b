/**
 * The CLI as a user runs it: the built `out/main/cli.js` in a child process (npm test builds
 * first), real fixture models, output parsed from stdout/stderr.
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { request } from "node:http";
import os from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installedElectronBinary } from "../app/electron-binary";
import { writeFixtureModels } from "../fixtures/fixture-checkpoints";
import { bytesToText, fixtureTable, greedyContinuation } from "../test-support/bigram-oracle";
import { CLI, polyglot } from "../test-support/cli-runner";

describe("polyglot CLI", () => {
  let dir: string;
  let base: string;
  let continued: string;

  beforeAll(async () => {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run "npm run build" before the CLI tests.`);
    dir = await mkdtemp(join(os.tmpdir(), "polyglot-cli-test-"));
    [base, continued] = await writeFixtureModels(dir);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("models inspect prints the GGUF metadata, sha256 and memory estimate as JSON", async () => {
    const { code, stdout } = polyglot("models", "inspect", continued);
    expect(code).toBe(0);
    const info = JSON.parse(stdout);
    expect(info.sha256).toBe(createHash("sha256").update(await readFile(continued)).digest("hex"));
    expect(info.metadata).toMatchObject({ name: "polyglot-continued", architecture: "llama", quantization: "F32", vocabularySize: 260 });
    expect(info.metadata.chatTemplate).toContain("<|im_start|>");
    expect(info.memory).toMatchObject({ backend: "cpu", gpuLayers: 0, fits: true });
  });

  it("generate --json streams one object per token, then the summary; greedy follows the model's table", () => {
    const prompt = "The river";
    const { code, stdout } = polyglot("generate", "--model", base, "--prompt", prompt, "--temperature", "0", "--max-tokens", "24", "--json");
    expect(code).toBe(0);
    const lines = stdout.trim().split("\n").map((line) => JSON.parse(line));
    const tokens = lines.slice(0, -1);
    const summary = lines.at(-1);
    const expected = greedyContinuation(fixtureTable("polyglot-base"), prompt, 24);
    expect(tokens.map((t) => t.id)).toEqual(expected.ids);
    tokens.forEach((t, i) => expect(t.logprob).toBeCloseTo(expected.logprobs[i], 4));
    expect(summary).toMatchObject({ done: true, text: bytesToText(expected.ids), stats: { generatedTokens: 24, stopReason: "max-tokens" } });
    expect(tokens.map((t) => t.token).join("")).toBe(summary.text);
  });

  it("generate --chat applies the model's chat template; plain output goes to stdout, stats to stderr", () => {
    const { code, stdout, stderr } = polyglot("generate", "--model", continued, "--prompt", "Привет", "--chat", "--temperature", "0", "--max-tokens", "12");
    expect(code).toBe(0);
    const expected = greedyContinuation(fixtureTable("polyglot-continued"), "\n", 12); // the template ends "assistant\n"
    expect(stdout).toBe(bytesToText(expected.ids) + "\n");
    expect(stderr).toMatch(/12 tokens, .* tokens\/s, first token after \d+ ms, stop: max-tokens/);
  });

  it("a fixed seed gives the same sampled text on every run", () => {
    const args = ["generate", "--model", continued, "--prompt", "La", "--temperature", "0.9", "--seed", "7", "--max-tokens", "40"];
    const [first, second] = [polyglot(...args), polyglot(...args)];
    expect(first.code).toBe(0);
    expect(first.stdout.trim().length).toBeGreaterThan(0);
    expect(second.stdout).toBe(first.stdout);
  });

  it("--stop ends generation before the stop string", () => {
    const expected = bytesToText(greedyContinuation(fixtureTable("polyglot-base"), "The", 30).ids);
    const stop = expected.slice(5, 8);
    const { stdout } = polyglot("generate", "--model", base, "--prompt", "The", "--temperature", "0", "--max-tokens", "30", "--stop", stop, "--json");
    const summary = JSON.parse(stdout.trim().split("\n").at(-1)!);
    expect(summary.stats.stopReason).toBe("stop-string");
    expect(summary.text).toBe(expected.slice(0, expected.indexOf(stop)));
  });

  it("reports bad input on stderr with a non-zero exit code and no stack trace", async () => {
    const corrupt = join(dir, "corrupt.gguf");
    await writeFile(corrupt, (await readFile(base)).subarray(0, 100_000));
    const cases = [
      { args: ["models", "inspect", join(dir, "missing.gguf")], message: /missing\.gguf does not exist/ },
      { args: ["models", "inspect", corrupt], message: /corrupt\.gguf is truncated/ },
      { args: ["generate", "--model", base, "--prompt", "x", "--temperature", "hot"], message: /--temperature needs a number/ },
      { args: ["generate", "--model", base, "--prompt", "x", "--top-p", "3"], message: /--top-p/ },
    ];
    for (const { args, message } of cases) {
      const { code, stdout, stderr } = polyglot(...args);
      expect(code).not.toBe(0);
      expect(stdout).toBe("");
      expect(stderr).toMatch(message);
      expect(stderr).not.toMatch(/\n\s+at /);
    }
  });
});

/** Runs a long-lived command until it prints the server URL; the caller stops it. */
async function untilServing(args: string[]) {
  const child = spawn(process.execPath, [CLI, ...args]);
  let stdout = "";
  let stderr = "";
  child.stderr.on("data", (chunk) => (stderr += chunk));
  const url = await new Promise<string>((resolveUrl, reject) => {
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
      const match = stdout.match(/running at: (http:\S+)/);
      if (match) resolveUrl(match[1]);
    });
    child.once("exit", () => reject(new Error(`${args[0]} exited: ${stderr}`)));
  });
  return {
    url,
    output: () => ({ stdout, stderr }),
    async stop() {
      child.kill("SIGTERM");
      await new Promise((done) => child.once("exit", done));
    },
  };
}

describe("polyglot serve", () => {
  it("prints the URL with its token and a warning when opened to the network", async () => {
    const workspace = await mkdtemp(join(os.tmpdir(), "polyglot-serve-test-"));
    const server = await untilServing(["serve", "--port", "0", "--host", "0.0.0.0", "--workspace", workspace]);
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{48}$/);
    const status = await new Promise<number>((done) => request(server.url, (response) => done(response.statusCode ?? 0)).end());
    expect(status).toBe(302);
    await server.stop();
    // stderr and stdout are separate pipes: read the warning once the process is gone.
    expect(server.output().stderr).toMatch(/Warning: listening on 0\.0\.0\.0/);
    // The demo workspace: two fixture checkpoints and two tokenizer-only fixtures.
    expect(JSON.parse(await readFile(join(workspace, "workspace.json"), "utf8")).models).toHaveLength(4);
    await rm(workspace, { recursive: true, force: true });
  });

  it("refuses a port that is not a number", () => {
    const { code, stderr } = polyglot("serve", "--port", "eighty");
    expect(code).toBe(2);
    expect(stderr).toMatch(/--port needs a port number/);
  });
});

describe("polyglot start", () => {
  it.runIf(installedElectronBinary() === null)("says in one line that Electron is unavailable, then serves", async () => {
    const workspace = await mkdtemp(join(os.tmpdir(), "polyglot-start-test-"));
    const app = await untilServing(["start", "--workspace", workspace]);
    const lines = app.output().stdout.split("\n");
    expect(lines[0]).toMatch(/^Electron is not available \(.+\); starting server mode instead\.$/);
    expect(lines[1]).toMatch(/^Polyglot Workbench is running at: http:\/\/127\.0\.0\.1:\d+\/\?token=/);
    await app.stop();
    await rm(workspace, { recursive: true, force: true });
  });
});
