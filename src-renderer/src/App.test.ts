import { afterEach, describe, expect, it } from "vitest";
import App from "./App.vue";
import { model } from "./test/fixtures";
import { fakeMain, mountConnected, settle, unmountAll } from "./test/mount";

/** Follows a link of the navigation, as the hash router sees it. */
async function openView(id: string): Promise<void> {
  location.hash = `#/${id}`;
  window.dispatchEvent(new HashChangeEvent("hashchange"));
  await settle();
}

afterEach(() => {
  unmountAll();
  location.hash = "";
});

describe("App shell", () => {
  it("marks itself ready once system.info and models.list have answered", async () => {
    let answerList: (value: ReturnType<typeof model>[]) => void = () => {};
    const main = fakeMain().handle("models.list", () => new Promise((resolve) => (answerList = resolve)));
    const { wrapper } = await mountConnected(App, main);

    expect(wrapper.get(".app").attributes("data-app-state")).toBe("loading");
    answerList([model()]);
    await settle();
    expect(wrapper.get(".app").attributes("data-app-state")).toBe("ready");
  });

  it("shows the backend and workspace from system.info in the header", async () => {
    const { wrapper } = await mountConnected(App, fakeMain({ system: { backend: "cuda", gpuName: "RTX 4090", workspaceDir: "/srv/ws" } }));
    const header = wrapper.get("header");
    expect(header.get("h1").text()).toBe("Polyglot Workbench");
    expect(header.get('[data-testid="backend"]').text()).toBe("cuda (RTX 4090)");
    expect(header.text()).toContain("/srv/ws");
  });

  it("says so in the header when the link is read-only", async () => {
    const { wrapper } = await mountConnected(App, fakeMain({ system: { readOnly: true } }));
    expect(wrapper.get("header .read-only").text()).toBe("Read-only");
  });

  it("navigates between views, and says which are not built yet", async () => {
    // Eval lists the workspace's runs when it opens; this workspace has none.
    const { wrapper } = await mountConnected(App, fakeMain().handle("eval.runs", () => []));
    const links = wrapper.findAll("nav a");
    expect(links.map((link) => link.text())).toEqual(["Models", "Compare", "Playground", "Tokenizers", "Eval", "Data", "Sessions"]);
    expect(wrapper.get('nav a[aria-current="page"]').text()).toBe("Models");

    const purposes: Record<string, string> = {
      data: "Dataset tools.",
    };
    for (const [id, purpose] of Object.entries(purposes)) {
      await openView(id);
      expect(wrapper.get("main").text()).toContain(purpose);
      expect(wrapper.get("main").text()).toContain("not built yet");
    }

    for (const [id, heading] of [["playground", "Playground"], ["compare", "Compare"], ["sessions", "Sessions"], ["eval", "Eval"]]) {
      await openView(id);
      expect(wrapper.get("main h2").text()).toBe(heading);
      expect(wrapper.get('nav a[aria-current="page"]').text()).toBe(heading);
      expect(wrapper.get("main").text()).not.toContain("not built yet");
    }
    // Eval is the real view: its run set-up and its (empty) run list, not a placeholder.
    expect(wrapper.find('main form[aria-label="New eval run"]').exists()).toBe(true);
    expect(wrapper.get("main").text()).toContain("No runs yet: start one, or import lm-eval results.");
  });

  it("shows a banner while disconnected, and fetches state again after reconnecting", async () => {
    const main = fakeMain();
    const { wrapper } = await mountConnected(App, main);
    expect(wrapper.text()).not.toContain("Disconnected");

    main.goDown();
    await settle();
    expect(wrapper.get('[role="status"]').text()).toBe("Disconnected — retrying…");

    main.comeBack();
    await settle();
    expect(wrapper.text()).not.toContain("Disconnected");
    expect(main.callsOf("system.info")).toHaveLength(2);
    expect(main.callsOf("models.list")).toHaveLength(2);
  });
});
