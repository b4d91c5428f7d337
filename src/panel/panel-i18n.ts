/** The panel's own texts (the card's are in src/card/i18n/ and stay out of the panel's way). */
import { makeTranslator } from "../i18n/make-translator";

const en = {
  "panel.waiting": "Waiting for Home Assistant…",
  "panel.unsupported":
    "This version of Home Assistant did not give Latchkey the data it needs. Use the Latchkey card on a dashboard instead, and please report this.",
  "panel.standalone":
    "Open Latchkey from Home Assistant's sidebar. This page is the Latchkey add-on's panel and gets your locks and your login from the Home Assistant page around it. Without the Supervisor, add the Latchkey card to a dashboard instead.",
} as const;

const de: Record<keyof typeof en, string> = {
  "panel.waiting": "Warte auf Home Assistant…",
  "panel.unsupported":
    "Diese Home-Assistant-Version hat Latchkey nicht die nötigen Daten gegeben. Nutze stattdessen die Latchkey-Karte in einem Dashboard und melde das bitte.",
  "panel.standalone":
    "Öffne Latchkey über die Seitenleiste von Home Assistant. Diese Seite ist das Panel des Latchkey-Add-ons und bekommt deine Schlösser und deine Anmeldung von der Home-Assistant-Seite drumherum. Ohne Supervisor füge stattdessen die Latchkey-Karte zu einem Dashboard hinzu.",
};

export const panelTranslator = makeTranslator<keyof typeof en>("en", en, { de });
