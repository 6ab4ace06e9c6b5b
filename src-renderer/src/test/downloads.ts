import { vi } from "vitest";

export interface SavedDownload {
  name: string;
  type: string;
  text: Promise<string>;
}

/** Records the downloads saveInBrowser starts (name, type, text) instead of letting happy-dom follow them. */
export function spyOnDownloads(): SavedDownload[] {
  const saved: SavedDownload[] = [];
  const blobs = new Map<string, Blob>();
  vi.spyOn(URL, "createObjectURL").mockImplementation((blob) => {
    const url = `blob:test/${blobs.size + 1}`;
    blobs.set(url, blob as Blob);
    return url;
  });
  vi.spyOn(URL, "revokeObjectURL").mockImplementation(() => {});
  vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
    const blob = blobs.get(this.href)!;
    saved.push({ name: this.download, type: blob.type, text: blob.text() });
  });
  return saved;
}
