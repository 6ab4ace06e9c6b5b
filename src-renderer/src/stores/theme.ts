import { defineStore } from "pinia";
import { computed, ref, watch, watchEffect } from "vue";

export const themePreferences = ["system", "light", "dark"] as const;
export type ThemePreference = (typeof themePreferences)[number];

export const THEME_STORAGE_KEY = "polyglot.theme";

function storedPreference(): ThemePreference {
  const stored = localStorage.getItem(THEME_STORAGE_KEY);
  return themePreferences.find((preference) => preference === stored) ?? "system";
}

/** Light, dark, or whatever the OS prefers; kept in localStorage and applied as `data-theme` on <html>. */
export const useThemeStore = defineStore("theme", () => {
  const preference = ref<ThemePreference>(storedPreference());
  const media = window.matchMedia?.("(prefers-color-scheme: dark)");
  const systemPrefersDark = ref(media?.matches ?? false);
  media?.addEventListener("change", (event) => (systemPrefersDark.value = event.matches));

  const resolved = computed<"light" | "dark">(() =>
    preference.value === "system" ? (systemPrefersDark.value ? "dark" : "light") : preference.value,
  );

  watch(preference, (next) => localStorage.setItem(THEME_STORAGE_KEY, next));
  watchEffect(() => {
    document.documentElement.dataset.theme = resolved.value;
  });

  return { preference, resolved };
});
