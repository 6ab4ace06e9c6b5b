import { inject, type InjectionKey } from "vue";
import type { Bridge } from "./bridge";

export const bridgeKey: InjectionKey<Bridge> = Symbol("bridge");

/** The app-wide bridge, provided in main.ts (or by a test); stores call this in their setup. */
export function useBridge(): Bridge {
  const bridge = inject(bridgeKey);
  if (!bridge) throw new Error("No bridge provided: call app.provide(bridgeKey, bridge) before using a store.");
  return bridge;
}
