/**
 * `npm run bench:compare-ui`: does the renderer stay responsive while 4 Compare panes stream?
 *
 * Starts the built `polyglot serve` on a fresh workspace (its demo fixture checkpoints: tiny, so
 * tokens arrive as fast as the machine makes them), opens #/compare in Debian's Chromium through
 * Playwright, sets 4 panes with Max tokens 2048 (alternatives per token: the default 5), presses
 * Run all, then Run all again whenever the comparison has finished, for 30 s, while recording a
 * Chromium performance trace.
 *
 * - Tasks: the top-level scheduler tasks ("RunTask", nested "ThreadControllerImpl::RunTask" counted
 *   once) of the page's renderer main thread (CrRendererMain), i.e. every event-loop task: a
 *   WebSocket message, an animation frame (rAF callbacks, style, layout, paint), an input event, a
 *   timer. Duration = wall time, everything nested included (JS, microtasks, GC, layout, paint), and
 *   also the thread's CPU time (the trace's tdur): on 2 vCPUs shared with the server, llama.cpp and
 *   Chromium's other processes, wall time includes time the thread waited for a core.
 * - Batching: `generation.tokens` WebSocket frames received against the animation frames in which
 *   the DOM changed (a MutationObserver and a requestAnimationFrame counter installed before the app).
 * - Attribution: every WebSocket message listener is timed in the page and marked in the trace
 *   (User Timing) when slow, so a long task is named by what it handled; BENCH_JS_PROFILE=1 adds
 *   V8's sampling profiler for JS functions (more overhead).
 */
import { chromium, type LaunchOptions, type Page } from "@playwright/test";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import config from "../../playwright.config";
import { startServerProcess } from "../fixtures/server-process";
import { ComparePage } from "../pages/compare-page";
import { WorkbenchPage } from "../pages/workbench-page";

const STREAM_MS = Number(process.env.BENCH_STREAM_MS ?? 30_000);
const PANES = 4;
const MAX_TOKENS = 2048;
/** Greedy on both fixture checkpoints, this prompt runs on without an end of text (the compare benchmark checks it). */
const PROMPT = "The a";
const LONG_TASK_MS = 50;
const JS_PROFILE = process.env.BENCH_JS_PROFILE === "1";
/**
 * BENCH_ONE_MODEL=1 puts the four panes on one model (one llama.cpp thread) instead of the two
 * fixture checkpoints in turn (two threads, which with the server's own thread fill both vCPUs
 * here and leave the page waiting for a core).
 */
const ONE_MODEL = process.env.BENCH_ONE_MODEL === "1";
/**
 * BENCH_MODEL=file.gguf serves a workspace holding only that model, so all four panes run on it:
 * with a model of realistic size (the 103M-parameter fixture shape that `npm run bench:compare`
 * writes to $TMPDIR/polyglot-bench-models) tokens arrive at the pace a user would see.
 */
const ONLY_MODEL = process.env.BENCH_MODEL;
/** BENCH_OBSERVE_MUTATIONS=0 leaves the MutationObserver out, to see what it costs itself (no render counts then). */
const OBSERVE_MUTATIONS = process.env.BENCH_OBSERVE_MUTATIONS !== "0";
const TASK_EVENTS = new Set(["RunTask", "ThreadControllerImpl::RunTask"]);
const TRACE_CATEGORIES = [
  "devtools.timeline", "disabled-by-default-devtools.timeline", "toplevel", "v8.execute", "blink.user_timing",
  ...(JS_PROFILE ? ["disabled-by-default-v8.cpu_profiler"] : []),
];
/** Listeners slower than this leave a User Timing mark in the trace, naming the message. */
const MARK_LISTENER_MS = 10;

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  /** Thread (CPU) time, µs. */
  tdur?: number;
  cat?: string;
  args?: { name?: string; src_func?: string; data?: Record<string, unknown>; chrome_mojo_event_info?: Record<string, unknown> };
}

/**
 * A task's CPU time: the trace's thread time, but never more than its wall time — on this VM the
 * thread clock now and then reports more CPU than wall time for a task, which cannot be.
 */
