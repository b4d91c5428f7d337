/**
 * What the add-on says to the household — notifications and the text of a shared code — in
 * the language Home Assistant is set to (Settings → System → General). Its log stays English.
 */
import { makeTranslator, type Translator } from "../../../src/i18n/make-translator";

const en = {
  "who.someone": "Someone",
  "who.unknown_slot": "An unknown code (slot {slot})",
  "who.a_code": "a code",
  slot: " (slot {slot})",
  "activity.keypad_unlock": "{who} unlocked {lock} with the keypad.",
  "activity.keypad_lock": "{who} locked {lock} with the keypad.",
  "activity.manual_unlock": "{lock} was unlocked by hand.",
  "activity.manual_lock": "{lock} was locked by hand.",
  "activity.rf_unlock": "{lock} was unlocked from an app or remote.",
  "activity.rf_lock": "{lock} was locked from an app or remote.",
  "activity.auto_lock": "{lock} locked itself.",
  "activity.user_unlock": "{who} unlocked {lock} in Home Assistant.",
  "activity.user_lock": "{who} locked {lock} in Home Assistant.",
  "activity.unlocked": "{lock} was unlocked.",
  "activity.locked": "{lock} was locked.",
  "activity.jammed": "{lock} is jammed.",
  "activity.keypad_disabled": "{lock} disabled its keypad after too many wrong codes.",
  "activity.wrong_code": "A wrong code was entered at {lock}{slot}.",
  "activity.code_added_at_lock": "A code was added at the {lock} keypad{slot}.",
  "activity.code_deleted_at_lock": "A code was removed at the {lock} keypad{slot}.",
  "activity.all_codes_deleted_at_lock": "All codes were removed at the {lock} keypad.",
  "activity.codes_lost_at_lock": "{lock} lost Latchkey's codes (a battery swap or a reset?).",
  "activity.code_changed_in_ha": "{who} changed a code on {lock} in Home Assistant{slot}.",
  "activity.code_removed_in_ha": "{who} removed a code from {lock} in Home Assistant{slot}.",
  "activity.duplicate_code_rejected": "{lock} rejected a code because it already has it.",
  "activity.code_created": "{who} was added to {lock}.",
  "activity.code_updated": "{who} was changed.",
  "activity.code_deleted": "{who} was deleted.",
  "activity.code_enabled": "{who} was enabled.",
  "activity.code_disabled": "{who} was disabled.",
  "activity.code_revealed": "{who} was revealed.",
  "activity.code_shared": "{who} was shared.",
  "activity.code_expired": "{who} expired.",
  "activity.code_used_up": "{who} had all its uses.",
  "activity.sync_failed": "{who} could not be written to {lock}.",
  "notify.burner":
    "{sentence} It was the burner code, so it has been taken off the locks; enable it again to re-arm it.",
  "notify.held":
    "{sentence} That slot belongs to {names}: open Latchkey to keep the lock's code or restore {names}'s.",
  "notify.sync_failed_set":
    "Latchkey could not put {code} on {lock} after {attempts} tries ({reason}). It keeps trying.",
  "notify.sync_failed_clear":
    "Latchkey could not take {code} off {lock} after {attempts} tries ({reason}). It keeps trying.",
  "notify.lock_it": "Lock it",
  "notify.codes_lost":
    "{lock} has lost {count} of Latchkey's codes ({names}) — a battery swap or a reset? Open Latchkey and tap Refill to put them back.",
  "notify.codes_refilled":
    "{lock} had lost {count} of Latchkey's codes ({names}) — a battery swap or a reset? Latchkey is putting them back.",
  "notify.wrong_code": "A wrong code was entered at {lock} at {time}.",
  "notify.keypad_disabled": "{lock} turned its keypad off at {time} after too many wrong codes.",
  "alert.code_created": "{user} added {code}'s code to {locks}.",
  "alert.code_updated": "{user} changed {code}'s code ({changes}). Its doors: {locks}.",
  "alert.code_deleted": "{user} deleted {code}'s code: it comes off {locks}.",
  "alert.code_enabled": "{user} enabled {code}'s code on {locks}.",
  "alert.code_disabled": "{user} disabled {code}'s code: it comes off {locks}.",
  "alert.code_expired": "{code}'s code expired: Latchkey takes it off {locks}.",
  "alert.code_used_up": "{code}'s code has had all its uses: Latchkey takes it off {locks}.",
  "alert.no_doors": "no door yet",
  "change.pin": "a new PIN",
  "change.name": "its name, was {name}",
  "change.doors": "its doors",
  "change.rules": "its access rules",
  "share.title": "Your door code",
  "share.greeting": "Hi {name},",
  "share.code": "your door code is {pin} ({doors}).",
  "share.no_doors": "no doors yet",
  "share.valid_from": "Valid from {date}.",
  "share.valid_until": "Valid until {date}.",
  "share.uses_one": "It works once.",
  "share.uses": "It works {n} times.",
} as const;

export type MessageKey = keyof typeof en;

