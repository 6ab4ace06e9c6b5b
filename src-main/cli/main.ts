#!/usr/bin/env node
/** `polyglot`: the headless CLI on the same services as the app. */
import { Command } from "commander";
import { APP_VERSION } from "../app/app-version";
import { registerCompareCommand } from "./commands/compare";
import { registerEvalCommand } from "./commands/eval";
import { registerFertilityCommand } from "./commands/fertility";
import { registerPerplexityCommand } from "./commands/perplexity";
import { registerScoreCommand } from "./commands/score";
import { registerGenerateCommand } from "./commands/generate";
import { registerModelsCommand } from "./commands/models-inspect";
import { registerServeCommand } from "./commands/serve";
import { registerSessionCommand } from "./commands/session";
import { registerStartCommand } from "./commands/start";
import { registerTokenizeCommand } from "./commands/tokenize";
import { reportAndExit } from "./cli-errors";

const program = new Command()
  .name("polyglot")
  .description("Polyglot Workbench: compare, probe and evaluate multilingual LLM checkpoints")
  .version(APP_VERSION)
  .showHelpAfterError()
  // Options after a subcommand's name belong to it (`eval --out` and `eval import-lm-eval --out`).
  .enablePositionalOptions();

registerModelsCommand(program);
registerGenerateCommand(program);
registerCompareCommand(program);
registerEvalCommand(program);
registerPerplexityCommand(program);
registerFertilityCommand(program);
registerScoreCommand(program);
registerTokenizeCommand(program);
registerSessionCommand(program);
registerServeCommand(program);
registerStartCommand(program);

program.parseAsync(process.argv).catch(reportAndExit);
