/**
 * The sessions opened in this workspace, newest first (`.polyglot/recent-sessions.json`). A
 * damaged list is started afresh: it only remembers paths, nothing of the sessions themselves.
 */
import { mkdir, readFile } from "node:fs/promises";
import { dirname } from "node:path";
import writeFileAtomic from "write-file-atomic";
import { z } from "zod";

const MAX_RECENT = 20;

const RecentFileSchema = z.object({
  format: z.literal("polyglot-recent-sessions"),
  version: z.literal(1),
  sessions: z.array(z.object({ path: z.string(), openedAt: z.string() })),
});
type RecentFile = z.infer<typeof RecentFileSchema>;

export class RecentSessions {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly file: string) {}

  async list(): Promise<string[]> {
    return (await this.read()).sessions.map((entry) => entry.path);
  }

  /** Puts `path` first; changes are written one at a time. */
  remember(path: string): Promise<void> {
    const next = this.queue.then(async () => {
      const current = await this.read();
      const sessions = [{ path, openedAt: new Date().toISOString() }, ...current.sessions.filter((entry) => entry.path !== path)].slice(0, MAX_RECENT);
      await mkdir(dirname(this.file), { recursive: true });
      await writeFileAtomic(this.file, `${JSON.stringify({ ...current, sessions }, null, 2)}\n`);
    });
    this.queue = next.catch(() => {});
    return next;
  }

  private async read(): Promise<RecentFile> {
    const text = await readFile(this.file, "utf8").catch(() => null);
    let json: unknown = null;
    try {
      json = text === null ? null : JSON.parse(text);
    } catch {
      // damaged: start afresh (see above)
    }
    const parsed = RecentFileSchema.safeParse(json);
    return parsed.success ? parsed.data : { format: "polyglot-recent-sessions", version: 1, sessions: [] };
  }
}
