/**
 * One comparison as the report shows it: the prompt, each pane (model, parameters, output with
 * token probabilities, stats, the prompt as the model saw it) and the votes cast on it.
 */
import type { SamplingParams } from "../../../contract/generation";
import type { Comparison, PaneRecord, PromptSpec } from "../../../contract/session";
import { comparisonAnchor, paneName, verdictText } from "./comparison-labels";
import { escapeHtml } from "./html-escape";
import { htmlTable } from "./html-table";
import { formatDuration, formatTime, languageLabel } from "./report-format";
import { renderOutputText } from "./token-spans";

export function comparisonSection(comparison: Comparison, index: number): string {
  const heading = `Comparison ${index + 1}`;
  const facts = [`id ${comparison.id}`, formatTime(comparison.createdAt), `language: ${languageLabel(comparison.language)}`];
  return [
    `<article class="comparison" id="${comparisonAnchor(index)}">`,
    `<h3>${escapeHtml(heading)}</h3>`,
    `<p class="facts" dir="auto">${escapeHtml(facts.join(" · "))}</p>`,
    comparison.notes ? `<div class="notes" dir="auto">${escapeHtml(comparison.notes)}</div>` : "",
    promptBlock(comparison.prompt),
    comparison.origin
      ? `<p class="facts" dir="auto">${escapeHtml(`Filled from template “${comparison.origin.template}” with ${Object.entries(comparison.origin.variables).map(([name, value]) => `${name} = ${value}`).join(", ")}`)}</p>`
      : "",
    `<div class="panes">${comparison.panes.map((pane, paneIndex) => paneBlock(pane, paneName(comparison, paneIndex))).join("\n")}</div>`,
    votesBlock(comparison),
    "</article>",
  ].join("\n");
}

function promptBlock(prompt: PromptSpec): string {
  if (prompt.mode === "completion") {
    return `<section class="prompt"><h4>Prompt (completion)</h4><div class="text" dir="auto">${escapeHtml(prompt.text)}</div></section>`;
  }
  const messages = prompt.messages.map((message) =>
    `<li class="message"><span class="role">${escapeHtml(message.role)}</span><div class="text" dir="auto">${escapeHtml(message.content)}</div></li>`);
  return `<section class="prompt"><h4>Prompt (chat, template: ${escapeHtml(prompt.chatTemplate)})</h4><ol class="messages">${messages.join("")}</ol></section>`;
}

function paneBlock(pane: PaneRecord, name: string): string {
  const { output } = pane;
  return [
    '<section class="pane">',
    `<h4 dir="auto">${escapeHtml(name)}</h4>`,
    `<p class="params" dir="auto">${escapeHtml(paramsText(pane.params, pane.topAlternatives))}</p>`,
    `<div class="output" dir="auto">${renderOutputText(output)}</div>`,
    output.error ? `<p class="error" dir="auto">Failed: ${escapeHtml(output.error.message)}</p>` : "",
    `<p class="stats">${escapeHtml(statsText(pane))}</p>`,
    `<details><summary>Prompt as the model saw it</summary><div class="text rendered-prompt" dir="auto">${escapeHtml(output.renderedPrompt)}</div></details>`,
    "</section>",
  ].join("");
}

function paramsText(params: SamplingParams, topAlternatives: number): string {
  const parts = [
    `temperature ${params.temperature}`, `top-k ${params.topK}`, `top-p ${params.topP}`, `min-p ${params.minP}`,
    `repeat penalty ${params.repeatPenalty} (last ${params.repeatLastN})`, `max tokens ${params.maxTokens}`, `seed ${params.seed}`,
  ];
  if (params.stop.length > 0) parts.push(`stop ${params.stop.map((stop) => JSON.stringify(stop)).join(", ")}`);
  parts.push(`top alternatives ${topAlternatives}`);
  return parts.join(" · ");
}

function statsText({ output: { stats } }: PaneRecord): string {
  return [
    `${stats.promptTokens} prompt tokens`, `${stats.generatedTokens} generated`,
    stats.timeToFirstTokenMs === null ? null : `first token ${formatDuration(stats.timeToFirstTokenMs)}`,
    stats.tokensPerSecond === null ? null : `${stats.tokensPerSecond.toFixed(1)} tokens/s`,
    `${formatDuration(stats.totalMs)} total`, `stopped: ${stats.stopReason}`,
  ].filter((part) => part !== null).join(" · ");
}

function votesBlock(comparison: Comparison): string {
  if (comparison.votes.length === 0) return '<section class="votes"><h4>Votes</h4><p class="muted">No votes.</p></section>';
  const rows = comparison.votes.map((vote) => [
    `<span class="rater">${escapeHtml(vote.rater)}</span>`,
    escapeHtml(verdictText(comparison, vote.pair, vote.winner)),
    escapeHtml(`A ${paneName(comparison, vote.pair[0])} vs B ${paneName(comparison, vote.pair[1])}${vote.blind ? " (blind)" : ""}`),
    escapeHtml(vote.note),
    escapeHtml(vote.promptLanguage || vote.responseLanguage
      ? `prompt ${languageLabel(vote.promptLanguage)}, response ${languageLabel(vote.responseLanguage)}` : ""),
    `<time datetime="${escapeHtml(vote.createdAt)}">${escapeHtml(formatTime(vote.createdAt))}</time>`,
  ]);
  return `<section class="votes"><h4>Votes (${comparison.votes.length})</h4>${htmlTable("votes-table", ["Rater", "Verdict", "Panes", "Note", "Languages", "Time"], rows)}</section>`;
}
