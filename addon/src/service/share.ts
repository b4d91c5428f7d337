import { LatchkeyError } from "../../../src/model/errors";
import type { Code } from "../../../src/model/code";
import type { Messages } from "../i18n/messages";

export interface ShareDetails {
  code: Pick<Code, "name" | "pin" | "rules">;
  lockNames: string[];
  /** HA's time zone: validity is told in the home's local time. */
  timeZone: string;
  /** HA's language: the visitor reads the household's language. */
  t: Messages;
}

/** Calls a notify service (`notify.<name>` or `<name>`) with this data; the data holds a PIN. */
export type NotifyFn = (service: string, data: Record<string, unknown>) => Promise<void>;

/** What a share tells: the code, its doors by name, and how the household reads dates. */
export function shareDetails(
  code: Code,
  lockName: (lockId: string) => string,
  timeZone: string,
  t: Messages,
): ShareDetails {
  return { code, lockNames: code.lockIds.map(lockName), timeZone, t };
}

/**
 * The text an admin sends on purpose to give someone their code: the one place a PIN leaves
 * Latchkey besides the locks. It is built here and handed to the notify service only.
 */
export function shareMessage(details: ShareDetails, note: string): string {
  const { code, lockNames, t } = details;
  const doors = lockNames.length === 0 ? t("share.no_doors") : lockNames.join(", ");
  const parts = [
    note.trim() || t("share.greeting", { name: code.name }),
    t("share.code", { pin: code.pin, doors }),
  ];
  const { validFrom, validUntil, maxUses } = code.rules;
  if (validFrom) parts.push(t("share.valid_from", { date: formatDay(validFrom, details) }));
  if (validUntil) parts.push(t("share.valid_until", { date: formatDay(validUntil, details) }));
  if (maxUses !== undefined)
    parts.push(maxUses === 1 ? t("share.uses_one") : t("share.uses", { n: maxUses }));
  return parts.join(" ");
}

/** "24 Dec 2026, 19:00" / "24.12.2026, 19:00" in the home's time zone. */
function formatDay(iso: string, { timeZone, t }: Pick<ShareDetails, "timeZone" | "t">): string {
  // HA's plain "en" is used all over the world: day before month and a 24-hour clock cannot be misread.
  const locale = t.language === "en" ? "en-GB" : t.language;
  return new Date(iso).toLocaleString(locale, { dateStyle: "medium", timeStyle: "short", timeZone });
}

/** Sends the share; the error a person sees never repeats the message (it holds the PIN). */
export async function sendShare(
  notify: NotifyFn,
  t: Messages,
  notifyService: string,
  recipients: readonly string[],
  message: string,
): Promise<void> {
  try {
    await notify(notifyService, {
      title: t("share.title"),
      message,
      ...(recipients.length > 0 ? { target: recipients } : {}),
    });
  } catch {
    throw new LatchkeyError("unavailable", "error.share_failed", { service: notifyService });
  }
}
