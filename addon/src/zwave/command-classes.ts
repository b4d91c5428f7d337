import { z } from "zod";
import { USER_CODE_CC } from "./user-code-values";

/** User Credential CC (0x83): users with typed credentials, the successor of User Code CC. */
export const USER_CREDENTIAL_CC = 131;

/** ws `zwave_js/node_capabilities` (newer HA): endpoint index → the command classes it supports. */
const CapabilitiesSchema = z.record(z.string(), z.array(z.object({ id: z.number().int() }).loose()));

export interface CodeCommandClasses {
  userCode: boolean;
  userCredential: boolean;
}

/** Which code-holding command classes a node has on any endpoint; null when the answer is unreadable. */
export function codeCommandClasses(capabilities: unknown): CodeCommandClasses | null {
  const parsed = CapabilitiesSchema.safeParse(capabilities);
  if (!parsed.success) return null;
  const ids = new Set(Object.values(parsed.data).flatMap((classes) => classes.map((c) => c.id)));
  return { userCode: ids.has(USER_CODE_CC), userCredential: ids.has(USER_CREDENTIAL_CC) };
}

/** Locks that keep codes only in the User Credential CC: HA's User Code services cannot reach them. */
export function isCredentialOnly(classes: CodeCommandClasses | null): boolean {
  return classes !== null && classes.userCredential && !classes.userCode;
}