function cpuTime(task: TraceEvent): number {
  return Math.min(task.tdur ?? 0, task.dur ?? 0);
}

interface MessageStats {
  count: number;
  totalMs: number;
  maxMs: number;
  maxBytes: number;
}

/** What the page saw, counted by the init script below. */
interface PageCounts {
  frames: number;
  mutationCallbacks: number;
  framesWithMutations: number;
  mostCallbacksInOneFrame: number;
  /** Callbacks whose changes added token chips (streamed tokens rendered), and the most in one frame. */
  tokenRenders: number;
  mostTokenRendersInOneFrame: number;
  framesWithSeveralTokenRenders: number;
  messages: Record<string, MessageStats>;
}

/**
 * Runs in the page before the app. Counts animation frames (a requestAnimationFrame loop) and
 * MutationObserver callbacks, and in how many distinct frames the DOM changed: a callback runs
 * once after each task or callback that changed the DOM, so callbacks in a frame ≈ renders in it.
 * Times each WebSocket message listener by the message's topic (User Timing measure when slow).
 */
function instrumentPage(markListenerMs: number, observeMutations: boolean): void {
  const zero = { frames: 0, mutationCallbacks: 0, framesWithMutations: 0, mostCallbacksInOneFrame: 0, tokenRenders: 0, mostTokenRendersInOneFrame: 0, framesWithSeveralTokenRenders: 0 };
  const counts = { ...zero, messages: {} as Record<string, MessageStats> };
  let callbacksThisFrame = 0;
  let tokenRendersThisFrame = 0;
  const tick = () => {
    counts.frames++;
    callbacksThisFrame = 0;
    tokenRendersThisFrame = 0;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  const isTokenChip = (node: Node) => node instanceof Element && node.getAttribute("data-testid") === "token";
  if (observeMutations) {
    new MutationObserver((records) => {
      counts.mutationCallbacks++;
      if (callbacksThisFrame++ === 0) counts.framesWithMutations++;
      counts.mostCallbacksInOneFrame = Math.max(counts.mostCallbacksInOneFrame, callbacksThisFrame);
      // A render that added token chips: streamed tokens reaching the DOM.
      if (records.some((record) => [...record.addedNodes].some(isTokenChip))) {
        counts.tokenRenders++;
        counts.mostTokenRendersInOneFrame = Math.max(counts.mostTokenRendersInOneFrame, ++tokenRendersThisFrame);
        if (tokenRendersThisFrame === 2) counts.framesWithSeveralTokenRenders++;
      }
    }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  }

  const addEventListener = WebSocket.prototype.addEventListener;
  WebSocket.prototype.addEventListener = function (this: WebSocket, type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions) {
    if (type !== "message" || typeof listener !== "function") return addEventListener.call(this, type, listener!, options);
    return addEventListener.call(this, type, function (this: WebSocket, event: Event) {
      const started = performance.now();
      try {
        return listener.call(this, event);
      } finally {
        const elapsed = performance.now() - started;
        const data = (event as MessageEvent).data;
        const text = typeof data === "string" ? data : "";
        const topic = /"topic":"([^"]+)"/.exec(text.slice(0, 200))?.[1] ?? (text.startsWith('{"kind":"response"') ? "(response)" : "(other)");
        const stats = (counts.messages[topic] ??= { count: 0, totalMs: 0, maxMs: 0, maxBytes: 0 });
        stats.count++;
        stats.totalMs += elapsed;
        stats.maxMs = Math.max(stats.maxMs, elapsed);
        stats.maxBytes = Math.max(stats.maxBytes, text.length);
        if (elapsed >= markListenerMs) performance.measure(`ws message ${topic} (${text.length} chars)`, { start: started });
      }
    }, options);
  };

  const page = window as unknown as { benchCounts: () => PageCounts; benchReset: () => void };
  page.benchCounts = () => structuredClone(counts);
  page.benchReset = () => Object.assign(counts, zero, { messages: {} });
}

