/** A real workbench on a fresh demo workspace in a temp folder, for tests that need the whole stack. */
import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import { join } from "node:path";
import { startWorkbench, type Workbench } from "../app/workbench";
import { startServer, type RunningServer } from "../server/http-server";

export interface TestWorkbench {
  workbench: Workbench;
  dir: string;
  cleanup(): Promise<void>;
}

export async function startTestWorkbench(): Promise<TestWorkbench> {
  const dir = await mkdtemp(join(os.tmpdir(), "polyglot-test-"));
  const workbench = await startWorkbench({ workspaceDir: join(dir, "workspace"), mode: "server" });
  return {
    workbench,
    dir,
    async cleanup() {
      await workbench.dispose();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Server mode over a stand-in renderer folder (one page): the real renderer is tested end to end by e2e/. */
export async function startTestServer(test: TestWorkbench, options: { host?: string } = {}): Promise<RunningServer> {
  const rendererDir = join(test.dir, "renderer");
  await mkdir(rendererDir, { recursive: true });
  await writeFile(join(rendererDir, "index.html"), "<!doctype html><title>Polyglot Workbench</title>");
  return startServer({ workbench: test.workbench, rendererDir, host: options.host });
}

export function idOf(workbench: Workbench, name: string): string {
  const model = workbench.models.list().find((m) => m.metadata?.name === name);
  if (!model) throw new Error(`No model named ${name} in the test workspace`);
  return model.id;
}
