import { describe, expect, it } from "vitest";
import { problemTexts } from "../../../addon/src/i18n/problems";

describe("what the add-on reports, in a card's language", () => {
  it("reads German for any German tag and English for the rest, with the values filled in", () => {
    expect(problemTexts("de-AT").lookup("error.share_failed", { service: "notify.sms" })).toBe(
      "Home Assistant konnte den Code nicht mit notify.sms senden. Prüfe, ob es den Dienst gibt und er funktioniert.",
    );
    expect(problemTexts("fr").lookup("error.code_gone")).toBe("That code does not exist (any more).");
    expect(problemTexts(undefined).lookup("sync_reason.lock_offline")).toBe(
      "The lock is offline; the change is sent when it is back.",
    );
    expect(problemTexts("de").lookup("validation.name_missing")).toBeUndefined(); // the card words a form's problems
  });

  it("keeps one translator per language it has, whatever tags clients send", () => {
    const made = new Set(Array.from({ length: 1000 }, (_, i) => problemTexts(`x-${String(i)}`)));
    made.add(problemTexts("en")).add(problemTexts("EN-gb"));
    expect(made.size).toBe(1);
    expect(problemTexts("DE")).toBe(problemTexts("de-CH"));
  });
});
