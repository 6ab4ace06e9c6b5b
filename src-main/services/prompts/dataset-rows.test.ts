import { parquetWriteBuffer } from "hyparquet-writer";
import { describe, expect, it } from "vitest";
import { useTempDir } from "../../test-support/temp-dir";
import { expectAppError, writeFixture } from "../eval/tasks/task-test-fixtures";
import { asText, readDatasetRows } from "./dataset-rows";

const dir = useTempDir("dataset-rows");

describe("readDatasetRows", () => {
  it("reads JSON lines as text records: every column seen, non-strings as JSON text, a page at a time", async () => {
    const file = await writeFixture(dir.join("mt.jsonl"), [
      '{"lang":"swh_Latn","text":"Habari za asubuhi","id":7}',
      '{"lang":"arb_Arab","text":"صباح الخير","score":0.25,"ok":true}',
      '{"lang":"rus_Cyrl","text":"Доброе утро","meta":{"src":"flores","n":[1,2]},"note":null}',
    ].join("\n") + "\n");
    const all = await readDatasetRows(file, 0, 50);
    expect(all).toEqual({
      file, total: 3,
      columns: ["lang", "text", "id", "score", "ok", "meta", "note"],
      rows: [
        { lang: "swh_Latn", text: "Habari za asubuhi", id: "7" },
        { lang: "arb_Arab", text: "صباح الخير", score: "0.25", ok: "true" },
        { lang: "rus_Cyrl", text: "Доброе утро", meta: '{"src":"flores","n":[1,2]}', note: "" },
      ],
    });
    const page = await readDatasetRows(file, 1, 1);
    expect(page.rows.map((row) => row.lang)).toEqual(["arb_Arab"]);
    expect(page.total).toBe(3);
    expect((await readDatasetRows(file, 5, 10)).rows).toEqual([]);
  });

  it("reads CSV with quoting and TSV without it", async () => {
    const csv = await writeFixture(dir.join("q.csv"), 'lang,text\nswh_Latn,"Alisema ""ndiyo"", kisha akaondoka"\n');
    expect((await readDatasetRows(csv, 0, 10)).rows).toEqual([{ lang: "swh_Latn", text: 'Alisema "ndiyo", kisha akaondoka' }]);
    const tsv = await writeFixture(dir.join("q.tsv"), 'lang\ttext\nzho_Hans\t"他说"\n');
    expect(await readDatasetRows(tsv, 0, 10)).toEqual({ file: tsv, columns: ["lang", "text"], rows: [{ lang: "zho_Hans", text: '"他说"' }], total: 1 });
  });

  it("reads Parquet rows, 64-bit integers and doubles written as text", async () => {
    const buffer = parquetWriteBuffer({
      columnData: [
        { name: "text", data: ["Mvua ilinyesha.", "下雨了。"], type: "STRING" },
        { name: "label", data: [2n, 9007199254740993n], type: "INT64" },
        { name: "weight", data: [0.5, 1.25], type: "DOUBLE" },
      ],
    });
    const file = await writeFixture(dir.join("t.parquet"), buffer);
    expect((await readDatasetRows(file, 0, 10)).rows).toEqual([
      { text: "Mvua ilinyesha.", label: "2", weight: "0.5" },
      { text: "下雨了。", label: "9007199254740993", weight: "1.25" },
    ]);
  });

  it("fails with the readers' errors, naming the file and line", async () => {
    const broken = await writeFixture(dir.join("broken.jsonl"), '{"a":"x"}\n{"a":\n');
    await expectAppError(readDatasetRows(broken, 0, 10), "INVALID_INPUT", /broken\.jsonl line 2 is not valid JSON/, broken);
    await expectAppError(readDatasetRows(dir.join("missing.csv"), 0, 10), "NOT_FOUND", /missing\.csv does not exist/);
    const unknown = await writeFixture(dir.join("rows.txt"), "a\n");
    await expectAppError(readDatasetRows(unknown, 0, 10), "INVALID_INPUT", /use \.jsonl, \.csv, \.tsv or \.parquet/, unknown);
  });

  it("writes dates in ISO 8601 and big integers inside nested values as numbers", () => {
    expect(asText(new Date(Date.UTC(2024, 1, 29, 12)))).toBe("2024-02-29T12:00:00.000Z");
    expect(asText({ ids: [1n, 2n] })).toBe('{"ids":[1,2]}');
    expect(asText(false)).toBe("false");
    expect(asText(undefined)).toBe("");
  });
});
