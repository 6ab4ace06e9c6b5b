/**
 * How the prompt library and the history reach their files: a file not made yet reads as null, and
 * a failure to read or write becomes an IO_ERROR naming the file (a full disk, a read-only folder).
 */
import { readFile } from "node:fs/promises";
import { AppError } from "../../contract/errors";

/** The file's text, or null when it does not exist yet. */
export async function readIfPresent(file: string): Promise<string | null> {
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw new AppError({ code: "IO_ERROR", file, message: `${file} cannot be read: ${(error as Error).message}` });
  }
}

/** Runs the writes of one change to `file`; a file-system failure comes back naming the file. */
export async function writingTo<T>(file: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError({ code: "IO_ERROR", file, message: `${file} cannot be written: ${(error as Error).message}` });
  }
}
