/**
 * Where a template failed while rendering messages. The engine's runtime errors carry no position,
 * so the place is inferred from the message: the tag holding the very string a `raise_exception`
 * raised, else the `raise_exception` call whose strings all appear in the message (a message built
 * with `+` around a value), else the tag using the filter, test or variable the message names. When that is not
 * exactly one tag the line is left unknown rather than guessed.
 */
import { problemAt, type TemplateProblem } from "./template-problem";
import { scanTags } from "./template-tags";
import { tagTokens } from "./tag-tokens";

/** The names engine messages mention: `Unknown filter: x`, `filter "x"`, `Unknown test: x`, … */
const NAMED = [/filter "(\w+)"/, /filter: (\w+)/, /Unknown test: (\w+)/, /Unknown variable: (\w+)/, /macro (\w+) takes/];

export function locateRenderError(template: string, message: string): TemplateProblem {
  const tags = scanTags(template).tags.map((tag) => {
    const tokens = tagTokens(tag);
    return {
      start: tag.start,
      // Not keys such as message['role']: they name fields, the message holds their values.
      strings: tokens.filter((token, i) => token.type === "StringLiteral" && tokens[i - 1]?.type !== "OpenSquareBracket").map((token) => token.value),
      names: new Set(tokens.filter((token) => token.type === "Identifier").map((token) => token.value)),
    };
  });
  const raising = tags.filter((tag) => tag.names.has("raise_exception"));
  const named = NAMED.map((pattern) => pattern.exec(message)?.[1]).find((name) => name !== undefined);
  const candidateSets = [
    tags.filter((tag) => tag.strings.includes(message)),
    raising.filter((tag) => tag.strings.length > 0 && tag.strings.every((text) => message.includes(text))),
    named === undefined ? [] : tags.filter((tag) => tag.names.has(named)),
  ];
  const candidates = candidateSets.find((set) => set.length > 0) ?? [];
  return problemAt(candidates.length === 1 ? candidates[0].start : null, message);
}
