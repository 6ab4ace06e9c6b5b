import type { Component } from "vue";
import CompareView from "../features/compare/CompareView.vue";
import EvalView from "../features/eval/EvalView.vue";
import ModelsView from "../features/models/ModelsView.vue";
import PlaygroundView from "../features/playground/PlaygroundView.vue";
import PlannedView from "../features/planned/PlannedView.vue";
import SessionsView from "../features/sessions/SessionsView.vue";
import TokenizeView from "../features/tokenize/TokenizeView.vue";

export interface ViewEntry {
  id: string;
  label: string;
  component: Component;
  props?: Record<string, unknown>;
}

const planned = (id: string, label: string, purpose: string): ViewEntry => ({
  id, label, component: PlannedView, props: { title: label, purpose },
});

/** The left navigation, in order. Views not built yet say what they will do. */
export const views: ViewEntry[] = [
  { id: "models", label: "Models", component: ModelsView },
  { id: "compare", label: "Compare", component: CompareView },
  { id: "playground", label: "Playground", component: PlaygroundView },
  { id: "tokenize", label: "Tokenizers", component: TokenizeView },
  { id: "eval", label: "Eval", component: EvalView },
  planned("data", "Data", "Dataset tools."),
  { id: "sessions", label: "Sessions", component: SessionsView },
];
