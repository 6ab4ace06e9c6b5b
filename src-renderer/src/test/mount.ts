import { flushPromises, mount, type VueWrapper } from "@vue/test-utils";
import { createPinia } from "pinia";
import type { Component } from "vue";
import { Bridge } from "../bridge/bridge";
import { bridgeKey } from "../bridge/use-bridge";
import { FakeMain } from "./fake-main";
import { model, systemInfo } from "./fixtures";

/** A fake main answering system.info and models.list with the given state; add handlers as needed. */
export function fakeMain(state: { models?: ReturnType<typeof model>[]; system?: Parameters<typeof systemInfo>[0] } = {}): FakeMain {
  return new FakeMain()
    .handle("system.info", () => systemInfo(state.system))
    .handle("models.list", () => state.models ?? [model()]);
}

/** Lets every queued message and promise run (the fake main answers in separate tasks). */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) {
    await flushPromises();
    await new Promise((resolve) => setTimeout(resolve));
  }
}

/** Mounts a component with a fresh Pinia and a bridge connected to `main`, and waits for the first answers. */
export async function mountConnected(component: Component, main: FakeMain): Promise<{ wrapper: VueWrapper; bridge: Bridge }> {
  const bridge = new Bridge(() => Promise.resolve(main.connect()), () => 1);
  const wrapper = mount(component, {
    global: { plugins: [createPinia()], provide: { [bridgeKey as symbol]: bridge } },
  });
  mounted.push({ wrapper, bridge });
  bridge.start();
  await settle();
  return { wrapper, bridge };
}

const mounted: { wrapper: VueWrapper; bridge: Bridge }[] = [];

/** Unmounts what mountConnected mounted and stops its bridges' reconnect timers (use in afterEach). */
export function unmountAll(): void {
  for (const { wrapper, bridge } of mounted.splice(0)) {
    wrapper.unmount();
    bridge.dispose();
  }
}
