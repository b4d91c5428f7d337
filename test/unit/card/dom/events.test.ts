// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import { fireEvent } from "../../../../src/card/dom/events";

afterEach(() => {
  document.body.innerHTML = "";
});

/** An element inside a shadow root inside the page: where the card's elements fire from. */
function nested(): { page: HTMLElement; host: HTMLElement; inner: HTMLElement } {
  const page = document.createElement("div");
  const host = document.createElement("div");
  const inner = document.createElement("span");
  host.attachShadow({ mode: "open" }).append(inner);
  page.append(host);
  document.body.append(page);
  return { page, host, inner };
}

describe("the card's events", () => {
  it("a toast crosses shadow roots to Home Assistant's page, with its message", () => {
    const { page, inner } = nested();
    const heard: string[] = [];
    page.addEventListener("hass-notification", (event) => heard.push(event.detail.message));
    fireEvent(inner, "hass-notification", { message: "Saved" });
    expect(heard).toEqual(["Saved"]);
  });

  it("an event meant for the parent's template is heard on the element only", () => {
    const { page, inner } = nested();
    const heard: string[] = [];
    page.addEventListener("focus-lost", () => heard.push("page"));
    inner.addEventListener("focus-lost", () => heard.push("element"));
    fireEvent(inner, "focus-lost");
    expect(heard).toEqual(["element"]);
  });
});
