import { mkdir } from "node:fs/promises";
import { beforeAll, describe, expect, it } from "vitest";
import { expectAppError, writeFixture } from "../../eval/tasks/task-test-fixtures";
import { useTempDir } from "../../../test-support/temp-dir";
import { inspectCorpus, readCorpus } from "./parallel-corpus";

const dir = useTempDir("parallel-corpus");
const ENGLISH = ["The bus is late.", "We cook rice.", "It is cold today."];
const SWAHILI = ["Basi limechelewa.", "Tunapika wali.", "Leo kuna baridi."];
const THAI = ["รถเมล์มาสาย", "เราหุงข้าว", "วันนี้อากาศหนาว"];

beforeAll(async () => {
  // Names as FLORES-200 ships them and as people save them; a trailing newline or none, CRLF.
  await writeFixture(dir.join("good/eng_Latn.devtest"), `${ENGLISH.join("\n")}\n`);
  await writeFixture(dir.join("good/swh_Latn.txt"), SWAHILI.join("\r\n"));
  await writeFixture(dir.join("good/tha_Thai"), `${THAI.join("\n")}\n`);
  await writeFixture(dir.join("good/LICENSE"), "not a language\n");
  await writeFixture(dir.join("good/metadata_devtest.tsv"), "url\tdomain\n");
});

describe("inspectCorpus", () => {
  it("lists the Flores-200 files by code with their sentence counts, leaving other files out", async () => {
    expect(await inspectCorpus(dir.join("good"))).toEqual({
      dir: dir.join("good"),
      languages: [
        { language: "eng_Latn", file: dir.join("good/eng_Latn.devtest"), sentences: 3 },
        { language: "swh_Latn", file: dir.join("good/swh_Latn.txt"), sentences: 3 },
        { language: "tha_Thai", file: dir.join("good/tha_Thai"), sentences: 3 },
      ],
      aligned: true,
    });
  });

  it("says when the files are not aligned instead of refusing", async () => {
    await writeFixture(dir.join("uneven/eng_Latn.dev"), "One.\nTwo.\n");
    await writeFixture(dir.join("uneven/fra_Latn.dev"), "Un.\n");
    const info = await inspectCorpus(dir.join("uneven"));
    expect(info.languages.map((language) => language.sentences)).toEqual([2, 1]);
    expect(info.aligned).toBe(false);
  });

  it("refuses a missing folder, an empty one, and one without Flores-200 names (listing what is there)", async () => {
    await expectAppError(inspectCorpus(dir.join("absent")), "NOT_FOUND", /absent does not exist/, dir.join("absent"));
    await mkdir(dir.join("empty"));
    await expectAppError(inspectCorpus(dir.join("empty")), "NOT_FOUND", /empty is empty\. A parallel corpus has one file per language/, dir.join("empty"));
    await writeFixture(dir.join("unnamed/english.txt"), "Hello.\n");
    await writeFixture(dir.join("unnamed/sw.txt"), "Habari.\n");
    await expectAppError(inspectCorpus(dir.join("unnamed")), "NOT_FOUND", /has no file named by a Flores-200 code .* It has: english\.txt, sw\.txt\./, dir.join("unnamed"));
  });

  it("refuses two files for one language, naming both", async () => {
    await writeFixture(dir.join("twice/eng_Latn.dev"), "One.\n");
    await writeFixture(dir.join("twice/eng_Latn.devtest"), "Two.\n");
    await expectAppError(inspectCorpus(dir.join("twice")), "INVALID_INPUT", /has two files for eng_Latn: eng_Latn\.dev and eng_Latn\.devtest/, dir.join("twice/eng_Latn.devtest"));
  });

  it("refuses invalid UTF-8 with the file and line named", async () => {
    await writeFixture(dir.join("latin1/eng_Latn.txt"), "Fine.\n");
    await writeFixture(dir.join("latin1/fra_Latn.txt"), Buffer.concat([Buffer.from("Bien.\nCaf"), Buffer.from([0xe9]), Buffer.from(".\n")]));
    await expectAppError(inspectCorpus(dir.join("latin1")), "INVALID_INPUT", /fra_Latn\.txt line 2 is not valid UTF-8/, dir.join("latin1/fra_Latn.txt"));
  });
});

describe("readCorpus", () => {
  it("reads every language by code when none is asked, one sentence per line, no extra one for the final newline", async () => {
    const texts = await readCorpus(dir.join("good"), []);
    expect(texts.map((text) => [text.language, text.sentences])).toEqual([["eng_Latn", ENGLISH], ["swh_Latn", SWAHILI], ["tha_Thai", THAI]]);
  });

  it("reads the asked languages in the order asked, each once, the first `limit` sentences", async () => {
    const texts = await readCorpus(dir.join("good"), ["tha_Thai", "eng_Latn", "tha_Thai"], 2);
    expect(texts).toEqual([
      { language: "tha_Thai", file: dir.join("good/tha_Thai"), sentences: THAI.slice(0, 2) },
      { language: "eng_Latn", file: dir.join("good/eng_Latn.devtest"), sentences: ENGLISH.slice(0, 2) },
    ]);
  });

  it("names the languages there are when an asked one is absent", async () => {
    await expectAppError(readCorpus(dir.join("good"), ["eng_Latn", "yor_Latn"]), "NOT_FOUND", /has no file for yor_Latn\. It has: eng_Latn, swh_Latn, tha_Thai\./, dir.join("good"));
  });

  it("refuses files that are not aligned, naming both files and their counts, even under a limit", async () => {
    await expectAppError(readCorpus(dir.join("uneven"), [], 1), "INVALID_INPUT", /eng_Latn\.dev has 2 lines but fra_Latn\.dev has 1; the files of a parallel corpus must be aligned/, dir.join("uneven/fra_Latn.dev"));
  });
});