function launchOptions(): LaunchOptions {
  // The same browser and flags as the E2E server project (Debian's /usr/bin/chromium).
  const project = config.projects?.find((candidate) => candidate.name === "server-chromium");
  return { ...project?.use?.launchOptions, headless: true };
}

async function setUpPanes(page: Page, compare: ComparePage): Promise<void> {
  await page.getByRole("heading", { level: 2, name: "Compare", exact: true }).waitFor();
  await compare.setPrompt(PROMPT);
  for (let panes = 2; panes < PANES; panes++) await page.getByRole("button", { name: "Add pane", exact: true }).click();
  for (let index = 0; index < PANES; index++) await compare.setPaneParameter(index, "Max tokens", MAX_TOKENS);
  // Every pane has a model (new panes get the workspace's models in turn).
  await page.waitForFunction(() => [...document.querySelectorAll<HTMLSelectElement>('[data-testid="pane-model"]')].every((select) => select.value !== ""));
  if (ONE_MODEL) {
    for (const select of await page.getByTestId("pane-model").all()) {
      const value = await select.locator("option", { hasText: "polyglot-continued" }).getAttribute("value");
      await select.selectOption(value!);
    }
  }
}

/** Presses Run all, and again each time the comparison has finished, until `ms` have passed. */
async function streamFor(page: Page, compare: ComparePage, ms: number): Promise<number> {
  const run = compare.runButton;
  const until = Date.now() + ms;
  let runs = 0;
  while (Date.now() < until) {
    await run.click({ timeout: until - Date.now() }).catch(() => {});
    runs++;
    // Finished = Run all enabled again; polled on a timer, not every frame, to add no frame work.
    await page.waitForFunction(
      () => !(document.querySelector('[data-testid="compare-run"]') as HTMLButtonElement).disabled,
      null, { polling: 100, timeout: Math.max(1, until - Date.now()) },
    ).catch(() => {});
  }
  return runs;
}

function rendererMainThread(events: TraceEvent[], origin: string): { pid: number; tid: number } {
  const mains = events.filter((event) => event.ph === "M" && event.name === "thread_name" && event.args?.name === "CrRendererMain");
  // The page's renderer is the one TracingStartedInBrowser names for a frame on the app's origin.
  const started = events.find((event) => event.name === "TracingStartedInBrowser");
  const frames = (started?.args?.data?.frames ?? []) as Array<{ processId: number; url: string }>;
  const pid = frames.find((frame) => frame.url.startsWith(origin))?.processId;
  const main = mains.find((event) => event.pid === pid) ?? mains[0];
  if (!main) throw new Error("The trace has no CrRendererMain thread.");
  return { pid: main.pid, tid: main.tid };
}

/** The outermost task events (a RunTask and the ThreadControllerImpl::RunTask inside it are one task). */
function outermostTasks(onMain: TraceEvent[]): TraceEvent[] {
  const tasks = onMain.filter((event) => event.ph === "X" && TASK_EVENTS.has(event.name) && event.dur !== undefined)
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const outer: TraceEvent[] = [];
  for (const task of tasks) {
    const last = outer.at(-1);
    if (!last || task.ts >= last.ts + last.dur!) outer.push(task);
  }
  return outer;
}

