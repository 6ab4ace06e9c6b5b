/**
 * Corpus jobs on the fixture checkpoints, whose tokenizer is byte-level with no merges: every UTF-8
 * byte is one token, and every byte of a multi-byte character is a `partial` (byte-fallback)
 * token. So the expected totals are the text's byte counts, worked out here by hand.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { events } from "../../../contract/api";
import { AppError } from "../../../contract/errors";
import { FertilityRequestSchema, type FertilityProgressEvent, type FertilityRequest } from "../../../contract/tokenize";
import { PARALLEL_FIXTURE, writeParallelFixture } from "../../../fixtures/demo-parallel";
import { SPM_TOKENIZER_NAME, writeFixtureTokenizers } from "../../../fixtures/fixture-tokenizers";
import { expectAppError, writeFixture } from "../../eval/tasks/task-test-fixtures";
import { writeFixtures, writeTruncatedCopy } from "../../../test-support/fixture-files";
import { startServices, type TestServices } from "../../../test-support/test-services";
import { useTempDir } from "../../../test-support/temp-dir";
import { MetricsWorkerClient } from "../../../workers/metrics-worker-client";
import { TokenizerPool } from "../tokenizer-pool";
import { FertilityJobs } from "./fertility-jobs";

const tmp = useTempDir("fertility-jobs");
let services: TestServices;
let pool: TokenizerPool;
let jobs: FertilityJobs;
const ids = { base: "", continued: "", damaged: "", spm: "" };
let damagedPath = "";

/** Sentences long enough to keep a job busy for a second or so (progress, cancel). */
const MANY = 6000;

beforeAll(async () => {
  const paths = await writeFixtures(tmp.join("models"));
  damagedPath = tmp.join("models/damaged.gguf");
  await writeTruncatedCopy(paths.base, damagedPath, 600); // cut inside the header
  const [spmPath] = await writeFixtureTokenizers(tmp.join("tokenizers"));
  services = await startServices(tmp.join("workspace"));
  await services.models.add([paths.base, paths.continued, damagedPath, spmPath]);
  const idOf = (path: string) => services.models.list().find((model) => model.path === path)!.id;
  Object.assign(ids, { base: idOf(paths.base), continued: idOf(paths.continued), damaged: idOf(damagedPath), spm: idOf(spmPath) });
  pool = new TokenizerPool(services.models);
  jobs = new FertilityJobs(services.models, pool, services.bus, new MetricsWorkerClient());

  // 16 + 13 bytes; 17 + 14; Thai: 11 + 10 code points of 3 bytes.
  await writeFixture(tmp.join("small/eng_Latn.devtest"), "The bus is late.\nWe cook rice.\n");
  await writeFixture(tmp.join("small/swh_Latn.devtest"), "Basi limechelewa.\nTunapika wali.\n");
  await writeFixture(tmp.join("small/tha_Thai.devtest"), "รถเมล์มาสาย\nเราหุงข้าว\n");
  // Words the SentencePiece fixture has a piece for; Thai, which it has none for.
  await writeFixture(tmp.join("spm/eng_Latn.txt"), "Hello world\n");
  await writeFixture(tmp.join("spm/swh_Latn.txt"), "Habari watu wa dunia\n");
  await writeFixture(tmp.join("spm/tha_Thai.txt"), "ฉันกินข้าว\n");
  await writeParallelFixture(tmp.join("demo"));
  const lines = (make: (i: number) => string) => Array.from({ length: MANY }, (_, i) => make(i)).join("\n");
  await writeFixture(tmp.join("many/eng_Latn.txt"), lines((i) => `Sentence number ${i} is on this line of the file.`));
  await writeFixture(tmp.join("many/swh_Latn.txt"), lines((i) => `Sentensi namba ${i} iko kwenye mstari huu wa faili.`));
  await writeFixture(tmp.join("many/tha_Thai.txt"), lines((i) => `ประโยคที่ ${i} อยู่ในบรรทัดนี้ของไฟล์`));
});

