// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import "../../../../src/card/latchkey-card";
import type { LatchkeyCard } from "../../../../src/card/latchkey-card";
import { notifyServices, smsLink } from "../../../../src/card/utils/share-utils";
import { FakeAddon, snapshotFixture } from "../fake-addon";
import { fakeHass } from "../fake-hass";
import { settle, shadow } from "../mount";

async function mount(addon: FakeAddon, language = "en"): Promise<LatchkeyCard> {
  const card = document.createElement("latchkey-card");
  card.setConfig({ type: "custom:latchkey-card", addon_url: "ws://127.0.0.1:8099/api/ws" });
  card.socketFactory = addon.factory;
  card.hass = fakeHass({ language });
  document.body.append(card);
  await settle(card);
  return card;
}

afterEach(() => {
  document.body.innerHTML = "";
});

describe("sharing a code from the card", () => {
  it("offers the home's notify services and sends the chosen one with the recipients", async () => {
    const addon = new FakeAddon();
    addon.respond = (request) => ({
      ok: true,
      result: request.type === "codes/share" ? { codeId: request.codeId, service: request.service } : {},
    });
    const card = await mount(addon);
    const list = shadow(shadow(card).querySelector("latchkey-code-list"));
    list.querySelector<HTMLButtonElement>('li[data-code="code-ada"] button.share')?.click();
    await settle(card);
    const form = shadow(list.querySelector("latchkey-share-form"));
    const options = [...form.querySelectorAll("option")].map((o) => o.value);
    expect(options).toEqual(["notify.mobile_app_pixel", "notify.sms_gateway"]);
    const select = form.querySelector("select");
    const input = form.querySelector<HTMLInputElement>("input[name=recipients]");
    if (!select || !input) throw new Error("form incomplete");
    select.value = "notify.sms_gateway";
    input.value = "+15550100, +15550101";
    form.querySelector<HTMLButtonElement>("button.send")?.click();
    await settle(card);
    expect(addon.requests("codes/share")).toEqual([
      {
        type: "codes/share",
        id: 2,
        codeId: "code-ada",
        service: "notify.sms_gateway",
        recipients: ["+15550100", "+15550101"],
        note: "",
      },
    ]);
    await settle(card);
    expect(list.querySelector("latchkey-share-form")).toBeNull();
  });

  it("hands the phone's share sheet the code in the admin's language, after revealing it through the add-on", async () => {
    const shared: string[] = [];
    Object.defineProperty(navigator, "share", {
      configurable: true,
      value: (data: { text: string }) => {
        shared.push(data.text);
        return Promise.resolve();
      },
    });
    try {
      for (const [language, expected] of [
        ["en", "Hi Ada, your door code is 482913 (Front door, Back door)."],
        ["de", "Hallo Ada, dein Türcode ist 482913 (Front door, Back door)."],
      ] as const) {
        const addon = new FakeAddon();
        addon.respond = (request) => ({
          ok: true,
          result: request.type === "codes/reveal" ? { codeId: "code-ada", pin: "482913" } : {},
        });
        const card = await mount(addon, language);
        const list = shadow(shadow(card).querySelector("latchkey-code-list"));
        list.querySelector<HTMLButtonElement>('li[data-code="code-ada"] button.share')?.click();
        await settle(card);
        shadow(list.querySelector("latchkey-share-form"))
          .querySelector<HTMLButtonElement>("button.phone")
          ?.click();
        await settle(card);
        expect(addon.requests("codes/reveal")).toHaveLength(1);
        expect(shared.at(-1)).toBe(expected);
        document.body.innerHTML = "";
      }
    } finally {
      Reflect.deleteProperty(navigator, "share");
    }
  });

  it("non-admins get no share button", async () => {
    const card = await mount(new FakeAddon(snapshotFixture(false)));
    const list = shadow(shadow(card).querySelector("latchkey-code-list"));
    expect(list.querySelector("button.share")).toBeNull();
  });
});

describe("share helpers", () => {
  it("builds an sms: link that survives any character", () => {
    const text = "Hi Dog walker & co, your door code is 4821 (Back Door, Gate). #1?";
    expect(smsLink(text)).toBe(`sms:?&body=${encodeURIComponent(text)}`);
  });

  it("lists notify services, not the persistent notification", () => {
    expect(notifyServices({ notify: { persistent_notification: {}, b: {}, a: {} } })).toEqual([
      "notify.a",
      "notify.b",
    ]);
    expect(notifyServices(undefined)).toEqual([]);
  });
});
