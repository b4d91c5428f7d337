import { z } from "zod/mini";
import { IntSchema, IsoTimeSchema, matches } from "./primitives";

const ClockTimeSchema = z
  .string()
  .check(matches(/^([01]\d|2[0-3]):[0-5]\d$/, "Times are HH:MM, 00:00 to 23:59."));

/** A weekly window such as Mon–Fri 08:00–17:00, in Home Assistant's time zone. Days: 0 = Sunday. */
export const WeeklyWindowSchema = z
  .object({
    days: z
      .array(IntSchema.check(z.minimum(0), z.maximum(6)))
      .check(z.minLength(1, { error: "Pick at least one day." })),
    start: ClockTimeSchema,
    end: ClockTimeSchema,
  })
  .check(
    z.refine((w) => w.start !== w.end, { error: "A time window must not start and end at the same minute." }),
  );
export type WeeklyWindow = z.infer<typeof WeeklyWindowSchema>;

/** When a code may be on the locks. An empty object means "always". */
export const AccessRulesSchema = z
  .object({
    validFrom: z.optional(IsoTimeSchema),
    validUntil: z.optional(IsoTimeSchema),
    weekly: z._default(z.array(WeeklyWindowSchema), []),
    maxUses: z.optional(IntSchema.check(z.minimum(1), z.maximum(10_000))),
    /** A standing emergency code: kept loaded; its first use notifies and may retire it. */
    burner: z._default(z.boolean(), false),
  })
  .check(
    z.refine((r) => !r.validFrom || !r.validUntil || Date.parse(r.validFrom) < Date.parse(r.validUntil), {
      error: "The end of the validity period must be after its start.",
    }),
  );
export type AccessRules = z.infer<typeof AccessRulesSchema>;

/** Why a code is off its locks right now (its slots are emptied until that changes). */
export const OffReasonSchema = z.enum([
  "disabled",
  "not_yet_valid",
  "expired",
  "outside_window",
  "uses_exhausted",
]);
export type OffReason = z.infer<typeof OffReasonSchema>;

export const NotifySettingsSchema = z.object({
  /** "Tell me when this code is used." */
  onUse: z._default(z.boolean(), true),
  /** Service names such as `notify.mobile_app_pixel`, or `persistent_notification`. */
  targets: z._default(
    z.array(
      z
        .string()
        .check(
          matches(
            /^(persistent_notification|notify\.[a-z0-9_]+)$/,
            "A notify target is persistent_notification or notify.<service>.",
          ),
        ),
    ),
    [],
  ),
});
export type NotifySettings = z.infer<typeof NotifySettingsSchema>;
