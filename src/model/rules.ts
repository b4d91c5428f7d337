import { z } from "zod";
import { IsoTimeSchema } from "./primitives";

const ClockTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: "Times are HH:MM, 00:00 to 23:59." });

/** A weekly window such as Mon–Fri 08:00–17:00, in Home Assistant's time zone. Days: 0 = Sunday. */
export const WeeklyWindowSchema = z
  .object({
    days: z.array(z.number().int().min(0).max(6)).min(1, { error: "Pick at least one day." }),
    start: ClockTimeSchema,
    end: ClockTimeSchema,
  })
  .refine((w) => w.start !== w.end, { error: "A time window must not start and end at the same minute." });
export type WeeklyWindow = z.infer<typeof WeeklyWindowSchema>;

/** When a code may be on the locks. An empty object means "always". */
export const AccessRulesSchema = z
  .object({
    validFrom: IsoTimeSchema.optional(),
    validUntil: IsoTimeSchema.optional(),
    weekly: z.array(WeeklyWindowSchema).default([]),
    maxUses: z.number().int().min(1).max(10_000).optional(),
    /** A standing emergency code: kept loaded; its first use notifies and may retire it. */
    burner: z.boolean().default(false),
  })
  .refine((r) => !r.validFrom || !r.validUntil || Date.parse(r.validFrom) < Date.parse(r.validUntil), {
    error: "The end of the validity period must be after its start.",
  });
export type AccessRules = z.infer<typeof AccessRulesSchema>;

export const NotifySettingsSchema = z.object({
  /** "Tell me when this code is used." */
  onUse: z.boolean().default(true),
  /** Service names such as `notify.mobile_app_pixel`, or `persistent_notification`. */
  targets: z.array(z.string().regex(/^(persistent_notification|notify\.[a-z0-9_]+)$/, { error: "A notify target is persistent_notification or notify.<service>." })).default([]),
});
export type NotifySettings = z.infer<typeof NotifySettingsSchema>;
