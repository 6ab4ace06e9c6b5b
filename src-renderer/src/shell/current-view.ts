import { computed, onScopeDispose, ref, type ComputedRef } from "vue";
import { views, type ViewEntry } from "./views";

function idFromHash(hash: string): string {
  return hash.replace(/^#\/?/, "");
}

/** The view named in the URL hash (#/playground), so a reload stays where it was; Models otherwise. */
export function useCurrentView(): ComputedRef<ViewEntry> {
  const id = ref(idFromHash(location.hash));
  const update = () => (id.value = idFromHash(location.hash));
  window.addEventListener("hashchange", update);
  onScopeDispose(() => window.removeEventListener("hashchange", update));
  return computed(() => views.find((view) => view.id === id.value) ?? views[0]);
}

export function viewHref(view: ViewEntry): string {
  return `#/${view.id}`;
}
