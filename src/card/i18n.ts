/** The card's texts in English and German. Pure: no DOM, no Lit. */

const en = {
  title: "Locks",
  "state.locked": "Locked",
  "state.unlocked": "Unlocked",
  "state.jammed": "Jammed",
  "state.unavailable": "Unavailable",
  "state.unknown": "Unknown",
  "state.locking": "Locking…",
  "state.unlocking": "Unlocking…",
  "state.open": "Open",
  "state.opening": "Opening…",
  "lock.lock": "Lock",
  "lock.unlock": "Unlock",
  "lock.battery": "Battery {value} %",
  "lock.confirm_unlock": "Unlock {name}?",
  "lock.no_locks": "No locks found.",
  "lock.lock_all": "Lock all",
  "lock.all_locked": "All {count} locks locked.",
  "lock.some_failed": "{failed} of {count} locks did not lock: {names}.",
  "lock.failed_one": "{name} did not lock: {reason}",
  "common.cancel": "Cancel",
  "common.save": "Save",
  "common.delete": "Delete",
  "common.close": "Close",
  "addon.set_url": "Set addon_url in the card configuration to the Latchkey add-on's websocket URL (for example ws://homeassistant.local:8099/api/ws) to manage codes here.",
  "addon.connecting": "Connecting to the Latchkey add-on…",
  "addon.unreachable": "The Latchkey add-on is not reachable at {url}. Check that it is running; the card keeps trying.",
  "addon.refused": "The Latchkey add-on refused the connection: {message}",
  "addon.offline": "The add-on has lost its connection to Home Assistant; changes wait until it is back.",
  "codes.title": "Codes",
  "codes.none": "No codes yet.",
  "codes.add": "Add code",
  "codes.edit": "Edit",
  "codes.enable": "Enable",
  "codes.disable": "Disable",
  "codes.disabled": "Disabled",
  "codes.reveal": "Show PIN",
  "codes.confirm_delete": "Delete “{name}” from all its locks?",
  "codes.deleted": "“{name}” deleted.",
  "codes.saved": "“{name}” saved.",
  "sync.pending": "pending",
  "sync.syncing": "syncing",
  "sync.synced": "synced",
  "sync.unverified": "unverified",
  "sync.failed": "failed",
  "sync.waiting": "waiting",
  "editor.new": "New code",
  "editor.edit": "Edit code",
  "editor.name": "Name",
  "editor.pin": "PIN",
  "editor.pin_keep": "Leave empty to keep the current PIN",
  "editor.generate": "Generate",
  "editor.locks": "Locks",
  "editor.all": "All",
  "editor.none": "None",
  "editor.enabled": "Enabled",
} as const;

export type TranslationKey = keyof typeof en;

const de: Record<TranslationKey, string> = {
  title: "Schlösser",
  "state.locked": "Verriegelt",
  "state.unlocked": "Entriegelt",
  "state.jammed": "Blockiert",
  "state.unavailable": "Nicht verfügbar",
  "state.unknown": "Unbekannt",
  "state.locking": "Wird verriegelt…",
  "state.unlocking": "Wird entriegelt…",
  "state.open": "Offen",
  "state.opening": "Öffnet…",
  "lock.lock": "Verriegeln",
  "lock.unlock": "Entriegeln",
  "lock.battery": "Batterie {value} %",
  "lock.confirm_unlock": "{name} entriegeln?",
  "lock.no_locks": "Keine Schlösser gefunden.",
  "lock.lock_all": "Alle verriegeln",
  "lock.all_locked": "Alle {count} Schlösser verriegelt.",
  "lock.some_failed": "{failed} von {count} Schlössern nicht verriegelt: {names}.",
  "lock.failed_one": "{name} nicht verriegelt: {reason}",
  "common.cancel": "Abbrechen",
  "common.save": "Speichern",
  "common.delete": "Löschen",
  "common.close": "Schließen",
  "addon.set_url": "Trage in der Kartenkonfiguration unter addon_url die Websocket-URL des Latchkey-Add-ons ein (zum Beispiel ws://homeassistant.local:8099/api/ws), um hier Codes zu verwalten.",
  "addon.connecting": "Verbinde mit dem Latchkey-Add-on…",
  "addon.unreachable": "Das Latchkey-Add-on ist unter {url} nicht erreichbar. Prüfe, ob es läuft; die Karte versucht es weiter.",
  "addon.refused": "Das Latchkey-Add-on hat die Verbindung abgelehnt: {message}",
  "addon.offline": "Das Add-on hat keine Verbindung zu Home Assistant; Änderungen warten, bis sie wieder besteht.",
  "codes.title": "Codes",
  "codes.none": "Noch keine Codes.",
  "codes.add": "Code hinzufügen",
  "codes.edit": "Bearbeiten",
  "codes.enable": "Aktivieren",
  "codes.disable": "Deaktivieren",
  "codes.disabled": "Deaktiviert",
  "codes.reveal": "PIN zeigen",
  "codes.confirm_delete": "„{name}“ von allen Schlössern löschen?",
  "codes.deleted": "„{name}“ gelöscht.",
  "codes.saved": "„{name}“ gespeichert.",
  "sync.pending": "ausstehend",
  "sync.syncing": "wird übertragen",
  "sync.synced": "übertragen",
  "sync.unverified": "unbestätigt",
  "sync.failed": "fehlgeschlagen",
  "sync.waiting": "wartet",
  "editor.new": "Neuer Code",
  "editor.edit": "Code bearbeiten",
  "editor.name": "Name",
  "editor.pin": "PIN",
  "editor.pin_keep": "Leer lassen, um die bisherige PIN zu behalten",
  "editor.generate": "Erzeugen",
  "editor.locks": "Schlösser",
  "editor.all": "Alle",
  "editor.none": "Keine",
  "editor.enabled": "Aktiv",
};

const dictionaries: Record<string, Record<TranslationKey, string>> = { en, de };

export type Translate = (key: TranslationKey, vars?: Record<string, string | number>) => string;

/** Picks the dictionary for a language tag such as "de-AT"; English when we have none. */
export function translator(language: string | undefined): Translate {
  const base = (language ?? "en").toLowerCase().split("-")[0] ?? "en";
  const dict = dictionaries[base] ?? en;
  return (key, vars) => {
    const text = dict[key];
    if (!vars) return text;
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
  };
}

export function languageOf(hass: { locale?: { language?: string }; language?: string } | undefined): string {
  return hass?.locale?.language ?? hass?.language ?? "en";
}
