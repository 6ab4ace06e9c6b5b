/** The models of the session, each once, with what identifies its file on another machine. */
import type { SessionFile } from "../../../contract/session";
import { sessionModels } from "../replay/model-matching";
import { escapeHtml } from "./html-escape";
import { htmlTable, numberCell } from "./html-table";
import { formatParameterCount } from "./report-format";

export function modelsSection(session: SessionFile): string {
  const models = sessionModels(session);
  if (models.length === 0) return "";
  const rows = models.map(({ identity, panes }) => [
    escapeHtml(identity.name),
    identity.sha256 === null ? '<span class="muted">not hashed</span>' : `<code class="sha256">${escapeHtml(identity.sha256)}</code>`,
    escapeHtml(identity.quantization ?? "unknown"),
    escapeHtml(identity.architecture ?? "unknown"),
    numberCell(formatParameterCount(identity.parameterCount)),
    numberCell(String(panes)),
  ]);
  return `<section id="models"><h2>Models</h2>${htmlTable("models-table", ["Model", "sha256", "Quantization", "Architecture", "Parameters", "Panes"], rows)}</section>`;
}
