/**
 * The leaderboard as a point chart: one row per model, best first, its rating a dot and its 95 %
 * bootstrap interval a whisker, on an Elo-scale axis with the mean rating (1000) marked.
 */
import type { RatedModel } from "../../../contract/compare";
import { linearScale, niceTicks, px, seriesColor, svgOpen, svgText } from "./svg-chart";
import { escapeHtml } from "./html-escape";

const WIDTH = 720;
const LABEL_WIDTH = 200;
const RIGHT_MARGIN = 24;
const ROW_HEIGHT = 26;
const TOP = 8;
const AXIS_HEIGHT = 34;
/** Where ratings are centred (contract/compare.ts: mean 1000). */
const MEAN_RATING = 1000;
const MAX_LABEL = 28;

export function leaderboardChart(models: readonly RatedModel[]): string {
  const values = models.flatMap((model) => [model.rating, model.ciLow ?? model.rating, model.ciHigh ?? model.rating]);
  const ticks = niceTicks(Math.min(MEAN_RATING, ...values), Math.max(MEAN_RATING, ...values), 6);
  const x = linearScale(ticks[0], ticks[ticks.length - 1], LABEL_WIDTH + 12, WIDTH - RIGHT_MARGIN);
  const plotBottom = TOP + models.length * ROW_HEIGHT;
  const height = plotBottom + AXIS_HEIGHT;

  const parts = [svgOpen(WIDTH, height, "Ratings with 95% intervals, best first", "chart leaderboard-chart")];
  for (const tick of ticks) {
    parts.push(`<line class="grid" x1="${px(x(tick))}" x2="${px(x(tick))}" y1="${TOP}" y2="${px(plotBottom)}"/>`);
    parts.push(svgText(x(tick), plotBottom + 16, String(tick), "middle", 'class="tick"'));
  }
  parts.push(`<line class="reference" x1="${px(x(MEAN_RATING))}" x2="${px(x(MEAN_RATING))}" y1="${TOP}" y2="${px(plotBottom)}"/>`);
  parts.push(svgText((LABEL_WIDTH + WIDTH) / 2, height - 4, "rating (Elo scale, mean 1000)", "middle", 'class="axis-title"'));
  models.forEach((model, index) => {
    const y = TOP + index * ROW_HEIGHT + ROW_HEIGHT / 2;
    const interval = model.ciLow !== null && model.ciHigh !== null ? ` [${model.ciLow.toFixed(0)}, ${model.ciHigh.toFixed(0)}]` : "";
    parts.push(`<g class="rated-model"><title>${escapeHtml(`${model.name}: ${model.rating.toFixed(0)}${interval}, ${model.games} games`)}</title>`);
    parts.push(svgText(LABEL_WIDTH, y + 4, shorten(model.name), "end", 'class="label"'));
    if (model.ciLow !== null && model.ciHigh !== null) {
      const [low, high] = [x(model.ciLow), x(model.ciHigh)];
      parts.push(`<path class="whisker" d="M${px(low)} ${px(y)}H${px(high)}M${px(low)} ${px(y - 5)}V${px(y + 5)}M${px(high)} ${px(y - 5)}V${px(y + 5)}"/>`);
    }
    parts.push(`<circle cx="${px(x(model.rating))}" cy="${px(y)}" r="5" fill="${seriesColor(index)}"/></g>`);
  });
  parts.push("</svg>");
  return parts.join("");
}

/** Long names cut to fit the label column (the table beside the chart has them whole). */
function shorten(name: string): string {
  const characters = [...name];
  return characters.length > MAX_LABEL ? `${characters.slice(0, MAX_LABEL - 1).join("")}…` : name;
}
