/**
 * A model's identity is the sha256 of its file. Hashing a many-GB file takes a while, so it runs
 * in the background with progress, and results are cached by path, size and mtime.
 */
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import writeFileAtomic from "write-file-atomic";

interface CacheEntry {
  size: number;
  mtimeMs: number;
  sha256: string;
}

export class FileHasher {
  private cache: Record<string, CacheEntry> | null = null;
  private readonly running = new Map<string, Promise<string>>();
  private readonly stopped = new AbortController();

  constructor(private readonly cacheFile: string) {}

  /** The file's sha256; `onProgress` gets the fraction read (0..1). Identical calls share one pass. */
  hash(path: string, onProgress: (fraction: number) => void = () => {}): Promise<string> {
    let job = this.running.get(path);
    if (!job) {
      job = this.compute(path, onProgress).finally(() => this.running.delete(path));
      this.running.set(path, job);
    }
    return job;
  }

  private async compute(path: string, onProgress: (fraction: number) => void): Promise<string> {
    const { size, mtimeMs } = await stat(path);
    const cache = await this.loadCache();
    const cached = cache[path];
    if (cached && cached.size === size && cached.mtimeMs === mtimeMs) return cached.sha256;

    const digest = createHash("sha256");
    let read = 0;
    let reported = 0;
    const stream = createReadStream(path, { highWaterMark: 4 << 20, signal: this.stopped.signal });
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      digest.update(chunk);
      read += chunk.length;
      if (read - reported > size / 100) {
        reported = read;
        onProgress(read / size);
      }
    }
    const sha256 = digest.digest("hex");
    cache[path] = { size, mtimeMs, sha256 };
    if (this.stopped.signal.aborted) return sha256; // disposed: the workspace folder may be going away
    await writeFileAtomic(this.cacheFile, JSON.stringify(cache, null, 1));
    return sha256;
  }

  /** Stops every hash under way (their promises reject), waits for them, and writes nothing more. */
  async dispose(): Promise<void> {
    this.stopped.abort();
    await Promise.allSettled([...this.running.values()]);
  }

  private async loadCache(): Promise<Record<string, CacheEntry>> {
    if (this.cache) return this.cache;
    try {
      const parsed = JSON.parse(await readFile(this.cacheFile, "utf8"));
      this.cache = parsed && typeof parsed === "object" ? parsed : {};
    } catch {
      this.cache = {}; // a missing or damaged cache only costs a re-hash
    }
    return this.cache!;
  }
}
