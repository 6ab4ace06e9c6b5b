/** The metrics worker thread: runs tasks from metrics-tasks.ts for the main thread. */
import { parentPort } from "node:worker_threads";
import { AppError } from "../contract/errors";
import { metricsTasks, type MetricsTask } from "./metrics-tasks";

interface TaskMessage {
  id: number;
  task: MetricsTask;
  input: never;
}

parentPort?.on("message", ({ id, task, input }: TaskMessage) => {
  try {
    parentPort!.postMessage({ id, result: metricsTasks[task](input) });
  } catch (error) {
    parentPort!.postMessage({ id, error: AppError.from(error).toData() });
  }
});
