/**
 * What the add-on reports by key — why a request failed, why a code is not on a lock yet — in
 * the language a card named in its hello, so a German card reads German without carrying these
 * texts itself, and a problem added in a newer add-on reads right in an older card. English
 * (the model's texts) for any other language. A form's problems are the card's own texts: it
 * finds them before sending.
 */
import { makeTranslator, type Translator } from "../../../src/i18n/make-translator";
import { ERROR_TEXTS, SYNC_REASON_TEXTS, type AddonProblem } from "../../../src/model/problem-texts";

const languages: Readonly<Record<string, Record<AddonProblem, string>>> = {
  de: {
    "error.admins_only": "Nur Administratoren von Home Assistant können Codes ändern, anzeigen oder teilen.",
    "error.code_gone": "Diesen Code gibt es nicht (mehr).",
    "error.lock_gone": "Dieses Schloss ist nicht in Home Assistant.",
    "error.slot_not_held": "Dieser Platz wartet auf keine Entscheidung.",
    "error.nothing_to_refill": "Auf diesem Schloss wartet kein Code darauf, neu geschrieben zu werden.",
    "error.slot_not_unmanaged": "Auf diesem Platz ist kein fremder Code bekannt.",
    "error.slot_managed": "Diesen Platz verwaltet Latchkey; lösche oder bearbeite stattdessen seinen Code.",
    "error.slot_already_managed": "Diesen Platz verwaltet Latchkey schon.",
    "error.pin_unreadable":
      "Das Schloss lässt diesen Code nicht auslesen, darum kann er nicht übernommen werden. Leere ihn oder lass ihn, wie er ist.",
    "error.ha_offline": "Keine Verbindung zu Home Assistant.",
    "error.share_failed":
      "Home Assistant konnte den Code nicht mit {service} senden. Prüfe, ob es den Dienst gibt und er funktioniert.",
    "error.protocol_mismatch":
      "Dieses Add-on spricht Protokoll {protocol}; lade die Seite neu, um die passende Karte zu bekommen.",
    "error.login_refused":
      "Home Assistant hat deine Anmeldung für Latchkey nicht angenommen. Lade die Seite neu und versuche es noch einmal.",
    "error.internal": "Im Latchkey-Add-on ist etwas schiefgegangen; sieh in sein Protokoll.",
    "error.start_with_hello": "Beginne mit einer Hallo-Nachricht.",
    "error.wait_for_welcome": "Warte auf die Begrüßung des Add-ons, bevor du Anfragen sendest.",
    "error.message_too_large":
      "Die Nachricht ist zu groß: Das Add-on nimmt höchstens {max} KB auf einmal an.",
    "error.rights_unknown":
      "Latchkey kann Home Assistant gerade nicht nach deinen Rechten fragen und tut das darum nicht. Versuche es gleich noch einmal.",
    "error.too_many_codes":
      "Latchkey verwaltet höchstens {max} Codes; lösche zuerst einen, den du nicht mehr brauchst.",
    "sync_reason.no_free_slot": "Das Schloss hat in Latchkeys Bereich keinen freien Platz.",
    "sync_reason.lock_unlisted":
      "Latchkey konnte die Codes auf diesem Schloss noch nicht auslesen und wählt dort darum keinen Platz; es fragt gleich noch einmal.",
    "sync_reason.lock_gone": "Das Schloss ist gerade nicht in Home Assistant.",
    "sync_reason.lock_offline":
      "Das Schloss ist offline; die Änderung wird gesendet, sobald es wieder da ist.",
    "sync_reason.changed_in_ha":
      "Dieser Code wurde von jemand anderem in Home Assistant geändert. Behalte diese Version oder stelle die von Latchkey wieder her.",
    "sync_reason.removed_in_ha":
      "Dieser Code wurde von jemand anderem in Home Assistant entfernt. Lass ihn entfernt oder stelle den von Latchkey wieder her.",
    "sync_reason.removed_at_lock":
      "Dieser Code wurde am Tastenfeld des Schlosses gelöscht. Behalte die Version des Schlosses oder stelle die von Latchkey wieder her.",
    "sync_reason.changed_at_lock":
      "Dieser Code wurde am Tastenfeld des Schlosses geändert. Behalte die Version des Schlosses oder stelle die von Latchkey wieder her.",
    "sync_reason.codes_lost":
      "Das Schloss hat seine Codes verloren (Batteriewechsel oder Zurücksetzen). „Neu schreiben“ bringt Latchkeys Codes wieder darauf.",
    "sync_reason.pin_hidden":
      "Gesetzt, aber das Schloss zeigt keine PINs: Es hat den Code übernommen und meldet den Platz belegt, darum kann Latchkey nicht bestätigen, welche PIN dort ist.",
    "sync_reason.no_answer":
      "Gesetzt, aber das Schloss hat sich nach dem Schreiben nie gemeldet, darum kann Latchkey es nicht bestätigen. Es wird nicht erneut gesendet.",
    "sync_reason.refused_duplicate":
      "Dieses Schloss hat die PIN abgelehnt: Ein anderer Platz hat dieselbe PIN. Latchkey sendet sie nicht erneut; wähle eine andere PIN oder lösche den anderen Platz.",
  },
};

const translators = makeTranslator<AddonProblem>("en", { ...ERROR_TEXTS, ...SYNC_REASON_TEXTS }, languages);

/**
 * The translator for a card's language tag ("de-AT" reads German); English for any other or
 * none. Only the base language is kept: a hello comes before the login, and a translator
 * remembered for every tag a client makes up would let anyone grow the add-on's memory.
 */
export function problemTexts(language: string | undefined): Translator<AddonProblem> {
  const base = language?.toLowerCase().split("-")[0];
  return translators(base !== undefined && Object.hasOwn(languages, base) ? base : "en");
}
