import { z } from "zod";

/** Every failure that crosses the API boundary has one of these codes. */
export const errorCodes = [
  "INVALID_INPUT",
  "NOT_FOUND",
  "NOT_GGUF",
  "CORRUPT_GGUF",
  "TRUNCATED_GGUF",
  "UNSUPPORTED_MODEL",
  "IO_ERROR",
  "MODEL_NOT_LOADED",
  "INSUFFICIENT_MEMORY",
  "NOT_SUPPORTED",
  "CANCELLED",
  "UNKNOWN_METHOD",
  "DISCONNECTED",
  "INTERNAL",
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export const AppErrorDataSchema = z.object({
  code: z.enum(errorCodes),
  /** A sentence a person can act on. */
  message: z.string(),
  /** The file concerned, when there is one. */
  file: z.string().optional(),
  /** The request field concerned, when there is one (dotted path). */
  field: z.string().optional(),
});
export type AppErrorData = z.infer<typeof AppErrorDataSchema>;

/** The one error type of the API: thrown by services, serialised by transports, rethrown by clients. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly file?: string;
  readonly field?: string;

  constructor(data: AppErrorData) {
    super(data.message);
    this.name = "AppError";
    this.code = data.code;
    this.file = data.file;
    this.field = data.field;
  }

  toData(): AppErrorData {
    const data: AppErrorData = { code: this.code, message: this.message };
    if (this.file !== undefined) data.file = this.file;
    if (this.field !== undefined) data.field = this.field;
    return data;
  }

  static from(error: unknown): AppError {
    if (error instanceof AppError) return error;
    const message = error instanceof Error ? error.message : String(error);
    return new AppError({ code: "INTERNAL", message: `Unexpected error: ${message}` });
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
