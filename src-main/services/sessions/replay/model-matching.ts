/**
 * Finding a shared session's models among this machine's: the same file (sha256) first, then a
 * model of the same name (maybe another quantization or version: `sameFile` says). Tokenizer-only
 * files cannot generate and are never matched.
 */
import { win32 } from "node:path";
import { modelDisplayName, type ModelInfo } from "../../../contract/models";
import type { ModelIdentity, SessionFile } from "../../../contract/session";
import type { ModelMatch } from "../../../contract/sessions";
import type { ModelsService } from "../../models/models-service";

/** The session's models, each once (by sha256, or by name when it has none), in order of first use. */
export function sessionModels(session: SessionFile): { identity: ModelIdentity; panes: number }[] {
  const found = new Map<string, { identity: ModelIdentity; panes: number }>();
  for (const pane of session.comparisons.flatMap((comparison) => comparison.panes)) {
    const key = identityKey(pane.model);
    const entry = found.get(key) ?? { identity: pane.model, panes: 0 };
    entry.panes++;
    found.set(key, entry);
  }
  return [...found.values()];
}

export function identityKey(identity: ModelIdentity): string {
  return identity.sha256 ?? `name:${identity.name}`;
}

/** Waits for the local models' hashes (cached after the first time). */
export async function matchModels(session: SessionFile, models: ModelsService): Promise<ModelMatch[]> {
  const local = models.list().filter((model) => model.metadata?.tensorCount !== 0);
  const hashes = new Map(await Promise.all(local.map(async (model) => [model.id, await models.hashOf(model.id).catch(() => null)] as const)));
  return sessionModels(session).map(({ identity, panes }) => ({ identity, panes, match: findMatch(identity, local, hashes) }));
}

function findMatch(identity: ModelIdentity, local: ModelInfo[], hashes: Map<string, string | null>): ModelMatch["match"] {
  const byHash = identity.sha256 ? local.find((model) => hashes.get(model.id) === identity.sha256) : undefined;
  if (byHash) return describe(byHash, "sha256", true);
  const byName = local.find((model) => modelDisplayName(model) === identity.name)
    // The session may come from Windows: win32's basename splits at both "\\" and "/".
    ?? local.find((model) => model.fileName === win32.basename(identity.path));
  if (!byName) return null;
  const hash = hashes.get(byName.id) ?? null;
  return describe(byName, "name", hash && identity.sha256 ? hash === identity.sha256 : null);
}

function describe(model: ModelInfo, by: "sha256" | "name", sameFile: boolean | null): NonNullable<ModelMatch["match"]> {
  return { modelId: model.id, name: modelDisplayName(model), path: model.path, by, sameFile };
}
