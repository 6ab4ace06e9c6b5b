/**
 * A parallel corpus as FLORES-200 publishes one: a folder with one file per language, named by its
 * Flores-200 code (`swh_Latn.devtest`, `eng_Latn.txt`), one sentence per line, line i the same
 * sentence in every file. Files whose names are not Flores-200 codes (a LICENSE, metadata) are left out.
 */
import { basename, join } from "node:path";
import { AppError } from "../../../contract/errors";
import type { CorpusInfo } from "../../../contract/tokenize";
import { listFolder } from "../../eval/tasks/dataset-folder";
import { isFloresCode } from "../../eval/tasks/dataset-languages";
import { readUtf8, splitLines } from "../../eval/tasks/readers/text-file";

/** One language's file and its sentences. */
export interface CorpusLanguageText {
  language: string;
  file: string;
  sentences: string[];
}

interface LanguageFile {
  language: string;
  file: string;
}

/** `swh_Latn.devtest` → `swh_Latn`; null for names that do not start with a Flores-200 code. */
function languageOf(fileName: string): string | null {
  const dot = fileName.indexOf(".");
  const code = dot < 0 ? fileName : fileName.slice(0, dot);
  return isFloresCode(code) ? code : null;
}

/** The folder's language files, sorted by code; refuses a folder with none, and two files for one language. */
async function languageFiles(dir: string): Promise<LanguageFile[]> {
  const entries = await listFolder(dir);
  const byLanguage = new Map<string, string>();
  for (const entry of entries) {
    const language = entry.isFile() ? languageOf(entry.name) : null;
    if (language === null) continue;
    const other = byLanguage.get(language);
    if (other !== undefined) {
      throw new AppError({
        code: "INVALID_INPUT", file: join(dir, entry.name),
        message: `${dir} has two files for ${language}: ${basename(other)} and ${entry.name}. A parallel corpus has one file per language; move one of them out.`,
      });
    }
    byLanguage.set(language, join(dir, entry.name));
  }
  if (byLanguage.size === 0) {
    const names = entries.map((entry) => entry.name);
    throw new AppError({
      code: "NOT_FOUND", file: dir,
      message: names.length === 0
        ? `${dir} is empty. A parallel corpus has one file per language named by its Flores-200 code, e.g. eng_Latn.devtest.`
        : `${dir} has no file named by a Flores-200 code (e.g. eng_Latn.devtest, swh_Latn.txt). It has: ${names.join(", ")}.`,
    });
  }
  return [...byLanguage].map(([language, file]) => ({ language, file }));
}

async function readSentences(file: string): Promise<string[]> {
  return splitLines(await readUtf8(file));
}

/** The corpus's languages and how many sentences each file has (not an error when they differ: `aligned` says so). */
export async function inspectCorpus(dir: string): Promise<CorpusInfo> {
  const languages: CorpusInfo["languages"] = [];
  for (const { language, file } of await languageFiles(dir)) {
    languages.push({ language, file, sentences: (await readSentences(file)).length });
  }
  return { dir, languages, aligned: languages.every((language) => language.sentences === languages[0].sentences) };
}

/**
 * The sentences of `languages` (every language in the folder, by code, when empty), in the order
 * asked (each once), the first `limit` of each. The files must be aligned (the same number of lines).
 */
export async function readCorpus(dir: string, languages: readonly string[], limit?: number): Promise<CorpusLanguageText[]> {
  const files = await languageFiles(dir);
  const chosen = languages.length === 0 ? files : [...new Set(languages)].map((language) => {
    const found = files.find((file) => file.language === language);
    if (!found) {
      throw new AppError({
        code: "NOT_FOUND", file: dir, field: "languages",
        message: `${dir} has no file for ${language}. It has: ${files.map((file) => file.language).join(", ")}.`,
      });
    }
    return found;
  });
  const texts: CorpusLanguageText[] = [];
  for (const { language, file } of chosen) {
    const sentences = await readSentences(file);
    const first = texts[0];
    if (first && first.sentences.length !== sentences.length) {
      throw new AppError({
        code: "INVALID_INPUT", file,
        message: `${basename(first.file)} has ${first.sentences.length} lines but ${basename(file)} has ${sentences.length}; the files of a parallel corpus must be aligned line by line.`,
      });
    }
    texts.push({ language, file, sentences });
  }
  // Cut only after every file is checked: a limit must not hide a misaligned corpus.
  return limit === undefined ? texts : texts.map((text) => ({ ...text, sentences: text.sentences.slice(0, limit) }));
}
