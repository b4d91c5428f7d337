import { z } from "zod";

const EntityIdSchema = z.string().regex(/^lock\.[a-z0-9_]+$/, { error: "must be a lock entity id such as lock.front_door" });

/** The card's YAML configuration. */
export const CardConfigSchema = z.object({
  type: z.string(),
  title: z.string().optional(),
  /** Lock entities to show; default: every `lock.*` entity. */
  locks: z.array(EntityIdSchema).min(1, { error: "list at least one lock, or leave `locks` out" }).optional(),
  /** Standalone installs: the add-on's websocket URL, e.g. ws://127.0.0.1:8099/api/ws. */
  addon_url: z
    .string()
    .regex(/^wss?:\/\/\S+$/, { error: "must be a ws:// or wss:// URL" })
    .optional(),
});
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
