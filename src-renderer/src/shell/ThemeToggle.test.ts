import { mount } from "@vue/test-utils";
import { createPinia } from "pinia";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { THEME_STORAGE_KEY } from "../stores/theme";
import ThemeToggle from "./ThemeToggle.vue";

const mountToggle = () => mount(ThemeToggle, { global: { plugins: [createPinia()] } });

describe("ThemeToggle", () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => delete document.documentElement.dataset.theme);

  it("applies the chosen theme to the page and remembers it", async () => {
    const wrapper = mountToggle();
    const select = wrapper.get("select");
    expect(select.element.value).toBe("system");

    await select.setValue("dark");
    expect(document.documentElement.dataset.theme).toBe("dark");
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBe("dark");

    await select.setValue("light");
    expect(document.documentElement.dataset.theme).toBe("light");
    wrapper.unmount();
  });

  it("starts from the remembered choice", () => {
    localStorage.setItem(THEME_STORAGE_KEY, "dark");
    const wrapper = mountToggle();
    expect(wrapper.get("select").element.value).toBe("dark");
    expect(document.documentElement.dataset.theme).toBe("dark");
    wrapper.unmount();
  });

  it("is a labelled control", () => {
    const wrapper = mountToggle();
    expect(wrapper.get("label").text()).toContain("Theme");
    expect(wrapper.find("label select").exists()).toBe(true);
    wrapper.unmount();
  });
});
