// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from "vitest";
import "../../../../src/card/latchkey-card";
import type { LatchkeyCard } from "../../../../src/card/latchkey-card";
import { canTextFrom, notifyServices, smsLink } from "../../../../src/card/utils/share-utils";
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

const DESKTOP = { userAgent: "Mozilla/5.0 (X11; Linux x86_64) Chrome/142.0", mobile: false };
const PHONE = { userAgent: "Mozilla/5.0 (Linux; Android 15; Pixel 9) Mobile Chrome/142.0", mobile: true };
const ADA_TEXT = "Hi Ada, your door code is 482913 (Front door, Back door).";

/** A card whose add-on reveals Ada's PIN, with Ada's share form open on a device like `device`. */
async function openShare(device: typeof DESKTOP, respond?: FakeAddon["respond"]) {
  const addon = new FakeAddon();
  addon.respond =
    respond ??
    ((request) => ({
      ok: true,
      result: request.type === "codes/reveal" ? { codeId: "code-ada", pin: "482913" } : {},
    }));
  const card = await mount(addon);
  const toasts: string[] = [];
  card.addEventListener("hass-notification", (event) => {
    toasts.push(event.detail.message);
  });
  const list = shadow(shadow(card).querySelector("latchkey-code-list"));
  list.querySelector<HTMLButtonElement>('li[data-code="code-ada"] button.share')?.click();
  await settle(card);
  const element = list.querySelector("latchkey-share-form");
  if (!element) throw new Error("no share form");
  element.device = device;
  const form = shadow(element);
  const click = async (selector: string) => {
    form.querySelector<HTMLElement>(selector)?.click();
    await settle(card);
  };
  const status = () => form.querySelector("[role=status]")?.textContent ?? null;
  return { card, addon, list, form, toasts, click, status };
}

describe("sharing from a device without a share sheet", () => {
  it("on a desktop shows the message with Copy and stays on the page: no sms: link, a word in every case", async () => {
    const href = window.location.href;
    const { form, click, status, list } = await openShare(DESKTOP);
    await click("button.phone");
    expect(window.location.href).toBe(href);
    expect(list.querySelector("latchkey-share-form")).not.toBeNull();
    expect(form.querySelector<HTMLTextAreaElement>("textarea.message")?.value).toBe(ADA_TEXT);
    expect(form.querySelector("a.sms")).toBeNull();
    expect(status()).toBe("Copy the message and send it to Ada yourself.");
    const copied: string[] = [];
    const writeText = vi.spyOn(navigator.clipboard, "writeText").mockImplementation((text) => {
      copied.push(text);
      return Promise.resolve();
    });
    try {
      await click("button.copy-message");
      expect(copied).toEqual([ADA_TEXT]);
      expect(status()).toBe("Message copied. Paste it into a text or an e-mail.");
      writeText.mockRejectedValueOnce(new Error("NotAllowedError"));
      await click("button.copy-message");
      expect(status()).toBe(
        "This browser did not allow copying (it needs https); select the message instead.",
      );
    } finally {
      writeText.mockRestore();
    }
  });

  it("on a phone also offers the messages app through an sms: link with the message", async () => {
    const { form, click, status } = await openShare(PHONE);
    await click("button.phone");
    expect(form.querySelector("a.sms")?.getAttribute("href")).toBe(smsLink(ADA_TEXT));
    expect(status()).toBe("Copy the message, or open it in your messages app.");
  });

  it("keeps the message to send by hand when the share sheet is closed unshared, and says so", async () => {
    const outcomes = [new DOMException("Share canceled", "AbortError")];
    Object.defineProperty(navigator, "share", {
      configurable: true,
      value: () => Promise.reject(outcomes.shift() ?? new Error("no more")),
    });
    try {
      const { form, click, status, toasts } = await openShare(DESKTOP);
      await click("button.phone");
      expect(status()).toBe("Not shared. You can copy the message instead.");
      expect(form.querySelector<HTMLTextAreaElement>("textarea.message")?.value).toBe(ADA_TEXT);
      expect(toasts).toEqual([]);
    } finally {
      Reflect.deleteProperty(navigator, "share");
    }
  });

  it("says when a share went through and when the notify service failed, in the form", async () => {
    Object.defineProperty(navigator, "share", { configurable: true, value: () => Promise.resolve() });
    try {
      const shared = await openShare(DESKTOP);
      await shared.click("button.phone");
      expect(shared.toasts).toEqual(["“Ada” shared."]);
      expect(shared.list.querySelector("latchkey-share-form")).toBeNull();
    } finally {
      Reflect.deleteProperty(navigator, "share");
    }
    document.body.innerHTML = "";
    const failing = await openShare(DESKTOP, (request) =>
      request.type === "codes/share"
        ? { ok: false, error: { code: "unavailable", message: "notify.sms_gateway did not answer" } }
        : { ok: true, result: {} },
    );
    await failing.click("button.send");
    expect(failing.status()).toBe("notify.sms_gateway did not answer");
    expect(failing.toasts).toEqual(["notify.sms_gateway did not answer"]);
  });
});

describe("share helpers", () => {
  it("texts from phones and tablets only", () => {
    expect(canTextFrom(DESKTOP)).toBe(false);
    expect(canTextFrom(PHONE)).toBe(true);
    expect(canTextFrom({ userAgent: "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X)" })).toBe(true);
    expect(canTextFrom({ userAgent: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Firefox/140.0" })).toBe(false);
  });

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
