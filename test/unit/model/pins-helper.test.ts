import { describe, expect, it } from "vitest";
import { pinsShown, showsPin } from "../../integration/support/pins";

describe("the tests' PIN finder", () => {
  it.each([
    ['{"pin":"4821"}', true],
    ["set 4821 then", true],
    ["Mom (4821).", true],
    ["739110a310674aa1", false],
    ["01M8ETNNPD1QXC4821ZA55E", false],
    ["148210", false],
  ])("%s → %s", (text, expected) => {
    expect(showsPin(text, "4821")).toBe(expected);
  });

  it("lists which PINs a text shows", () => {
    expect(pinsShown('a "4821" b 59301', ["4821", "5930"])).toEqual(["4821"]);
  });
});
