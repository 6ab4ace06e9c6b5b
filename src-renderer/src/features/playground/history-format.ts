import type { HistoryEntry } from "@contract/prompts";
import { plural } from "../../lib/plural";

const PREVIEW_LENGTH = 80;

/** The entry's prompt in one short line: the completion text, or the last user message. */
export function entryPreview(entry: Pick<HistoryEntry, "draft">): string {
  const { draft } = entry;
  const text = draft.mode === "completion"
    ? draft.text
    : (draft.messages.findLast((message) => message.role === "user") ?? draft.messages[0])?.content ?? "";
  const line = text.replace(/\s+/g, " ").trim();
  if (line === "") return "(empty prompt)";
  const characters = [...line];
  return characters.length > PREVIEW_LENGTH ? `${characters.slice(0, PREVIEW_LENGTH - 1).join("")}…` : line;
}

/** How much the entry ran: "2 rows × 2 models", "1 model". */
export function entryScope(entry: Pick<HistoryEntry, "modelIds" | "outputs">): string {
  const rows = new Set(entry.outputs.map((output) => output.row)).size;
  const models = plural(entry.modelIds.length, "model");
  return rows > 1 ? `${plural(rows, "row")} × ${models}` : models;
}

/** The entry's time as the history list shows it: "14:05", with the date when not today. */
export function entryTime(at: string, now = new Date()): string {
  const date = new Date(at);
  const time = date.toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit" });
  return date.toDateString() === now.toDateString() ? time : `${date.toLocaleDateString("en-CA")} ${time}`;
}
