import type { UnverifiedWhy } from "../../../src/model/slot";
import { slotContent, USER_ID_AVAILABLE, type SlotContent } from "./user-code-values";

/** A slot as the lock reported or read it back: its two User Code values, as they came. */
export interface SlotReadBack {
  userIdStatus: number | undefined;
  userCode: string | undefined;
}

/**
 * What a write came to, by what the lock said afterwards. Only a mismatch is worth another
 * write: a lock that hides PINs or never answers would loop forever on a rewrite.
 */
export type WriteVerdict =
  { kind: "confirmed" } | { kind: "unverified"; why: UnverifiedWhy } | { kind: "mismatch" };

/** Some locks send "****", others zeros, in place of a PIN they keep to themselves. */
const HIDDEN_PIN = /^(\*+|0+)$/;

/**
 * The verdict on a write of `written`, given what the lock reported for the slot afterwards
 * (`null`: nothing came, within the bounded reads). Pure. A slot just set that the lock reports
 * in use with a hidden PIN took the write as far as anyone can tell: unverified, never a mismatch.
 */
export function writeVerdict(written: SlotContent, readBack: SlotReadBack | null): WriteVerdict {
  if (readBack === null || (readBack.userIdStatus === undefined && readBack.userCode === undefined))
    return { kind: "unverified", why: "no_answer" };
  const content = slotContent(readBack.userIdStatus, readBack.userCode);
  if (written.status === "empty")
    return content?.status === "empty" ? { kind: "confirmed" } : { kind: "mismatch" };
  if (content?.status === "set" && content.pin === written.pin) return { kind: "confirmed" };
  const inUse = readBack.userIdStatus !== undefined && readBack.userIdStatus !== USER_ID_AVAILABLE;
  if (inUse && readBack.userCode !== undefined && HIDDEN_PIN.test(readBack.userCode))
    return { kind: "unverified", why: "pin_hidden" };
  return { kind: "mismatch" };
}
