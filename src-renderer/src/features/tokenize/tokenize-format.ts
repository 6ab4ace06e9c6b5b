/** How the Tokenizers view writes its figures and languages. */
import { languageName } from "@contract/languages";

/** A ratio to `digits` decimals; "—" where it has no value (its denominator was 0). */
export function formatRatio(value: number | null, digits = 2): string {
  return value === null ? "—" : value.toFixed(digits);
}

/** "Swahili (swh_Latn)"; a code without a known name as it is. */
export function languageLabel(code: string): string {
  const name = languageName(code);
  return name === code ? code : `${name} (${code})`;
}
