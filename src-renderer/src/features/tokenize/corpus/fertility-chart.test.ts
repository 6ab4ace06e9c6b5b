import { describe, expect, it } from "vitest";
import { fertilityReport } from "../tokenize-fixtures";
import { chartLayout, languagesByPremium, niceStep } from "./fertility-chart";

describe("niceStep", () => {
  it("rounds a fifth of the span to 1, 2 or 5 times a power of ten", () => {
    expect(niceStep(20)).toBe(5);
    expect(niceStep(5)).toBe(1);
    expect(niceStep(0.8)).toBeCloseTo(0.2);
    expect(niceStep(1234)).toBe(500);
    expect(niceStep(0)).toBe(1);
  });
});

describe("languagesByPremium", () => {
  it("puts the cheapest language first by its mean premium over the tokenizers", () => {
    // Mean premiums: eng 1, swh (1.5 + 1.25) / 2 = 1.375, tha (3 + 5) / 2 = 4.
    const report = fertilityReport({ languages: ["tha_Thai", "swh_Latn", "eng_Latn"] });
    expect(languagesByPremium(report)).toEqual(["eng_Latn", "swh_Latn", "tha_Thai"]);
  });

  it("falls back to the mean fertility when no premium is known", () => {
    const report = fertilityReport();
    const withoutPremium = { ...report, rows: report.rows.map((row) => ({ ...row, premium: null })) };
    // Mean tokens per word: eng (2 + 1.6) / 2 = 1.8, swh (3.75 + 2.5) / 2 = 3.125, tha (15 + 20) / 2 = 17.5.
    expect(languagesByPremium({ ...withoutPremium, languages: ["tha_Thai", "eng_Latn", "swh_Latn"] })).toEqual(["eng_Latn", "swh_Latn", "tha_Thai"]);
  });
});

describe("chartLayout", () => {
  it("draws one bar per language and tokenizer at its tokens per word, on a round axis", () => {
    const layout = chartLayout(fertilityReport(), "fertility");

    expect(layout.bars.map((bar) => [bar.language, bar.modelId, bar.value])).toEqual([
      ["eng_Latn", "m-spm", 2], ["eng_Latn", "m-bpe", 1.6],
      ["swh_Latn", "m-spm", 3.75], ["swh_Latn", "m-bpe", 2.5],
      ["tha_Thai", "m-spm", 15], ["tha_Thai", "m-bpe", 20],
    ]);
    // Largest 20: steps of 5 up to 20. The plot is 240 high with its baseline at 16 + 240 = 256.
    expect(layout.ticks.map((tick) => tick.label)).toEqual(["0", "5", "10", "15", "20"]);
    const thaiSpm = layout.bars[4];
    expect(thaiSpm.y).toBe(256 - (15 / 20) * 240);
    expect(thaiSpm.height).toBe((15 / 20) * 240);
    // Groups 2 × 16 + 18 = 50 wide from x = 64, the bars 9 in from a group's edge.
    expect(layout.bars.map((bar) => bar.x)).toEqual([73, 89, 123, 139, 173, 189]);
    expect(layout.parityY).toBeNull();
    expect(layout.axisLabel).toBe("Tokens per word");
  });

  it("draws the premium with a line at 1.0, and names the reference on the axis", () => {
    const layout = chartLayout(fertilityReport(), "premium");
    expect(layout.bars.map((bar) => bar.value)).toEqual([1, 1, 1.5, 1.25, 3, 5]);
    expect(layout.ticks.map((tick) => tick.label)).toEqual(["0", "1", "2", "3", "4", "5"]);
    expect(layout.parityY).toBe(256 - (1 / 5) * 240);
    expect(layout.axisLabel).toBe("Token premium vs English (eng_Latn)");
  });

  it("leaves out bars without a value, and colours and places each tokenizer in the legend", () => {
    const report = fertilityReport();
    const layout = chartLayout({ ...report, rows: report.rows.map((row) => (row.language === "swh_Latn" ? { ...row, premium: null } : row)) }, "premium");
    expect(layout.bars.map((bar) => bar.language)).toEqual(["eng_Latn", "eng_Latn", "tha_Thai", "tha_Thai"]);
    expect(layout.series.map(({ name, colour, x }) => [name, colour, x])).toEqual([
      ["fixture-spm-tokenizer", "#0072B2", 64], ["fixture-bpe-tokenizer", "#E69F00", 284],
    ]);
    // The line at 1.0 is explained in the legend's next slot; the chart is wide enough for the
    // legend's three entries (3 × 220) rather than the three language groups (150).
    expect(layout.parityLegend).toEqual({ x: 64 + 440, y: 256 + 64 + 12 });
    expect(layout.width).toBe(64 + 660 + 12);
    expect(chartLayout(report, "fertility").parityLegend).toBeNull();
    expect(chartLayout(report, "fertility").width).toBe(64 + 440 + 12);
  });

  it("sums the chart up for screen readers: what it shows, the highest and the lowest bar", () => {
    expect(chartLayout(fertilityReport(), "fertility").summary).toBe(
      "Bar chart of tokens per word for 3 languages and 2 tokenizers. Highest: Thai (tha_Thai) with fixture-bpe-tokenizer, 20.00. "
      + "Lowest: English (eng_Latn) with fixture-bpe-tokenizer, 1.60. The results table lists every value.",
    );
  });
});