/** The events that started during a task; `events` sorted by start time. */
function within(events: TraceEvent[], task: TraceEvent): TraceEvent[] {
  const firstAtOrAfter = (ts: number) => {
    let low = 0;
    let high = events.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (events[middle].ts < ts) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  return events.slice(firstAtOrAfter(task.ts), firstAtOrAfter(task.ts + task.dur! + 1)).filter((event) => event !== task);
}

/** What a task was, from what ran inside it. */
function kindOf(inside: TraceEvent[]): string {
  // V8's sampling profiler (BENCH_JS_PROFILE=1) interrupts the thread to collect its samples.
  const interrupts = inside.filter((event) => event.name === "V8.InvokeApiInterruptCallbacks").reduce((sum, event) => sum + (event.tdur ?? 0), 0);
  if (interrupts > 10_000) return "profiler interrupt (BENCH_JS_PROFILE's own)";
  const measure = inside.find((event) => event.cat === "blink.user_timing" && event.name.startsWith("ws message "));
  if (measure) return measure.name.replace(/ \(\d+ chars\)$/, "");
  const click = inside.find((event) => event.name === "EventDispatch" && (event.args?.data as { type?: string } | undefined)?.type === "click");
  if (click) return "click (Run all)";
  if (inside.some((event) => event.name === "WebSocketReceive")) return "ws message (other)";
  if (inside.some((event) => event.args?.src_func === "ScheduledActionSendBeginMainFrame" || event.name === "FireAnimationFrame" || event.name === "Paint")) {
    return "animation frame (rAF + style, layout, paint)";
  }
  if (inside.some((event) => String(event.args?.chrome_mojo_event_info?.mojo_interface_tag ?? "").includes("DevTools"))) return "DevTools (the trace's own)";
  return "other";
}

/** CPU self time by traced event inside a task (what no traced event covers: "(task itself)"): where its time went. */
function cpuBreakdown(task: TraceEvent, inside: TraceEvent[]): Map<string, number> {
  const events = inside.filter((event) => event.ph === "X" && event.tdur !== undefined && !TASK_EVENTS.has(event.name))
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const self = new Map<string, number>();
  const stack: Array<{ event: TraceEvent; children: number }> = [];
  let outermost = 0;
  const close = (until: number) => {
    while (stack.length && stack.at(-1)!.event.ts + stack.at(-1)!.event.dur! <= until) {
      const { event, children } = stack.pop()!;
      self.set(event.name, (self.get(event.name) ?? 0) + Math.max(0, event.tdur! - children));
      if (stack.length) stack.at(-1)!.children += event.tdur!;
      else outermost += event.tdur!;
    }
  };
  for (const event of events) {
    close(event.ts);
    stack.push({ event, children: 0 });
  }
  close(Infinity);
  self.set("(task itself)", Math.max(0, (task.tdur ?? 0) - outermost));
  return self;
}

/**
 * The heaviest JS call path within a task, from V8's sampling profiler (BENCH_JS_PROFILE=1): from
 * the root, always into the callee with the most samples; its innermost frames say what ran.
 */
function jsProfile(events: TraceEvent[], pid: number): (from: number, to: number) => string {
  const nodes = new Map<number, { label: string; parent?: number }>();
  const samples: Array<[number, number]> = [];
  let time = 0;
  for (const chunk of events.filter((event) => event.pid === pid && (event.name === "Profile" || event.name === "ProfileChunk")).sort((a, b) => a.ts - b.ts)) {
    const data = chunk.args?.data as {
      startTime?: number; timeDeltas?: number[];
      cpuProfile?: { nodes?: Array<{ id: number; parent?: number; callFrame: { functionName: string; url?: string; lineNumber?: number } }>; samples?: number[] };
    };
    if (chunk.name === "Profile") {
      time = data.startTime ?? chunk.ts;
      continue;
    }
    for (const node of data.cpuProfile?.nodes ?? []) {
      const { functionName, url, lineNumber } = node.callFrame;
      nodes.set(node.id, { label: `${functionName || "(anonymous)"}${url ? `:${(lineNumber ?? 0) + 1}` : ""}`, parent: node.parent });
    }
    (data.cpuProfile?.samples ?? []).forEach((node, index) => samples.push([(time += data.timeDeltas?.[index] ?? 0), node]));
  }
  interface Tree { time: number; children: Map<string, Tree> }
  return (from, to) => {
    const root: Tree = { time: 0, children: new Map() };
    let previous = from;
    for (const [at, node] of samples) {
      if (at < from || at > to) continue;
      const path: string[] = [];
      for (let id: number | undefined = node; id !== undefined && nodes.has(id); id = nodes.get(id)!.parent) path.unshift(nodes.get(id)!.label);
      let tree = root;
      for (const label of path.filter((entry) => !/^\((root|program|idle)\)/.test(entry))) {
        if (!tree.children.has(label)) tree.children.set(label, { time: 0, children: new Map() });
        tree = tree.children.get(label)!;
        tree.time += at - previous;
      }
      previous = at;
    }
    const heaviest: Array<[string, number]> = [];
    for (let tree = root; tree.children.size > 0;) {
      const [label, child] = [...tree.children].reduce((a, b) => (b[1].time > a[1].time ? b : a));
      heaviest.push([label, child.time]);
      tree = child;
    }
    // The outermost frame and the innermost five: what the path was for and what it did.
    const shown = heaviest.length > 6 ? [heaviest[0], ["…", 0] as [string, number], ...heaviest.slice(-5)] : heaviest;
    return shown.map(([label, spent]) => (label === "…" ? label : `${label} ${ms(spent)}`)).join(" → ");
  };
}

const ms = (microseconds: number) => (microseconds / 1000).toFixed(1);

async function main(): Promise<void> {
  const workspace = await mkdtemp(join(tmpdir(), "polyglot-bench-ui-"));
  if (ONLY_MODEL) {
    await writeFile(join(workspace, "workspace.json"), JSON.stringify({ format: "polyglot-workspace", version: 1, models: [{ path: ONLY_MODEL }] }));
  }
  const server = await startServerProcess(workspace);
  const browser = await chromium.launch(launchOptions());
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const workbench = new WorkbenchPage(page); // records page and console errors from here on
    const compare = new ComparePage(page, workbench);
    // As source text: tsx (esbuild, keepNames) wraps named functions in a `__name` helper the page lacks.
    await page.addInitScript({ content: `var __name = (fn) => fn; (${instrumentPage.toString()})(${MARK_LISTENER_MS}, ${OBSERVE_MUTATIONS});` });
    const streamed = { tokenFrames: 0, tokens: 0, done: [] as Array<{ generatedTokens: number; stopReason: string }> };
    let counting = false;
    page.on("websocket", (socket) => socket.on("framereceived", ({ payload }) => {
      if (!counting || typeof payload !== "string" || !payload.startsWith('{"kind":"event","topic":"generation.')) return;
      const message = JSON.parse(payload) as { topic: string; payload: { tokens?: unknown[]; stats?: { generatedTokens: number; stopReason: string } } };
      if (message.topic === "generation.tokens") {
        streamed.tokenFrames++;
        streamed.tokens += message.payload.tokens!.length;
      } else if (message.topic === "generation.done") {
        streamed.done.push(message.payload.stats!);
      }
    }));
    const origin = new URL(server.url).origin;
    await page.goto(server.url);
    await workbench.waitUntilReady();
    await page.evaluate(() => (location.hash = "#/compare"));
    await setUpPanes(page, compare);

    await browser.startTracing(page, { categories: TRACE_CATEGORIES });
    await page.evaluate(() => (window as unknown as { benchReset: () => void }).benchReset());
    counting = true;
    const started = Date.now();
    const runs = await streamFor(page, compare, STREAM_MS);
    const elapsedMs = Date.now() - started;
    counting = false;
    const counts = await page.evaluate(() => (window as unknown as { benchCounts: () => PageCounts }).benchCounts());
    const trace = await browser.stopTracing();
    await compare.stopButton.click().catch(() => {});
    if (process.env.BENCH_TRACE_FILE) await writeFile(process.env.BENCH_TRACE_FILE, trace);

    const events = (JSON.parse(trace.toString("utf8")) as { traceEvents: TraceEvent[] }).traceEvents;
    const main = rendererMainThread(events, origin);
    const onMain = events.filter((event) => event.pid === main.pid && event.tid === main.tid).sort((a, b) => a.ts - b.ts);
    const tasks = outermostTasks(onMain);
    const windowUs = tasks.at(-1)!.ts + tasks.at(-1)!.dur! - tasks[0].ts;
    const wall = tasks.map((task) => task.dur!).sort((a, b) => a - b);
    const longestWall = tasks.reduce((a, b) => (b.dur! > a.dur! ? b : a));
    const longestCpu = tasks.reduce((a, b) => (cpuTime(b) > cpuTime(a) ? b : a));
    const long = tasks.filter((task) => task.dur! > LONG_TASK_MS * 1000 || cpuTime(task) > LONG_TASK_MS * 1000);

    const finished = streamed.done;
    console.log(`\nChromium ${browser.version()} (headless, software rendering); ${PANES} panes × max ${MAX_TOKENS} tokens, 5 alternatives per token, greedy, prompt ${JSON.stringify(PROMPT)}; ${ONLY_MODEL ? `all on ${ONLY_MODEL}` : ONE_MODEL ? "all on polyglot-continued" : "the two fixture checkpoints in turn"}${JS_PROFILE ? "; with V8's sampling profiler" : ""}.\n`);
    console.log("| measure | value |");
    console.log("|---|---|");
    console.log(`| streaming time (Run all pressed ${runs}×, again whenever the comparison had finished) | ${(elapsedMs / 1000).toFixed(1)} s |`);
    console.log(`| pane runs finished (stop reasons) | ${finished.length} (${summarize(finished.map((done) => done.stopReason))}) |`);
    console.log(`| tokens received / \`generation.tokens\` WebSocket frames | ${streamed.tokens} / ${streamed.tokenFrames} (${(streamed.tokens / Math.max(1, streamed.tokenFrames)).toFixed(1)} tokens a frame) |`);
    console.log(`| animation frames / frames in which the DOM changed / MutationObserver callbacks | ${counts.frames} (${(counts.frames / (elapsedMs / 1000)).toFixed(0)} a second) / ${counts.framesWithMutations} / ${counts.mutationCallbacks} |`);
    console.log(`| renders that added token chips (MutationObserver callbacks) / most in one animation frame / frames with more than one | ${counts.tokenRenders} / ${counts.mostTokenRendersInOneFrame} / ${counts.framesWithSeveralTokenRenders} |`);
    console.log(`| most MutationObserver callbacks in one animation frame, any cause | ${counts.mostCallbacksInOneFrame} |`);
    console.log(`| renderer main-thread tasks | ${tasks.length} in ${(windowUs / 1e6).toFixed(1)} s; busy ${(100 * wall.reduce((sum, value) => sum + value, 0) / windowUs).toFixed(0)} % of wall time, CPU ${(100 * tasks.reduce((sum, task) => sum + cpuTime(task), 0) / windowUs).toFixed(0)} % |`);
    console.log(`| longest task, wall (its CPU time) | ${ms(longestWall.dur!)} ms (${ms(cpuTime(longestWall))} ms CPU): ${kindOf(within(onMain, longestWall))} |`);
    console.log(`| longest task by CPU time (its wall time) | ${ms(cpuTime(longestCpu))} ms CPU (${ms(longestCpu.dur!)} ms): ${kindOf(within(onMain, longestCpu))} |`);
    console.log(`| 99th percentile task, wall | ${ms(wall[Math.floor(wall.length * 0.99)])} ms |`);
    console.log(`| tasks over ${LONG_TASK_MS} ms: wall / CPU | ${tasks.filter((task) => task.dur! > LONG_TASK_MS * 1000).length} / ${tasks.filter((task) => cpuTime(task) > LONG_TASK_MS * 1000).length} |`);

    console.log("\nWebSocket messages by topic (listener time in the page: JSON.parse, validation, store update; rendering comes later, in a frame):\n");
    console.log("| topic | messages | largest (chars) | listener total ms | listener max ms |");
    console.log("|---|---|---|---|---|");
    for (const [topic, stats] of Object.entries(counts.messages).sort((a, b) => b[1].maxMs - a[1].maxMs)) {
      console.log(`| ${topic} | ${stats.count} | ${stats.maxBytes} | ${stats.totalMs.toFixed(0)} | ${stats.maxMs.toFixed(1)} |`);
    }

    // Long tasks by kind, with where their CPU time went (self time of the traced events inside them).
    const byKind = new Map<string, TraceEvent[]>();
    for (const task of long) {
      const kind = kindOf(within(onMain, task));
      byKind.set(kind, [...(byKind.get(kind) ?? []), task]);
    }
    const profile = JS_PROFILE ? jsProfile(events, main.pid) : null;
    console.log(`\nTasks over ${LONG_TASK_MS} ms (wall or CPU) by what they handled:\n`);
    console.log("| task | count | wall ms (max) | CPU ms (max / median) | CPU self time in the longest by CPU |");
    console.log("|---|---|---|---|---|");
    for (const [kind, group] of [...byKind].sort((a, b) => b[1].length - a[1].length)) {
      const cpu = group.map((task) => cpuTime(task)).sort((a, b) => a - b);
      const top = group.reduce((a, b) => (cpuTime(b) > cpuTime(a) ? b : a));
      const parts = [...cpuBreakdown(top, within(onMain, top))].sort((a, b) => b[1] - a[1]).filter(([, time]) => time >= 1000).slice(0, 6);
      console.log(`| ${kind} | ${group.length} | ${ms(Math.max(...group.map((task) => task.dur!)))} | ${ms(cpu.at(-1)!)} / ${ms(cpu[Math.floor(cpu.length / 2)])} | ${parts.map(([name, time]) => `${name} ${ms(time)}`).join(", ")} |`);
      if (profile) console.log(`|  ↳ heaviest JS path (sampled wall ms; bundle line numbers) | | | | ${profile(top.ts, top.ts + top.dur!)} |`);
    }

    frameCostBySize(onMain, tasks);
    workbench.expectNoErrors();
  } finally {
    await browser.close();
    await server.stop();
    await rm(workspace, { recursive: true, force: true });
  }
}

