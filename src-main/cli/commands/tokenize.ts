/**
 * `polyglot tokenize`: a text's token ids exactly as llama.cpp's tokenizer gives them (no BOS/EOS
 * unless --add-special; special-token text read as plain text), from a GGUF read vocab-only, so
 * no workspace and no weights are needed. --jsonl takes many texts, one JSON string per line.
 */
import type { Command } from "commander";
import type { LlamaModel, Token } from "node-llama-cpp";
import { AppError } from "../../contract/errors";
import { loadVocabulary } from "../../llama/load-vocabulary";
import { tokenPiecesOf } from "../../llama/token-pieces";
import { readUtf8, splitLines } from "../../services/eval/tasks/readers/text-file";
import { tokenizeText } from "../../services/tokenizers/tokenize-text";
import { action } from "../cli-errors";

interface TokenizeOptions {
  model: string;
  text?: string;
  file?: string;
  jsonl?: string;
  addSpecial?: boolean;
  json?: boolean;
}

export function registerTokenizeCommand(program: Command): void {
  program
    .command("tokenize")
    .description("Token ids of a text as llama.cpp's tokenizer gives them (the model's vocabulary only is read)")
    .requiredOption("--model <file>", "a .gguf file")
    .option("--text <text>", "the text")
    .option("--file <file>", "a UTF-8 file, tokenized whole as one text")
    .option("--jsonl <file>", "one JSON string per line, one result per line")
    .option("--add-special", "add BOS/EOS as the vocabulary asks (llama.cpp's add_special)")
    .option("--json", 'print {"ids": [...], "pieces": [...], "count": n} per text')
    .action(action(async (options: TokenizeOptions) => {
      const texts = await readTexts(options); // bad input is refused before the model is read
      const model = await loadVocabulary(options.model);
      try {
        const format = options.json ? jsonFormat(model) : humanFormat;
        for (const text of texts) {
          const ids = tokenizeText(model, text, { addSpecial: options.addSpecial ?? false, parseSpecial: false });
          process.stdout.write(`${format(ids)}\n`);
        }
      } finally {
        await model.dispose();
      }
    }));
}

function humanFormat(ids: Token[]): string {
  return `${ids.length} ${ids.length === 1 ? "token" : "tokens"}: ${idsJson(ids).slice(1, -1).replaceAll(",", " ")}`;
}

/** `[1,2,3]`: JSON.stringify writes millions of numbers about ten times faster than `join`. */
function idsJson(ids: Token[]): string {
  return JSON.stringify(ids);
}

/** `{"ids": [...], "pieces": [...], "count": n}`, each piece's JSON made once per token id (a 10 MB text has millions). */
function jsonFormat(model: LlamaModel): (ids: Token[]) => string {
  const pieces = tokenPiecesOf(model);
  // Dense, so V8 keeps it an array rather than a dictionary of a few thousand ids.
  const pieceJson: (string | null)[] = new Array(model.fileInfo.metadata.tokenizer?.ggml?.tokens?.length ?? 0).fill(null);
  const pieceOf = (id: Token) => (pieceJson[id] ??= JSON.stringify(pieces.info(id).piece));
  return (ids) => `{"ids":${idsJson(ids)},"pieces":[${ids.map(pieceOf).join(",")}],"count":${ids.length}}`;
}

async function readTexts(options: TokenizeOptions): Promise<string[]> {
  const given = (["text", "file", "jsonl"] as const).filter((flag) => options[flag] !== undefined);
  if (given.length !== 1) {
    throw new AppError({ code: "INVALID_INPUT", message: "Give exactly one of --text, --file or --jsonl." });
  }
  if (options.text !== undefined) return [options.text];
  if (options.file !== undefined) return [await readUtf8(options.file)];
  return readJsonLines(options.jsonl!);
}

/** One JSON string per line (llama.cpp's test strings hold newlines, which JSON escapes). */
async function readJsonLines(file: string): Promise<string[]> {
  return splitLines(await readUtf8(file)).map((line, index) => {
    const where = `${file} line ${index + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      throw new AppError({ code: "INVALID_INPUT", file, message: `${where} is not JSON (${(error as Error).message}): write one JSON string per line, such as "Habari ya dunia".` });
    }
    if (typeof value !== "string") {
      throw new AppError({ code: "INVALID_INPUT", file, message: `${where} is ${JSON.stringify(value)}, not a JSON string: write one JSON string per line.` });
    }
    return value;
  });
}