afterAll(async () => {
  await jobs?.dispose();
  await pool?.dispose();
  await services?.dispose();
});

let nextJob = 1;
function request(fields: Partial<FertilityRequest> & { corpusDir: string }): FertilityRequest {
  return FertilityRequestSchema.parse({ jobId: `job-${nextJob++}`, modelIds: [ids.base], ...fields });
}

/** Every progress event of one job, checked against the contract, with when it came. */
function recordProgress(jobId: string): { events: Array<FertilityProgressEvent & { at: number }>; stop: () => void } {
  const recorded: Array<FertilityProgressEvent & { at: number }> = [];
  const stop = services.bus.on("tokenize.corpusProgress", (event) => {
    if (event.jobId === jobId) recorded.push({ ...events["tokenize.corpusProgress"].parse(event), at: performance.now() });
  });
  return { events: recorded, stop };
}

describe("FertilityJobs totals", () => {
  it("counts each language's words, characters, bytes and tokens, with fertility and the premium over English", async () => {
    const report = await jobs.run(request({ corpusDir: tmp.join("small") }));
    expect(report.languages).toEqual(["eng_Latn", "swh_Latn", "tha_Thai"]);
    expect(report.reference).toBe("eng_Latn");
    expect(report.tokenizers).toEqual([expect.objectContaining({ modelId: ids.base, name: "polyglot-base", vocabularyType: "bpe" })]);
    expect(report.rows).toEqual([
      {
        modelId: ids.base, tokenizer: "polyglot-base", language: "eng_Latn", sentences: 2, words: 7, characters: 29, bytes: 29,
        tokens: 29, tokensPerWord: 29 / 7, tokensPerCharacter: 1, bytesPerToken: 1, byteFallbackTokens: 0, byteFallbackShare: 0, premium: 1,
      },
      {
        modelId: ids.base, tokenizer: "polyglot-base", language: "swh_Latn", sentences: 2, words: 4, characters: 31, bytes: 31,
        tokens: 31, tokensPerWord: 31 / 4, tokensPerCharacter: 1, bytesPerToken: 1, byteFallbackTokens: 0, byteFallbackShare: 0, premium: 31 / 29,
      },
      {
        // รถเมล์ | มา | สาย and เรา | หุง | ข้าว: 6 words; 10 + 8 characters (marks sit on their consonant).
        modelId: ids.base, tokenizer: "polyglot-base", language: "tha_Thai", sentences: 2, words: 6, characters: 18, bytes: 63,
        tokens: 63, tokensPerWord: 10.5, tokensPerCharacter: 3.5, bytesPerToken: 1, byteFallbackTokens: 63, byteFallbackShare: 1, premium: 63 / 29,
      },
    ]);
    expect(report.elapsedMs).toBeGreaterThan(0);
  });

  it("orders rows per tokenizer, then per language as asked; premium is null without the reference language", async () => {
    const report = await jobs.run(request({ corpusDir: tmp.join("small"), modelIds: [ids.continued, ids.base, ids.continued], languages: ["tha_Thai", "swh_Latn"], limit: 1 }));
    expect(report.tokenizers.map((tokenizer) => tokenizer.name)).toEqual(["polyglot-continued", "polyglot-base"]);
    expect(report.rows.map((row) => [row.tokenizer, row.language, row.sentences, row.tokens, row.premium])).toEqual([
      ["polyglot-continued", "tha_Thai", 1, 33, null],
      ["polyglot-continued", "swh_Latn", 1, 17, null],
      ["polyglot-base", "tha_Thai", 1, 33, null],
      ["polyglot-base", "swh_Latn", 1, 17, null],
    ]);
  });

  it("takes the premium over the reference asked for", async () => {
    const report = await jobs.run(request({ corpusDir: tmp.join("small"), reference: "swh_Latn" }));
    expect(report.rows.map((row) => row.premium)).toEqual([29 / 31, 1, 63 / 31]);
  });

  it("counts SentencePiece's byte-fallback tokens: one <0xNN> per UTF-8 byte of a script the vocabulary lacks", async () => {
    const report = await jobs.run(request({ corpusDir: tmp.join("spm"), modelIds: [ids.spm] }));
    expect(report.tokenizers).toEqual([expect.objectContaining({ name: SPM_TOKENIZER_NAME, vocabularyType: "spm", addsBos: true })]);
    // ▁Hello ▁world; ▁Habari ▁watu ▁wa ▁dunia; "▁" and the 30 bytes of ฉันกินข้าว (BOS is not added).
    expect(report.rows.map((row) => [row.language, row.words, row.tokens, row.byteFallbackTokens, row.tokensPerWord, row.premium])).toEqual([
      ["eng_Latn", 2, 2, 0, 1, 1],
      ["swh_Latn", 4, 4, 0, 1, 2],
      ["tha_Thai", 3, 31, 30, 31 / 3, 15.5],
    ]);
    expect(report.rows[2].byteFallbackShare).toBe(30 / 31);
  });

  it("on the demo corpus, gives as many tokens as UTF-8 bytes and a byte-fallback token per byte of every non-ASCII character", async () => {
    const report = await jobs.run(request({ corpusDir: tmp.join("demo") }));
    expect(report.rows).toHaveLength(8);
    const englishBytes = Buffer.byteLength(PARALLEL_FIXTURE.eng_Latn.join(""));
    for (const row of report.rows) {
      const text = PARALLEL_FIXTURE[row.language].join("");
      const bytes = Buffer.byteLength(text);
      const ascii = [...text].filter((char) => char.charCodeAt(0) < 0x80).length;
      expect([row.language, row.sentences, row.bytes, row.tokens, row.byteFallbackTokens, row.premium])
        .toEqual([row.language, 12, bytes, bytes, bytes - ascii, bytes / englishBytes]);
    }
  });
});

