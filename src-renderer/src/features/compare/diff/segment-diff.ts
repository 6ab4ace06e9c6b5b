/**
 * Differences between two model outputs, unit by unit (words, or graphemes for scripts written
 * without spaces; see segment-text.ts), with jsdiff's Myers diff over the unit arrays.
 */
import { diffArrays } from "diff";
import { diffGranularity, segmentText, type DiffGranularity } from "./segment-text";

export interface DiffPart {
  text: string;
  /** "removed": only in the reference; "added": only in the other text. */
  kind: "same" | "added" | "removed";
}

/**
 * Beyond this many added plus removed units the texts count as entirely different: the diff's cost
 * grows with the number of edits times the length, and a pane marked throughout says as much.
 */
export const MAX_DIFF_EDITS = 1000;

/** The granularity used to compare two texts: graphemes if either needs them, so units line up. */
export function pairGranularity(reference: string, other: string): DiffGranularity {
  return diffGranularity(reference) === "grapheme" || diffGranularity(other) === "grapheme" ? "grapheme" : "word";
}

/**
 * The parts of `reference` and `other`, in order. Joining the "same" and "removed" parts gives
 * back `reference`; joining the "same" and "added" parts gives back `other`.
 */
export function diffSegments(reference: string, other: string): DiffPart[] {
  return compareUnits(reference, other).map(({ text, kind }) => ({ text, kind }));
}

/**
 * The index, among the units of `other` (at the pair's granularity), of the first unit that differs
 * from the reference: where an added unit starts or a removed one would have been. Equals the
 * number of units of `other` when `other` is the reference cut short. null when the texts are equal.
 */
export function firstDifference(reference: string, other: string): number | null {
  let index = 0;
  for (const part of compareUnits(reference, other)) {
    if (part.kind !== "same") return index;
    index += part.units;
  }
  return null;
}

/** diffSegments' parts, each with the number of units it spans. */
function compareUnits(reference: string, other: string): (DiffPart & { units: number })[] {
  if (reference === other) {
    return reference === "" ? [] : [{ text: reference, kind: "same", units: segmentText(reference).length }];
  }
  const granularity = pairGranularity(reference, other);
  const referenceUnits = segmentText(reference, granularity);
  const otherUnits = segmentText(other, granularity);
  const changes = diffArrays(referenceUnits, otherUnits, { maxEditLength: MAX_DIFF_EDITS });
  if (!changes) {
    const parts: (DiffPart & { units: number })[] = [];
    if (reference) parts.push({ text: reference, kind: "removed", units: referenceUnits.length });
    if (other) parts.push({ text: other, kind: "added", units: otherUnits.length });
    return parts;
  }
  return changes
    .filter((change) => change.value.length > 0)
    .map((change) => ({
      text: change.value.join(""),
      kind: change.added ? "added" : change.removed ? "removed" : "same",
      units: change.value.length,
    }));
}

/** What the other text's pane shows: its "same" and "added" parts, with neighbouring same-kind parts merged. */
export function otherSideParts(parts: readonly DiffPart[]): DiffPart[] {
  const shown: DiffPart[] = [];
  for (const part of parts) {
    if (part.kind === "removed") continue;
    const last = shown.at(-1);
    if (last && last.kind === part.kind) last.text += part.text;
    else shown.push({ ...part });
  }
  return shown;
}
