/**
 * The problems Latchkey tells people about, by key, in English. The add-on sends the key and
 * its values with the message, worded in the language the card named in its hello
 * (addon/src/i18n/problems.ts). A form's problems the card finds itself before sending, so
 * those are in the card's own texts in every language.
 */

/** The placeholders' values: names of codes, locks and services, lengths; never a PIN. */
export type ProblemValues = Record<string, string | number>;

/** Every problem a code's draft can have. */
export const VALIDATION_TEXTS = {
  "validation.name_missing": "Give the code a name.",
  "validation.name_too_long": "A name has at most {max} characters.",
  "validation.name_taken": "There is already a code named “{name}”.",
  "validation.name_unseen_characters": "A name may not contain invisible or text-direction characters.",
  "validation.too_many_windows": "A code has at most {max} time windows.",
  "validation.window_days_twice": "A time window lists a day twice.",
  "validation.too_many_targets": "A code notifies at most {max} targets.",
  "validation.lock_unknown": "Unknown lock: {locks}.",
  "validation.lock_twice": "A lock is listed twice.",
  "validation.pin_missing": "Enter a PIN or generate one.",
  "validation.pin_not_digits": "A PIN may contain digits only.",
  "validation.pin_no_common_length":
    "The chosen locks accept no common PIN length; put this code on fewer locks.",
  "validation.pin_length": "The PIN must have {range} digits for the chosen locks.",
  "validation.pin_taken":
    "“{name}” already uses this PIN on {locks}. Each person needs their own PIN so you know who opened the door.",
  "validation.pin_weak_repeated": "This PIN is easy to guess: it repeats one digit.",
  "validation.pin_weak_sequence": "This PIN is easy to guess: it is a straight run of digits.",
  "validation.pin_weak_common": "This PIN is easy to guess: it is one of the most common PINs.",
} as const;

/** Why a request failed, in English; the add-on words them in the card's language. */
export const ERROR_TEXTS = {
  "error.admins_only": "Only Home Assistant administrators can change, reveal or share codes.",
  "error.code_gone": "That code does not exist (any more).",
  "error.lock_gone": "That lock is not in Home Assistant.",
  "error.slot_not_held": "That slot is not waiting for a choice.",
  "error.nothing_to_refill": "No codes on that lock are waiting to be refilled.",
  "error.slot_not_unmanaged": "No unmanaged code is known in that slot.",
  "error.slot_managed": "That slot is managed by Latchkey; delete or edit its code instead.",
  "error.slot_already_managed": "That slot is already managed by Latchkey.",
  "error.pin_unreadable":
    "The lock does not let that code be read, so it cannot be adopted. Clear it, or leave it alone.",
  "error.ha_offline": "Not connected to Home Assistant.",
  "error.share_failed":
    "Home Assistant could not send the code with {service}. Check that the service exists and works.",
  "error.protocol_mismatch":
    "This add-on speaks protocol {protocol}; reload the page to get the matching card.",
  "error.login_refused":
    "Home Assistant did not accept your login for Latchkey. Reload the page and try again.",
  "error.internal": "Something went wrong in the Latchkey add-on; see its log.",
  "error.start_with_hello": "Start with a hello message.",
  "error.wait_for_welcome": "Wait for the add-on's welcome before sending requests.",
  "error.message_too_large": "The message is too large: the add-on takes at most {max} KB at once.",
  "error.rights_unknown":
    "Latchkey cannot ask Home Assistant about your rights right now, so it does not do this. Try again shortly.",
  "error.too_many_codes": "Latchkey holds at most {max} codes; delete one you no longer need first.",
} as const;

/** Why a code is not on a lock yet (a sync chip's tooltip). */
export const SYNC_REASON_TEXTS = {
  "sync_reason.no_free_slot": "The lock has no free slot in Latchkey's range.",
  "sync_reason.lock_unlisted":
    "Latchkey could not yet list the codes on this lock, so it does not pick a slot there; it asks again shortly.",
  "sync_reason.lock_gone": "The lock is not in Home Assistant right now.",
  "sync_reason.lock_offline": "The lock is offline; the change is sent when it is back.",
  "sync_reason.changed_in_ha":
    "This code was changed by someone else in Home Assistant. Keep that version or restore Latchkey's.",
  "sync_reason.removed_in_ha":
    "This code was removed by someone else in Home Assistant. Keep it removed or restore Latchkey's.",
  "sync_reason.removed_at_lock":
    "This code was removed at the lock's keypad. Keep the lock's version or restore Latchkey's.",
  "sync_reason.changed_at_lock":
    "This code was changed at the lock's keypad. Keep the lock's version or restore Latchkey's.",
  "sync_reason.codes_lost":
    "The lock lost its codes (a battery swap or a reset). Refill puts Latchkey's codes back on it.",
  "sync_reason.pin_hidden":
    "Set, but the lock does not show PINs: it took the code and reports the slot in use, so Latchkey cannot confirm which PIN is there.",
  "sync_reason.no_answer":
    "Set, but the lock never reported back after the write, so Latchkey cannot confirm it. It is not sent again.",
  "sync_reason.refused_duplicate":
    "This lock refused the PIN: another slot holds the same PIN. Latchkey does not send it again; choose another PIN, or clear the other slot.",
} as const;

export type ValidationProblem = keyof typeof VALIDATION_TEXTS;
export type ErrorProblem = keyof typeof ERROR_TEXTS;
export type SyncReason = keyof typeof SYNC_REASON_TEXTS;
/** What the add-on reports by key (a form's problems aside); its English message is the English text. */
export type AddonProblem = ErrorProblem | SyncReason;
