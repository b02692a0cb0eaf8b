/**
 * The worlds a server works on, read from the store: the default world (the JSON of `data/`,
 * stored as id `default` at the first start), and those users made from it. A world is read
 * back once per text (by its SHA-256) and kept, with its summary, for the next requests.
 * @module
 */
import { InputError } from "../diagnostics/errors.js";
import { fileReader } from "../io/world-files.js";
import type { Store, Timestamp, WorldRecord } from "../run/store.js";
import { worldFromJson } from "../world/from-json.js";
import { type LoadedWorld, loadWorld } from "../world/load.js";
import { summarize, type WorldSummary } from "../world/summary.js";
import { ApiError } from "./api-error.js";

export const DEFAULT_WORLD_ID = "default";

interface Kept {
  loaded: LoadedWorld;
  summary?: WorldSummary;
}

/** Worlds kept in memory at most (each a few MB). */
const KEEP = 4;

export class Worlds {
  private readonly kept = new Map<string, Kept>();
  constructor(private readonly store: Store) {}

  /** Stores the default world (`data/`) when the store has none yet. */
  async ensureDefault(at: Timestamp): Promise<void> {
    if (await this.store.getWorld(DEFAULT_WORLD_ID)) return;
    const { world, issues } = loadWorld(fileReader());
    if (!world) throw new InputError(issues);
    const made = await this.store.createWorld({
      id: DEFAULT_WORLD_ID,
      name: "levier default world (data/)",
      content: JSON.stringify(world.world),
      contentType: "application/json",
      at,
    });
    // Another server on the same database made it first.
    if (!made.ok && !(await this.store.getWorld(DEFAULT_WORLD_ID)))
      throw new Error("the default world could not be stored");
  }

  async record(id: string): Promise<WorldRecord> {
    const w = await this.store.getWorld(id);
    if (!w) throw new ApiError(404, `no world ${JSON.stringify(id)}; GET /api/worlds lists them`);
    return w;
  }

  /** The world read back from its stored text. */
  async loaded(id: string): Promise<{ record: WorldRecord; loaded: LoadedWorld }> {
    const record = await this.record(id);
    return { record, loaded: this.keep(record).loaded };
  }

  async summary(id: string): Promise<{ record: WorldRecord; summary: WorldSummary }> {
    const record = await this.record(id);
    const k = this.keep(record);
    k.summary ??= summarize(k.loaded.world);
    return { record, summary: k.summary };
  }

  private keep(record: WorldRecord): Kept {
    let k = this.kept.get(record.sha256);
    if (k) {
      this.kept.delete(record.sha256);
      this.kept.set(record.sha256, k);
      return k;
    }
    k = { loaded: worldFromJson(record.content) };
    this.kept.set(record.sha256, k);
    while (this.kept.size > KEEP) this.kept.delete(this.kept.keys().next().value!);
    return k;
  }
}
