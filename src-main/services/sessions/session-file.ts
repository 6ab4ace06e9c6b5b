/**
 * Reading and writing one session file. Writes are atomic (temporary file, fsync, rename, by
 * write-file-atomic): a crash mid-save leaves the old file or the new one, never a broken one.
 * The JSON is written in the schema's key order with two-space indents, so it diffs well in git.
 */
import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import writeFileAtomic from "write-file-atomic";
import { AppError } from "../../contract/errors";
import type { GeneratedToken } from "../../contract/generation";
import { SESSION_FORMAT, SESSION_VERSION, type SessionFile } from "../../contract/session";
import { SessionDiskReadSchema, SessionDiskWriteSchema, sessionFromDisk, tokenLineJson, type SessionDisk } from "../../contract/session-disk";
import { parseVersionedJson } from "../../workspace/versioned-json";
import { migrateSession } from "./session-migrations";


export function newSession(title: string): SessionFile {
  const now = new Date().toISOString();
  return {
    format: SESSION_FORMAT, version: SESSION_VERSION, id: randomUUID(), title, createdAt: now, updatedAt: now, notes: "", evalRuns: [], comparisons: [],
  };
}

export interface OpenedSessionFile {
  session: SessionFile;
  /** The version the file was written in, when older than this build's (it was migrated on reading). */
  migratedFrom: number | null;
}

/** The session in `file`, or null when there is no such file. */
export async function readSessionFile(file: string): Promise<SessionFile | null> {
  return (await openSessionFile(file))?.session ?? null;
}

/** The session in `file`; NOT_FOUND naming the file when there is none. */
export async function readExistingSessionFile(file: string): Promise<SessionFile> {
  return (await openExistingSessionFile(file)).session;
}

export async function openExistingSessionFile(file: string): Promise<OpenedSessionFile> {
  const opened = await openSessionFile(file);
  if (!opened) throw new AppError({ code: "NOT_FOUND", file, message: `${file} does not exist.` });
  return opened;
}

export async function openSessionFile(file: string): Promise<OpenedSessionFile | null> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw new AppError({ code: "IO_ERROR", file, message: `${file} cannot be read: ${(error as Error).message}` });
  }
  return parseSessionText(file, text);
}

/** A session from its file's text (any version this build knows, migrated); errors name the file. */
export function parseSessionText(file: string, text: string): OpenedSessionFile {
  let migratedFrom: number | null = null;
  const kind = {
    format: SESSION_FORMAT, version: SESSION_VERSION, noun: "session",
    migrate: (json: Record<string, unknown>, fromVersion: number) => {
      migratedFrom = fromVersion;
      return migrateSession(json, fromVersion);
    },
  };
  return { session: sessionFromDisk(parseVersionedJson(file, text, kind, SessionDiskReadSchema) as SessionDisk), migratedFrom };
}

/**
 * Two-space indented JSON in the schema's key order, except that each generated token (with its
 * alternatives) is one line: a 256-token output is 256 lines, not 10,000, and a diff shows which
 * tokens changed.
 */
export function serializeSession(session: SessionFile): string {
  // Parsing rebuilds every object in the schema's key order: the same session, the same bytes.
  return layout(SessionDiskWriteSchema.parse(session), "") + "\n";
}

function layout(value: unknown, indent: string, key?: string): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  const inner = indent + "  ";
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    const items = value.map((item) => (key === "tokens" ? tokenLineJson(item as GeneratedToken) : layout(item, inner)));
    return `[\n${items.map((item) => inner + item).join(",\n")}\n${indent}]`;
  }
  const entries = Object.entries(value).filter(([, item]) => item !== undefined);
  if (entries.length === 0) return "{}";
  const lines = entries.map(([name, item]) => `${inner}${JSON.stringify(name)}: ${layout(item, inner, name)}`);
  return `{\n${lines.join(",\n")}\n${indent}}`;
}

export async function writeSessionFile(file: string, session: SessionFile): Promise<void> {
  await writeFileAtomic(file, serializeSession(session), { fsync: true });
}
