import { defineStore } from "pinia";
import { ref } from "vue";
import type { ConnectionStatus } from "../bridge/bridge";
import { useBridge } from "../bridge/use-bridge";

/** Whether the main process is reachable; the bridge reconnects by itself. */
export const useConnectionStore = defineStore("connection", () => {
  const status = ref<ConnectionStatus>("connecting");
  useBridge().onStatus((next) => (status.value = next));
  return { status };
});
