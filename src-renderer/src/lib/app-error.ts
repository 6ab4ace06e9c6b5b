import { AppError, type AppErrorData } from "@contract/errors";

/** Any thrown value as the contract's error data, ready to keep next to the item it concerns. */
export function toErrorData(error: unknown): AppErrorData {
  return AppError.from(error).toData();
}