/**
 * Animation-frame tasks by the size of the document they laid out (layout objects: a token chip is
 * two, its span and its text): what a frame costs as the panes fill up.
 */
function frameCostBySize(onMain: TraceEvent[], tasks: TraceEvent[]): void {
  const BUCKET = 2000;
  const rows = new Map<number, Array<{ cpu: number; raf: number; layout: number; prePaint: number; paint: number }>>();
  const cpuOf = (inside: TraceEvent[], name: string) => Math.max(0, ...inside.filter((event) => event.name === name && event.ph === "X").map((event) => event.tdur ?? 0));
  for (const task of tasks) {
    const inside = within(onMain, task);
    if (!inside.some((event) => event.name === "Paint") || kindOf(inside) !== "animation frame (rAF + style, layout, paint)") continue;
    const objects = Math.max(0, ...inside.map((event) => (event.name === "Layout" ? Number((event.args as { beginData?: { totalObjects?: number } }).beginData?.totalObjects ?? 0) : 0)));
    const bucket = Math.floor(objects / BUCKET) * BUCKET;
    rows.set(bucket, [...(rows.get(bucket) ?? []), {
      cpu: task.tdur ?? 0, raf: cpuOf(inside, "FireAnimationFrame"), layout: cpuOf(inside, "Layout"), prePaint: cpuOf(inside, "PrePaint"), paint: cpuOf(inside, "Paint"),
    }]);
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  console.log("\nAnimation frames that painted, by layout objects in the page (median CPU ms; a token chip is two objects):\n");
  console.log("| layout objects | frames | frame CPU (median / max) | rAF callbacks + Vue render | Layout | PrePaint | Paint |");
  console.log("|---|---|---|---|---|---|---|");
  for (const [bucket, frames] of [...rows].sort((a, b) => a[0] - b[0])) {
    const column = (key: "raf" | "layout" | "prePaint" | "paint") => ms(median(frames.map((frame) => frame[key])));
    console.log(`| ${bucket}–${bucket + BUCKET} | ${frames.length} | ${ms(median(frames.map((frame) => frame.cpu)))} / ${ms(Math.max(...frames.map((frame) => frame.cpu)))} | ${column("raf")} | ${column("layout")} | ${column("prePaint")} | ${column("paint")} |`);
  }
}

function summarize(values: string[]): string {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].map(([value, count]) => `${count} ${value}`).join(", ");
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
