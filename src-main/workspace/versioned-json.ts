/**
 * Reading the app's own JSON files (workspace, sessions): clear errors that name the file, the
 * field and the problem, and a refusal to read files from a newer version (which the app must
 * never overwrite with what it understood of them).
 */
import type { z } from "zod";
import { AppError } from "../contract/errors";

export interface FileKind {
  format: string;
  /** The newest version this build reads and writes. */
  version: number;
  /** What people call it in messages ("session", "workspace"). */
  noun: string;
  /**
   * Brings the JSON of an older version up to `version` (before validation). Kinds without one
   * read only their current version.
   */
  migrate?: (json: Record<string, unknown>, fromVersion: number) => unknown;
}

export function parseVersionedJson<S extends z.ZodType>(file: string, text: string, kind: FileKind, schema: S): z.output<S> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new AppError({ code: "INVALID_INPUT", file, message: `${file} is not valid JSON (${(error as Error).message}); it may be truncated. It was left untouched.` });
  }
  const header = json as { format?: unknown; version?: unknown } | null;
  if (typeof header !== "object" || header === null || header.format !== kind.format) {
    throw new AppError({ code: "INVALID_INPUT", file, field: "format", message: `${file} is not a ${kind.noun} file: its "format" field is not "${kind.format}".` });
  }
  if (typeof header.version === "number" && header.version > kind.version) {
    throw new AppError({
      code: "INVALID_INPUT", file, field: "version",
      message: `${file} was written by a newer Polyglot Workbench (${kind.noun} version ${header.version}; this one reads ${kind.version}). Update the app; the file was left untouched.`,
    });
  }
  const older = typeof header.version === "number" && Number.isInteger(header.version) && header.version >= 1 && header.version < kind.version;
  if (older && kind.migrate) json = kind.migrate(json as Record<string, unknown>, header.version as number);
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue.path.join(".");
    throw new AppError({ code: "INVALID_INPUT", file, field, message: `${file}: field "${field}" ${issue.message}. The file was left untouched.` });
  }
  return parsed.data;
}
