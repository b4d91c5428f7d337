import { LatchkeyError } from "../../../src/model/errors";
import type { Code } from "../../../src/model/code";
import type { LatchkeyService } from "./service";

export interface ShareDetails {
  code: Pick<Code, "name" | "pin" | "rules">;
  lockNames: string[];
  /** HA's time zone: validity is told in the home's local time. */
  timeZone: string;
}

/**
 * The text an admin sends on purpose to give someone their code: the one place a PIN leaves
 * Latchkey besides the locks. It is built here and handed to the notify service only.
 */
export function shareMessage(details: ShareDetails, note: string): string {
  const { code, lockNames } = details;
  const doors = lockNames.length === 0 ? "no doors yet" : lockNames.join(", ");
  const parts = [note.trim() || `Hi ${code.name},`, `your door code is ${code.pin} (${doors}).`];
  const { validFrom, validUntil, maxUses } = code.rules;
  if (validFrom) parts.push(`Valid from ${formatDay(validFrom, details.timeZone)}.`);
  if (validUntil) parts.push(`Valid until ${formatDay(validUntil, details.timeZone)}.`);
  if (maxUses !== undefined) parts.push(`It works ${maxUses} time${maxUses === 1 ? "" : "s"}.`);
  return parts.join(" ");
}

function formatDay(iso: string, timeZone: string): string {
  return new Date(iso).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone });
}

/** Sends the share; the error a person sees never repeats the message (it holds the PIN). */
export async function sendShare(service: LatchkeyService, notifyService: string, recipients: readonly string[], message: string): Promise<void> {
  try {
    await service.callNotify(notifyService, { title: "Your door code", message, ...(recipients.length > 0 ? { target: recipients } : {}) });
  } catch {
    throw new LatchkeyError("unavailable", "error.share_failed", { service: notifyService });
  }
}
