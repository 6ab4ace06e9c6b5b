/**
 * The history of runs, `<workspace>/prompts/history.jsonl`: one HistoryEntry per line, appended,
 * never rewritten except to drop the oldest entries once the file holds about twice
 * MAX_HISTORY_ENTRIES (atomically, so a crash then loses nothing).
 *
 * A crash mid-append leaves a partial last line: it is ignored when reading and cut off before the
 * next append. A last line that is a whole entry missing only its newline is kept.
 * A malformed line elsewhere is skipped and the rest still read. Unlike the prompt library (which a
 * person curates, and which is refused whole rather than rewritten from a misreading), the history
 * is a log the app writes: one damaged entry should cost that entry, not every run before and
 * after it, and since entries are only appended, keeping the others never writes over the damage.
 */
import { randomUUID } from "node:crypto";
import { appendFile, mkdir, stat, truncate } from "node:fs/promises";
import { dirname } from "node:path";
import writeFileAtomic from "write-file-atomic";
import type { z } from "zod";
import { HistoryEntrySchema, MAX_HISTORY_ENTRIES, type AddHistoryRequestSchema, type HistoryEntry } from "../../contract/prompts";
import { SerialQueue } from "./serial-queue";
import { readIfPresent, writingTo } from "./store-file";

export type AddHistoryRequest = z.output<typeof AddHistoryRequestSchema>;

/** What reading the file found. */
interface HistoryFile {
  /** Readable entries, oldest first. */
  entries: HistoryEntry[];
  /** Non-blank lines, readable or not: what the file holds. */
  lines: number;
  /** UTF-8 bytes of a partial last line (to cut off), 0 when there is none. */
  partialBytes: number;
  /** The last line is a whole entry without its newline (one is added before the next entry). */
  unterminated: boolean;
}

export class HistoryStore {
  private readonly queue = new SerialQueue();
  /** What the file holds, known after the first read and kept up to date by every append. */
  private known: Omit<HistoryFile, "entries"> | null = null;

  constructor(readonly file: string) {}

  /** Newest first, at most `limit` (and never more than MAX_HISTORY_ENTRIES). */
  entries(limit = MAX_HISTORY_ENTRIES): Promise<HistoryEntry[]> {
    return this.queue.run(async () => {
      const { entries } = await this.read();
      return entries.slice(-Math.min(limit, MAX_HISTORY_ENTRIES)).reverse();
    });
  }

  add(request: AddHistoryRequest): Promise<HistoryEntry> {
    return this.queue.run(async () => {
      const entry = HistoryEntrySchema.parse({ id: randomUUID(), at: new Date().toISOString(), ...request });
      const known = this.known ?? (await this.read());
      await writingTo(this.file, async () => {
        await mkdir(dirname(this.file), { recursive: true });
        if (known.partialBytes > 0) await truncate(this.file, (await stat(this.file)).size - known.partialBytes);
        await appendFile(this.file, (known.unterminated ? "\n" : "") + JSON.stringify(entry) + "\n");
      });
      this.known = { lines: known.lines + 1, partialBytes: 0, unterminated: false };
      if (this.known.lines > 2 * MAX_HISTORY_ENTRIES) await this.compact();
      return entry;
    });
  }

  clear(): Promise<void> {
    return this.queue.run(async () => {
      await writingTo(this.file, async () => {
        await mkdir(dirname(this.file), { recursive: true });
        await writeFileAtomic(this.file, "", { fsync: true });
      });
      this.known = { lines: 0, partialBytes: 0, unterminated: false };
    });
  }

  /** Keeps the newest MAX_HISTORY_ENTRIES readable entries. */
  private async compact(): Promise<void> {
    const kept = (await this.read()).entries.slice(-MAX_HISTORY_ENTRIES);
    await writingTo(this.file, () => writeFileAtomic(this.file, kept.map((entry) => JSON.stringify(entry) + "\n").join(""), { fsync: true }));
    this.known = { lines: kept.length, partialBytes: 0, unterminated: false };
  }

  private async read(): Promise<HistoryFile> {
    const history = parseHistory((await readIfPresent(this.file)) ?? "");
    this.known = { lines: history.lines, partialBytes: history.partialBytes, unterminated: history.unterminated };
    return history;
  }
}

export function parseHistory(text: string): HistoryFile {
  const lines = text.split("\n");
  const last = lines.pop()!; // "" when the text ends with a newline
  const entries = lines.map(readEntry).filter((entry): entry is HistoryEntry => entry !== null);
  const lastEntry = last.trim() === "" ? null : readEntry(last);
  if (lastEntry) entries.push(lastEntry);
  return {
    entries,
    lines: lines.filter((line) => line.trim() !== "").length + (lastEntry ? 1 : 0),
    partialBytes: last !== "" && !lastEntry ? Buffer.byteLength(last) : 0,
    unterminated: lastEntry !== null,
  };
}

function readEntry(line: string): HistoryEntry | null {
  if (line.trim() === "") return null;
  try {
    const parsed = HistoryEntrySchema.safeParse(JSON.parse(line));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
