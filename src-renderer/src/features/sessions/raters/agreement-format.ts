/** How raters' agreement is told. */
import type { Agreement } from "@contract/sessions";

/** "Cohen's κ = 0.62 on 12 items"; why there is none when there is not. */
export function kappaText(agreement: Agreement, raters: number): string {
  if (agreement.method === null || agreement.kappa === null) {
    if (raters < 2) return "No agreement yet: it needs at least two raters.";
    return "No agreement yet: no pair of panes has been judged by every rater.";
  }
  const method = agreement.method === "cohen" ? "Cohen's κ" : "Fleiss' κ";
  return `${method} = ${agreement.kappa.toFixed(2)} on ${agreement.items} ${agreement.items === 1 ? "item" : "items"}`;
}

/**
 * Landis & Koch's words for a kappa (1977), the usual reading: below 0 "poor", up to 0.20
 * "slight", 0.40 "fair", 0.60 "moderate", 0.80 "substantial", above "almost perfect".
 */
export function kappaReading(kappa: number): string {
  if (kappa < 0) return "poor";
  if (kappa <= 0.2) return "slight";
  if (kappa <= 0.4) return "fair";
  if (kappa <= 0.6) return "moderate";
  if (kappa <= 0.8) return "substantial";
  return "almost perfect";
}
