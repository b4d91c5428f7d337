import { z } from "zod";
import { CodeIdSchema, IsoTimeSchema, LockIdSchema } from "./primitives";
import { AccessRulesSchema, NotifySettingsSchema } from "./rules";

/** Digits only; lengths are checked per lock by `validateCode`, which knows each lock's limits. */
export const PinSchema = z.string().regex(/^\d+$/, { error: "A PIN may contain digits only." });

const NameSchema = z
  .string()
  .transform((name) => name.trim())
  .pipe(z.string().min(1, { error: "Give the code a name." }).max(40, { error: "A name has at most 40 characters." }));

/** What a person edits: the code as the card sends it for create and update. */
export const CodeDraftSchema = z.object({
  name: NameSchema,
  pin: PinSchema,
  lockIds: z.array(LockIdSchema),
  enabled: z.boolean().default(true),
  rules: AccessRulesSchema.default({ weekly: [], burner: false }),
  // The mission: a notification whenever a code opens a door. Opt out per code.
  notify: NotifySettingsSchema.default({ onUse: true, targets: [] }),
});
export type CodeDraft = z.infer<typeof CodeDraftSchema>;

/** A named code as the add-on stores it. */
export const CodeSchema = z.object({
  id: CodeIdSchema,
  name: NameSchema,
  pin: PinSchema,
  lockIds: z.array(LockIdSchema),
  enabled: z.boolean(),
  rules: AccessRulesSchema,
  notify: NotifySettingsSchema,
  /** Keypad unlocks attributed to this code, for `rules.maxUses`. */
  uses: z.number().int().min(0).default(0),
  createdAt: IsoTimeSchema,
  updatedAt: IsoTimeSchema,
});
export type Code = z.infer<typeof CodeSchema>;

/** A code as non-admins and logs may see it: never the PIN. */
export type PublicCode = Omit<Code, "pin">;

export function withoutPin(code: Code): PublicCode {
  const { pin, ...rest } = code;
  return rest;
}
