import { AppError } from "@contract/errors";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AUTOSAVE_DELAY_MS, useAutosave } from "./autosave";

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("useAutosave", () => {
  it("saves the latest text once typing has paused for 600 ms", async () => {
    const save = vi.fn(() => Promise.resolve());
    const autosave = useAutosave(save);

    autosave.edited("H");
    await vi.advanceTimersByTimeAsync(400);
    autosave.edited("Ha");
    await vi.advanceTimersByTimeAsync(400);
    autosave.edited("Hab");
    expect(autosave.state.value).toBe("pending");
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS - 1);
    expect(save).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);

    expect(save.mock.calls).toEqual([["Hab"]]);
    expect(autosave.state.value).toBe("saved");
  });

  it("saves at once when flushed (the field lost focus), and not again when the pause ends", async () => {
    const save = vi.fn(() => Promise.resolve());
    const autosave = useAutosave(save);

    autosave.edited("Habari");
    await autosave.flush();
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS * 2);
    await autosave.flush();

    expect(save.mock.calls).toEqual([["Habari"]]);
  });

  it("keeps a text that failed to save, shows the error, and sends it again when flushed", async () => {
    const save = vi.fn()
      .mockRejectedValueOnce(new AppError({ code: "IO_ERROR", message: "The disk is full.", file: "/s.json" }))
      .mockResolvedValue(undefined);
    const autosave = useAutosave(save);

    autosave.edited("Habari");
    await autosave.flush();
    expect(autosave.state.value).toBe("error");
    expect(autosave.error.value).toEqual({ code: "IO_ERROR", message: "The disk is full.", file: "/s.json" });
    expect(autosave.hasUnsaved()).toBe(true);

    await autosave.flush();
    expect(save.mock.calls).toEqual([["Habari"], ["Habari"]]);
    expect(autosave.state.value).toBe("saved");
    expect(autosave.error.value).toBeNull();
    expect(autosave.hasUnsaved()).toBe(false);
  });

  it("does not say saved while a later text is still being saved", async () => {
    let finishFirst!: () => void;
    const save = vi.fn()
      .mockImplementationOnce(() => new Promise<void>((resolve) => (finishFirst = resolve)))
      .mockResolvedValue(undefined);
    const autosave = useAutosave(save);

    autosave.edited("Hab");
    const first = autosave.flush();
    autosave.edited("Habari");
    const second = autosave.flush();
    await vi.advanceTimersByTimeAsync(0); // the first save starts
    finishFirst();
    await first;
    expect(autosave.state.value).toBe("saving");
    await second;

    expect(save.mock.calls).toEqual([["Hab"], ["Habari"]]);
    expect(autosave.state.value).toBe("saved");
  });
});
