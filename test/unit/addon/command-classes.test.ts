import { describe, expect, it } from "vitest";
import { codeCommandClasses, isCredentialOnly } from "../../../addon/src/zwave/command-classes";

const cc = (id: number) => ({ id, name: `CC ${id}`, version: 1, isSecure: true, is_secure: true });

describe("node_capabilities → which command classes hold a lock's codes", () => {
  it.each([
    [
      "User Credential only",
      { "0": [cc(98), cc(131), cc(113)] },
      { userCode: false, userCredential: true },
      true,
    ],
    ["User Code only", { "0": [cc(98), cc(99)] }, { userCode: true, userCredential: false }, false],
    [
      "both (stays on User Code)",
      { "0": [cc(98), cc(99), cc(131)] },
      { userCode: true, userCredential: true },
      false,
    ],
    [
      "User Credential on another endpoint",
      { "0": [cc(98)], "1": [cc(131)] },
      { userCode: false, userCredential: true },
      true,
    ],
  ])("%s", (_name, capabilities, classes, credentialOnly) => {
    expect(codeCommandClasses(capabilities)).toEqual(classes);
    expect(isCredentialOnly(codeCommandClasses(capabilities))).toBe(credentialOnly);
  });

  it("an unreadable answer says nothing, and keeps the lock on the User Code path", () => {
    expect(codeCommandClasses({ "0": "nope" })).toBeNull();
    expect(codeCommandClasses(null)).toBeNull();
    expect(isCredentialOnly(null)).toBe(false);
  });
});
