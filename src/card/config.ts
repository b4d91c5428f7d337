import { z } from "zod/mini";
import { matches } from "../model/primitives";

// The card bundles zod/mini without its English message catalogue, so every check names its
// own message; a missing one would read "Invalid input".
const EntityIdSchema = z
  .string({ error: "must be a lock entity id such as lock.front_door" })
  .check(matches(/^lock\.[a-z0-9_]+$/, "must be a lock entity id such as lock.front_door"));

/** The card's YAML configuration. */
export const CardConfigSchema = z.object(
  {
    type: z.string({ error: "the card needs a type (custom:latchkey-card)" }),
    title: z.optional(z.string({ error: "must be text" })),
    /** Lock entities to show; default: every `lock.*` entity. */
    locks: z.optional(
      z
        .array(EntityIdSchema, { error: "must be a list of lock entity ids" })
        .check(z.minLength(1, { error: "list at least one lock, or leave `locks` out" })),
    ),
    /** Standalone installs: the add-on's websocket URL, e.g. ws://127.0.0.1:8099/api/ws. */
    addon_url: z.optional(
      z
        .string({ error: "must be a ws:// or wss:// URL" })
        .check(matches(/^wss?:\/\/\S+$/, "must be a ws:// or wss:// URL")),
    ),
    /** Under the Supervisor, only for a Latchkey add-on from another repository (a fork). */
    addon_slug: z.optional(
      z
        .string({ error: "must be an add-on slug such as 1118fc1f_latchkey" })
        .check(matches(/^[a-z0-9_]+$/, "must be an add-on slug such as 1118fc1f_latchkey")),
    ),
  },
  { error: "the configuration must be a mapping of options" },
);
export type CardConfig = z.infer<typeof CardConfigSchema>;

/** Thrown from `setConfig`; Home Assistant shows its message in an error card. */
export class CardConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CardConfigError";
  }
}

export function parseConfig(raw: unknown): CardConfig {
  const result = CardConfigSchema.safeParse(raw);
  if (result.success) return result.data;
  const parts = result.error.issues.slice(0, 3).map((issue) => {
    const where = issue.path.length > 0 ? `${issue.path.join(".")}: ` : "";
    return `${where}${issue.message}`;
  });
  throw new CardConfigError(`Latchkey card configuration is not valid — ${parts.join("; ")}.`);
}
