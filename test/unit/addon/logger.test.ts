import { describe, expect, it } from "vitest";
import { createLogger, redact } from "../../../addon/src/log/logger";

describe("logger redaction", () => {
  it("masks every known PIN and token anywhere in a line", () => {
    const lines: string[] = [];
    const log = createLogger({
      level: "info",
      secrets: () => ["4821", "58392011", "tok_abcdefghijklmnop"],
      write: (l) => lines.push(l),
      now: () => new Date("2026-01-01T00:00:00Z"),
    });
    log.info("set 4821 then 58392011", { nested: { note: "pin was 4821" } });
    log.warn("token tok_abcdefghijklmnop rejected");
    expect(lines.join("\n")).not.toMatch(/4821|58392011|tok_abc/);
    expect(lines[0]).toContain("set **** then ****");
  });

  it("masks values of secret-named keys even when the secret is not known yet", () => {
    const lines: string[] = [];
    const log = createLogger({ level: "info", secrets: () => [], write: (l) => lines.push(l) });
    log.info("service call", { usercode: "9137", code_slot: 3, access_token: "abc", pin: "2468" });
    expect(lines[0]).toContain('"usercode":"****"');
    expect(lines[0]).toContain('"code_slot":3');
    expect(lines[0]).not.toMatch(/9137|2468|"abc"/);
  });

  it("keeps an error's code word (HA's \"unknown_command\"), and masks a code that could be a PIN", () => {
    const lines: string[] = [];
    const log = createLogger({ level: "info", secrets: () => [], write: (l) => lines.push(l) });
    log.warn("Could not follow Front Door's node status.", {
      code: "unknown_command",
      message: "Unknown command.",
    });
    log.info("lock service", { code: "7350" });
    log.info("lock service", { code: "A7b2" });
    expect(lines[0]).toContain('"code":"unknown_command"');
    expect(lines.slice(1).join("\n")).not.toMatch(/7350|A7b2/);
  });

  it("masks the longer PIN whole when one PIN contains another", () => {
    expect(redact("a 12345678 b", ["1234", "12345678"])).toBe("a **** b");
  });

  it("drops lines below the level", () => {
    const lines: string[] = [];
    createLogger({ level: "warn", secrets: () => [], write: (l) => lines.push(l) }).info("quiet");
    expect(lines).toEqual([]);
  });
});
