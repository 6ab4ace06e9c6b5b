/** A vote checked against the session it goes into: the comparison exists, the pair is two of its panes. */
import { randomUUID } from "node:crypto";
import type { VoteRequest } from "../../contract/compare";
import { AppError } from "../../contract/errors";
import type { SessionFile, Vote } from "../../contract/session";

export function newVote(session: SessionFile, request: VoteRequest): Vote {
  const comparison = session.comparisons.find((candidate) => candidate.id === request.comparisonId);
  if (!comparison) {
    throw new AppError({ code: "NOT_FOUND", field: "comparisonId", message: `This session has no comparison ${request.comparisonId}.` });
  }
  const [a, b] = request.pair;
  if (a === b || a >= comparison.panes.length || b >= comparison.panes.length) {
    throw new AppError({
      code: "INVALID_INPUT", field: "pair",
      message: `A vote compares two different panes of the ${comparison.panes.length}; got ${a} and ${b}.`,
    });
  }
  const { comparisonId: _comparisonId, ...fields } = request;
  return { id: randomUUID(), createdAt: new Date().toISOString(), ...fields };
}
