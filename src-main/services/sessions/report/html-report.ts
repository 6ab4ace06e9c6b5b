/** The session as one self-contained HTML file (docs/session-format.md, "HTML report"). */
import { AppError } from "../../../contract/errors";
import type { SessionFile } from "../../../contract/session";

export function renderSessionReport(_session: SessionFile): string {
  throw new AppError({ code: "NOT_SUPPORTED", message: "The HTML report is being built." });
}
