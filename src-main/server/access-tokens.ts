/**
 * Server mode's access control, like Jupyter's: a random token in the printed URL; the browser
 * keeps it in an HttpOnly cookie after the first visit. A second token gives read-only access.
 */
import { randomBytes, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";

export type Access = "full" | "read-only" | null;

export class AccessTokens {
  readonly full: string;
  readonly readOnly: string;

  constructor(full = randomToken(), readOnly = randomToken()) {
    this.full = full;
    this.readOnly = readOnly;
  }

  /** Cookie names carry the port: browsers share cookies between ports of one host. */
  cookieName(port: number): string {
    return `polyglot_token_${port}`;
  }

  /** The token a request carries (query, cookie or bearer header) and the access it grants. */
  accessOf(request: IncomingMessage, port: number): { access: Access; fromQuery: boolean } {
    const url = new URL(request.url ?? "/", "http://localhost");
    const fromQuery = url.searchParams.get("token");
    const candidates = [
      fromQuery,
      readCookie(request.headers.cookie, this.cookieName(port)),
      request.headers.authorization?.replace(/^Bearer\s+/i, "") ?? null,
    ];
    for (const candidate of candidates) {
      if (!candidate) continue;
      if (safeEqual(candidate, this.full)) return { access: "full", fromQuery: candidate === fromQuery };
      if (safeEqual(candidate, this.readOnly)) return { access: "read-only", fromQuery: candidate === fromQuery };
    }
    return { access: null, fromQuery: false };
  }
}

function randomToken(): string {
  return randomBytes(24).toString("hex");
}

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function readCookie(header: string | undefined, name: string): string | null {
  for (const part of header?.split(";") ?? []) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return decodeURIComponent(value.join("="));
  }
  return null;
}