describe("FertilityJobs progress and cancel", () => {
  it("sends progress at most every 250 ms and a final event, and keeps the event loop serving", async () => {
    const job = request({ corpusDir: tmp.join("many"), modelIds: [ids.base, ids.continued] });
    const progress = recordProgress(job.jobId);
    // A timer set while sentences are being tokenized must fire before the job ends.
    let doneWhenTimerFired: number | null = null;
    const stopTimer = services.bus.on("tokenize.corpusProgress", (event) => {
      if (event.jobId !== job.jobId || event.done === 0 || doneWhenTimerFired !== null) return;
      doneWhenTimerFired = -1;
      setTimeout(() => (doneWhenTimerFired = progress.events.at(-1)!.done), 0);
    });
    await jobs.run(job);
    progress.stop();
    stopTimer();

    const total = 2 * 3 * MANY;
    const sent = progress.events;
    expect(sent.length).toBeGreaterThanOrEqual(3);
    expect(sent.at(-1)).toMatchObject({ done: total, total, etaSeconds: 0 });
    expect(sent.at(-1)!.itemsPerSecond).toBeGreaterThan(0);
    for (let i = 1; i < sent.length; i++) expect(sent[i].done).toBeGreaterThanOrEqual(sent[i - 1].done);
    // Every event but the final one comes 250 ms or more after the one before.
    for (let i = 1; i < sent.length - 1; i++) expect(sent[i].at - sent[i - 1].at).toBeGreaterThanOrEqual(249);
    expect(doneWhenTimerFired).toBeGreaterThan(0);
    expect(doneWhenTimerFired).toBeLessThan(total);
  });

  it("stops a job on cancel: the run rejects with CANCELLED, and the id is free again", async () => {
    const job = request({ corpusDir: tmp.join("many") });
    const progress = recordProgress(job.jobId);
    let cancelled: boolean | null = null;
    const stop = services.bus.on("tokenize.corpusProgress", (event) => {
      if (event.jobId === job.jobId && event.done > 0 && cancelled === null) cancelled = jobs.cancel(job.jobId);
    });
    await expectAppError(jobs.run(job), "CANCELLED", /cancelled/);
    stop();
    progress.stop();
    expect(cancelled).toBe(true);
    expect(progress.events.at(-1)!.done).toBeLessThan(3 * MANY);
    expect(jobs.cancel(job.jobId)).toBe(false);
  });

  it("cancels running jobs on dispose", async () => {
    const ownJobs = new FertilityJobs(services.models, pool, services.bus, new MetricsWorkerClient());
    const job = request({ corpusDir: tmp.join("many") });
    const running = ownJobs.run(job);
    const outcome = running.then(() => null, (error: unknown) => error);
    await new Promise<void>((resolve) => {
      const stop = services.bus.on("tokenize.corpusProgress", (event) => {
        if (event.jobId === job.jobId && event.done > 0) {
          stop();
          resolve();
        }
      });
    });
    await ownJobs.dispose();
    expect(await outcome).toMatchObject({ code: "CANCELLED" });
  });

  it("cancels the jobs of a connection that closed, and only those", async () => {
    const mine = request({ corpusDir: tmp.join("small") });
    const theirs = request({ corpusDir: tmp.join("many") });
    const running = jobs.run(theirs, "connection-a");
    const outcome = running.then(() => null, (error: unknown) => error);
    const other = jobs.run(mine, "connection-b");
    jobs.cancelJobsOfConnection("connection-a");
    expect(await outcome).toMatchObject({ code: "CANCELLED" });
    expect((await other).rows.length).toBe(3);
  });

  it("keeps measuring when a loaded model is unloaded meanwhile (the job reads its own vocab-only copy)", async () => {
    await services.models.load(ids.base);
    const job = request({ corpusDir: tmp.join("many") });
    let unloading: Promise<unknown> | null = null;
    const stop = services.bus.on("tokenize.corpusProgress", (event) => {
      if (event.jobId === job.jobId && event.done > 0) unloading ??= services.models.unload(ids.base);
    });
    const report = await jobs.run(job);
    stop();
    await unloading;
    expect(unloading).not.toBeNull();
    expect(services.models.get(ids.base).status).toBe("unloaded");
    expect(report.rows.map((row) => row.sentences)).toEqual([MANY, MANY, MANY]);
  });

  it("answers false when cancelling a job that is not running", () => {
    expect(jobs.cancel("no-such-job")).toBe(false);
  });
});

describe("FertilityJobs errors", () => {
  it("refuses an unknown model id", async () => {
    await expectAppError(jobs.run(request({ corpusDir: tmp.join("small"), modelIds: [ids.base, "no-such-model"] })), "NOT_FOUND", /No model with id "no-such-model"/);
  });

  it("names the file of a tokenizer that cannot be read", async () => {
    const error = await expectAppError(jobs.run(request({ corpusDir: tmp.join("small"), modelIds: [ids.base, ids.damaged] })), "CORRUPT_GGUF", /damaged\.gguf/);
    expect(error.file).toBe(damagedPath);
  });

  it("refuses a corpus folder that does not exist, naming it", async () => {
    await expectAppError(jobs.run(request({ corpusDir: tmp.join("nowhere") })), "NOT_FOUND", /nowhere does not exist/, tmp.join("nowhere"));
  });

  it("refuses a second job with the id of a running one", async () => {
    const job = request({ corpusDir: tmp.join("many") });
    const first = jobs.run(job);
    const error = await jobs.run(job).then(() => null, (caught: unknown) => caught);
    jobs.cancel(job.jobId);
    await first.catch(() => {});
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "INVALID_INPUT", field: "jobId" });
  });
});
