/**
 * The parts of Monaco the app uses, bundled locally (no CDN): the editor API, a few editor
 * contributions, the editor worker and the Jinja highlighting. Everything Monaco ships besides
 * (language services for TypeScript/JSON/CSS/HTML, ~80 other languages, find, folding,
 * suggestions, …) is left out to keep the bundle small. Import this module only through
 * `loadMonaco` (monaco-setup.ts), so it loads when the first editor appears, in its own chunk.
 */
import * as monaco from "monaco-editor/editor/editor.api";
// Hovering a marker shows its message.
import "monaco-editor/features/hover/register";
// Invisible characters (zero-width joiners, bidi controls) are marked: they matter in prompts.
import "monaco-editor/features/unicodeHighlighter/register";
// Cut, copy and paste from the context menu; Ctrl+Backspace and friends; the placeholder text.
import "monaco-editor/features/clipboard/register";
import "monaco-editor/features/contextmenu/register";
import "monaco-editor/features/wordOperations/register";
import "monaco-editor/features/placeholderText/register";
// The icon font of hovers and menus.
import "monaco-editor/features/codicon/register";
// Jinja (chat templates): Monaco's Twig grammar is close enough, and the only other language loaded.
import "monaco-editor/languages/definitions/twig/register";
// Vite bundles the worker as a file of its own ("?worker"): allowed by `worker-src 'self'`.
import EditorWorker from "monaco-editor/editor/editor.worker?worker";

self.MonacoEnvironment = { getWorker: () => new EditorWorker() };

export { monaco };
export type Monaco = typeof monaco;
