/**
 * Stands in for MonacoEditor.vue in component tests. Monaco cannot run in happy-dom (it measures
 * layout, which happy-dom does not do), so tests replace it with this textarea:
 *
 *   vi.mock("…/components/monaco/MonacoEditor.vue", () => import("…/components/monaco/monaco-editor-stub"));
 *
 * Same v-model, label and shortcut events (from the same key table); markers are listed below it.
 * The real editor runs in the E2E specs.
 */
import { defineComponent, h, type PropType } from "vue";
import { EDITOR_SHORTCUT_NAMES, shortcutOf } from "./editor-shortcuts";
import type { EditorMarker } from "./editor-marker";

export default defineComponent({
  name: "MonacoEditorStub",
  props: {
    modelValue: { type: String, required: true },
    label: { type: String, required: true },
    language: { type: String, default: "prompt-template" },
    markers: { type: Array as PropType<EditorMarker[]>, default: () => [] },
    placeholder: { type: String, default: undefined },
    minLines: { type: Number, default: 3 },
    maxLines: { type: Number, default: 20 },
    lineNumbers: { type: Boolean, default: true },
  },
  emits: ["update:modelValue", ...EDITOR_SHORTCUT_NAMES],
  setup(props, { emit }) {
    function onKeydown(event: KeyboardEvent): void {
      const shortcut = shortcutOf(event);
      if (!shortcut) return;
      event.preventDefault();
      emit(shortcut);
    }
    return () => h("div", { class: "monaco-editor-stub", "data-language": props.language }, [
      h("textarea", {
        value: props.modelValue,
        "aria-label": props.label,
        placeholder: props.placeholder,
        onInput: (event: Event) => emit("update:modelValue", (event.target as HTMLTextAreaElement).value),
        onKeydown,
      }),
      ...props.markers.map((marker) => h("p", { class: "editor-marker", "data-line": marker.line }, marker.message)),
    ]);
  },
});
