import { z } from "zod";

/** Flores-200 style: ISO 639-3 code, underscore, ISO 15924 script (`swh_Latn`). */
export const LanguageCodeSchema = z.string().regex(/^[a-z]{3}_[A-Z][a-z]{3}$/, "a Flores-200 code such as swh_Latn");
