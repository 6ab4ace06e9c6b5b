/**
 * The CLI's baseline in `npm run bench:tokenize`: what a user would write to tokenize a file with
 * node-llama-cpp directly — load the vocabulary, read the file, tokenize, write the ids as JSON.
 * Usage: node out/main/bench-direct-tokenize.js MODEL FILE
 */
import { readFileSync } from "node:fs";
import { getLlama, LlamaLogLevel } from "node-llama-cpp";

const [model, file] = process.argv.slice(2);
const llama = await getLlama({ build: "never", logLevel: LlamaLogLevel.disabled });
const vocabulary = await llama.loadModel({ modelPath: model, vocabOnly: true });
const ids = vocabulary.tokenize(readFileSync(file, "utf8"));
process.stdout.write(`${JSON.stringify({ ids: Array.from(ids), count: ids.length })}\n`);
