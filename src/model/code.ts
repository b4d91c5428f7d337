import { z } from "zod/mini";
import { CodeIdSchema, IntSchema, IsoTimeSchema, LockIdSchema, matches } from "./primitives";
import { fillPlaceholders } from "./placeholders";
import { AccessRulesSchema, NotifySettingsSchema } from "./rules";
import { VALIDATION_TEXTS } from "./problem-texts";

/** A name fits on a phone's lock chip and in a notification's first line. */
export const MAX_NAME_LENGTH = 40;

/** Digits only; lengths are checked per lock by `validateCode`, which knows each lock's limits. */
export const PinSchema = z.string().check(matches(/^\d+$/, VALIDATION_TEXTS["validation.pin_not_digits"]));

// Checks run in order: the trim rewrites the value before the length checks see it.
const nameMissing = VALIDATION_TEXTS["validation.name_missing"];
const NameSchema = z.string({ error: nameMissing }).check(
  z.trim(),
  z.minLength(1, { error: nameMissing }),
  z.maxLength(MAX_NAME_LENGTH, {
    error: fillPlaceholders(VALIDATION_TEXTS["validation.name_too_long"], { max: MAX_NAME_LENGTH }),
  }),
);

/** A name as a person sends it: NFC first (normalize, then trim), so "é" typed either way is one name. */
export const InputNameSchema = z.string({ error: nameMissing }).check(
  z.normalize("NFC"),
  z.trim(),
  z.minLength(1, { error: nameMissing }),
  z.maxLength(MAX_NAME_LENGTH, {
    error: fillPlaceholders(VALIDATION_TEXTS["validation.name_too_long"], { max: MAX_NAME_LENGTH }),
  }),
);

/** What a person edits: the code as the card sends it for create and update. */
export const CodeDraftSchema = z.object({
  name: InputNameSchema,
  pin: PinSchema,
  lockIds: z.array(LockIdSchema),
  enabled: z._default(z.boolean(), true),
  rules: z._default(AccessRulesSchema, { weekly: [], burner: false }),
  // The mission: a notification whenever a code opens a door. Opt out per code.
  notify: z._default(NotifySettingsSchema, { onUse: true, targets: [] }),
});
export type CodeDraft = z.infer<typeof CodeDraftSchema>;

/**
 * What an update changes: only the fields sent. Unlike a partial draft it fills in no
 * defaults, so renaming a disabled code does not enable it or wipe its rules.
 */
export const CodeChangesSchema = z.object({
  name: z.optional(InputNameSchema),
  pin: z.optional(PinSchema),
  lockIds: z.optional(z.array(LockIdSchema)),
  enabled: z.optional(z.boolean()),
  rules: z.optional(AccessRulesSchema),
  notify: z.optional(NotifySettingsSchema),
});
export type CodeChanges = z.infer<typeof CodeChangesSchema>;

/** A named code as every client sees it: PINs are absent; admins fetch one at a time with codes/reveal. */
export const PublicCodeSchema = z.object({
  id: CodeIdSchema,
  name: NameSchema,
  lockIds: z.array(LockIdSchema),
  enabled: z.boolean(),
  rules: AccessRulesSchema,
  notify: NotifySettingsSchema,
  /** Keypad unlocks attributed to this code, for `rules.maxUses`. */
  uses: z._default(IntSchema.check(z.minimum(0)), 0),
  createdAt: IsoTimeSchema,
  updatedAt: IsoTimeSchema,
});

/** A named code as the add-on stores it. Built by spreading, not with z.omit: the card then bundles no omit. */
export const CodeSchema = z.object({ ...PublicCodeSchema.shape, pin: PinSchema });
export type Code = z.infer<typeof CodeSchema>;

/** A code as non-admins and logs may see it: never the PIN. */
export type PublicCode = z.infer<typeof PublicCodeSchema>;

export function withoutPin(code: Code): PublicCode {
  const { pin, ...rest } = code;
  return rest;
}
