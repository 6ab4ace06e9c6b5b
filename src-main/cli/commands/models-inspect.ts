import type { Command } from "commander";
import { action } from "../cli-errors";
import { withModel } from "../ephemeral-workbench";

export function registerModelsCommand(program: Command): void {
  const models = program.command("models").description("Inspect GGUF models");
  models
    .command("inspect")
    .argument("<file>", "a .gguf file")
    .description("Print a model's GGUF metadata, sha256 and memory estimate as JSON (weights are not loaded)")
    .action(action(async (file: string) => {
      await withModel(file, async (workbench, model) => {
        const sha256 = await workbench.models.hashOf(model.id);
        const { path, fileName, sizeBytes, metadata, memory } = model;
        process.stdout.write(JSON.stringify({ path, fileName, sizeBytes, sha256, metadata, memory }, null, 2) + "\n");
      }, { hash: true });
    }));
}
