import { afterEach, describe, expect, it } from "vitest";
import { defineComponent, h } from "vue";
import { mountConnected, settle, unmountAll } from "../../../test/mount";
import { useSessionsStore } from "../../../stores/sessions";
import { useSystemStore } from "../../../stores/system";
import { comparison, sessionsMain } from "../session-fixtures";
import { AUTOSAVE_DELAY_MS } from "./autosave";
import NotesEditor from "./NotesEditor.vue";

afterEach(unmountAll);

/** The session's notes editor as the Notes tab shows it, fed from the stores. */
const SessionNotes = defineComponent({
  setup() {
    const sessions = useSessionsStore();
    const system = useSystemStore();
    return () => h(NotesEditor, {
      notes: sessions.current?.session.notes ?? "", comparisonId: null, label: "Notes", readOnly: system.info?.readOnly ?? false,
    });
  },
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("NotesEditor", () => {
  it("saves typed notes once, after typing pauses, and says so", async () => {
    const session = { comparisons: [comparison()], notes: "" };
    const main = sessionsMain(session);
    const { wrapper } = await mountConnected(SessionNotes, main);
    const field = wrapper.get("textarea");

    for (const text of ["A", "An", "Angalia"]) await field.setValue(text);
    expect(wrapper.get('[data-testid="notes-state"]').text()).toBe("Unsaved changes");
    await pause(AUTOSAVE_DELAY_MS / 2);
    expect(main.callsOf("session.setNotes")).toEqual([]);
    await pause(AUTOSAVE_DELAY_MS);
    await settle();

    expect(main.callsOf("session.setNotes")).toEqual([{ comparisonId: null, notes: "Angalia" }]);
    expect(session.notes).toBe("Angalia");
    expect(wrapper.get('[data-testid="notes-state"]').text()).toBe("Saved");
  });

  it("saves at once when the field loses focus", async () => {
    const main = sessionsMain({ comparisons: [comparison()], notes: "" });
    const { wrapper } = await mountConnected(SessionNotes, main);

    await wrapper.get("textarea").setValue("Jambo");
    await wrapper.get("textarea").trigger("blur");
    await settle();

    expect(main.callsOf("session.setNotes")).toEqual([{ comparisonId: null, notes: "Jambo" }]);
  });

  it("shows notes another rater saved, but never over something typed here and not yet saved", async () => {
    const session = { comparisons: [comparison()], notes: "" };
    const main = sessionsMain(session);
    const { wrapper } = await mountConnected(SessionNotes, main);
    const field = wrapper.get<HTMLTextAreaElement>("textarea");

    session.notes = "From jonas";
    main.emit("session.changed", { path: "/any", change: "notes" });
    await settle();
    expect(field.element.value).toBe("From jonas");

    await field.setValue("Mine, typing");
    session.notes = "From jonas again";
    main.emit("session.changed", { path: "/any", change: "notes" });
    await settle();
    expect(field.element.value).toBe("Mine, typing");
  });

  it("shows the notes as text, with no field, on a read-only link", async () => {
    const { wrapper } = await mountConnected(SessionNotes, sessionsMain({ comparisons: [comparison()], notes: "Salamu\nza asubuhi" }, { readOnly: true }));

    expect(wrapper.find("textarea").exists()).toBe(false);
    const text = wrapper.get('[data-testid="notes-text"]');
    expect(text.text()).toBe("Salamu\nza asubuhi");
    expect(text.attributes("dir")).toBe("auto");
  });
});
