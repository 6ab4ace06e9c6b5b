import type { AppErrorData } from "@contract/errors";
import type { SystemInfo } from "@contract/models";
import { defineStore } from "pinia";
import { ref } from "vue";
import { useBridge } from "../bridge/use-bridge";
import { toErrorData } from "../lib/app-error";

/** The host: app version, mode, backend, workspace, whether it can open a file picker. */
export const useSystemStore = defineStore("system", () => {
  const bridge = useBridge();
  const info = ref<SystemInfo | null>(null);
  const error = ref<AppErrorData | null>(null);

  async function refresh(): Promise<void> {
    try {
      info.value = await bridge.call("system.info", {});
      error.value = null;
    } catch (caught) {
      error.value = toErrorData(caught);
    }
  }

  /** Opens the host's file picker; resolves with the chosen paths (none when cancelled). */
  function pickModelFiles(): Promise<string[]> {
    return bridge.call("system.pickModelFiles", {});
  }

  bridge.onConnected(() => void refresh());
  return { info, error, refresh, pickModelFiles };
});