const de: Record<MessageKey, string> = {
  "who.someone": "Jemand",
  "who.unknown_slot": "Ein unbekannter Code (Platz {slot})",
  "who.a_code": "einen Code",
  slot: " (Platz {slot})",
  "activity.keypad_unlock": "{who} hat {lock} mit dem Tastenfeld entriegelt.",
  "activity.keypad_lock": "{who} hat {lock} mit dem Tastenfeld verriegelt.",
  "activity.manual_unlock": "{lock} wurde von Hand entriegelt.",
  "activity.manual_lock": "{lock} wurde von Hand verriegelt.",
  "activity.rf_unlock": "{lock} wurde per App oder Fernbedienung entriegelt.",
  "activity.rf_lock": "{lock} wurde per App oder Fernbedienung verriegelt.",
  "activity.auto_lock": "{lock} hat sich selbst verriegelt.",
  "activity.user_unlock": "{who} hat {lock} in Home Assistant entriegelt.",
  "activity.user_lock": "{who} hat {lock} in Home Assistant verriegelt.",
  "activity.unlocked": "{lock} wurde entriegelt.",
  "activity.locked": "{lock} wurde verriegelt.",
  "activity.jammed": "{lock} ist blockiert.",
  "activity.keypad_disabled": "{lock} hat sein Tastenfeld nach zu vielen falschen Codes gesperrt.",
  "activity.wrong_code": "An {lock} wurde ein falscher Code eingegeben{slot}.",
  "activity.code_added_at_lock": "Am Tastenfeld von {lock} wurde ein Code hinzugefügt{slot}.",
  "activity.code_deleted_at_lock": "Am Tastenfeld von {lock} wurde ein Code gelöscht{slot}.",
  "activity.all_codes_deleted_at_lock": "Am Tastenfeld von {lock} wurden alle Codes gelöscht.",
  "activity.codes_lost_at_lock":
    "{lock} hat die Codes von Latchkey verloren (Batteriewechsel oder Zurücksetzen?).",
  "activity.code_changed_in_ha": "{who} hat in Home Assistant einen Code an {lock} geändert{slot}.",
  "activity.code_removed_in_ha": "{who} hat in Home Assistant einen Code von {lock} entfernt{slot}.",
  "activity.duplicate_code_rejected": "{lock} hat einen Code abgelehnt, den es schon hat.",
  "activity.code_created": "{who} wurde zu {lock} hinzugefügt.",
  "activity.code_updated": "{who} wurde geändert.",
  "activity.code_deleted": "{who} wurde gelöscht.",
  "activity.code_enabled": "{who} wurde aktiviert.",
  "activity.code_disabled": "{who} wurde deaktiviert.",
  "activity.code_revealed": "{who} wurde angezeigt.",
  "activity.code_shared": "{who} wurde geteilt.",
  "activity.code_expired": "{who} ist abgelaufen.",
  "activity.code_used_up": "{who} ist aufgebraucht.",
  "activity.sync_failed": "{who} konnte nicht auf {lock} geschrieben werden.",
  "notify.burner":
    "{sentence} Es war der Einmalcode, darum wurde er von den Schlössern genommen; aktiviere ihn wieder, wenn er noch einmal gelten soll.",
  "notify.held":
    "{sentence} Dieser Platz gehört zu {names}: Öffne Latchkey, um den Code des Schlosses zu behalten oder den von {names} wiederherzustellen.",
  "notify.sync_failed_set":
    "Latchkey konnte {code} nach {attempts} Versuchen nicht auf {lock} schreiben ({reason}). Es versucht es weiter.",
  "notify.sync_failed_clear":
    "Latchkey konnte {code} nach {attempts} Versuchen nicht von {lock} entfernen ({reason}). Es versucht es weiter.",
  "notify.lock_it": "Abschließen",
  "notify.codes_lost":
    "{lock} hat {count} Codes von Latchkey verloren ({names}) – Batteriewechsel oder Zurücksetzen? Öffne Latchkey und tippe auf „Neu schreiben“, um sie wieder aufzuspielen.",
  "notify.codes_refilled":
    "{lock} hatte {count} Codes von Latchkey verloren ({names}) – Batteriewechsel oder Zurücksetzen? Latchkey spielt sie wieder auf.",
  "notify.wrong_code": "An {lock} wurde um {time} ein falscher Code eingegeben.",
  "notify.keypad_disabled": "{lock} hat um {time} sein Tastenfeld nach zu vielen falschen Codes gesperrt.",
  "alert.code_created": "{user} hat den Code von {code} zu {locks} hinzugefügt.",
  "alert.code_updated": "{user} hat den Code von {code} geändert ({changes}). Seine Türen: {locks}.",
  "alert.code_deleted": "{user} hat den Code von {code} gelöscht: er wird von {locks} entfernt.",
  "alert.code_enabled": "{user} hat den Code von {code} auf {locks} aktiviert.",
  "alert.code_disabled": "{user} hat den Code von {code} deaktiviert: er wird von {locks} entfernt.",
  "alert.code_expired": "Der Code von {code} ist abgelaufen: Latchkey entfernt ihn von {locks}.",
  "alert.code_used_up": "Der Code von {code} ist aufgebraucht: Latchkey entfernt ihn von {locks}.",
  "alert.no_doors": "noch keiner Tür",
  "change.pin": "eine neue PIN",
  "change.name": "sein Name, war {name}",
  "change.doors": "seine Türen",
  "change.rules": "seine Zugangsregeln",
  "share.title": "Dein Türcode",
  "share.greeting": "Hallo {name},",
  "share.code": "dein Türcode ist {pin} ({doors}).",
  "share.no_doors": "noch keine Türen",
  "share.valid_from": "Gültig ab {date}.",
  "share.valid_until": "Gültig bis {date}.",
  "share.uses_one": "Er funktioniert einmal.",
  "share.uses": "Er funktioniert {n}-mal.",
};

/** The add-on's `t` for a language tag such as HA's "de" or "en-GB"; English for any other. */
export const messages = makeTranslator<MessageKey>("en", en, { de });

export type Messages = Translator<MessageKey>;

/** The log's language, whatever the household reads. */
export const logMessages: Messages = messages("en");
