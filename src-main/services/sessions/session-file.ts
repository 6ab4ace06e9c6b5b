/**
 * Reading and writing one session file. Writes are atomic (temporary file, fsync, rename, by
 * write-file-atomic): a crash mid-save leaves the old file or the new one, never a broken one.
 * The JSON is written in the schema's key order with two-space indents, so it diffs well in git.
 */
import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import writeFileAtomic from "write-file-atomic";
import { AppError } from "../../contract/errors";
import { SESSION_FORMAT, SESSION_VERSION, SessionFileSchema, type SessionFile } from "../../contract/session";
import { parseVersionedJson } from "../../workspace/versioned-json";

const SESSION_KIND = { format: SESSION_FORMAT, version: SESSION_VERSION, noun: "session" };

export function newSession(title: string): SessionFile {
  const now = new Date().toISOString();
  return { format: SESSION_FORMAT, version: SESSION_VERSION, id: randomUUID(), title, createdAt: now, updatedAt: now, comparisons: [] };
}

/** The session in `file`, or null when there is no such file. */
export async function readSessionFile(file: string): Promise<SessionFile | null> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw new AppError({ code: "IO_ERROR", file, message: `${file} cannot be read: ${(error as Error).message}` });
  }
  return parseVersionedJson(file, text, SESSION_KIND, SessionFileSchema);
}

export function serializeSession(session: SessionFile): string {
  // Parsing rebuilds every object in the schema's key order: the same session, the same bytes.
  return JSON.stringify(SessionFileSchema.parse(session), null, 2) + "\n";
}

export async function writeSessionFile(file: string, session: SessionFile): Promise<void> {
  await writeFileAtomic(file, serializeSession(session), { fsync: true });
}
