// What the simulated Matter lock's control endpoint (lock-process.ts) takes and answers.
import { z } from "zod";

const Action = z.enum(["lock", "unlock"]);

/**
 * A PIN typed at the keypad, named by the PIN itself (the lock looks for an enabled user's PIN
 * credential holding it: how a test proves which PIN a lock holds) or by the credential's index.
 */
export const KeypadRequest = z.union([
  z.object({ pin: z.string().regex(/^\d{4,8}$/), action: Action }),
  z.object({ credentialIndex: z.number().int().min(1), action: Action }),
]);
export type KeypadRequest = z.infer<typeof KeypadRequest>;
export const KeypadAnswer = z.object({ ok: z.boolean(), did: z.string() });
/** The thumb-turn. */
export const ManualRequest = z.object({ action: Action });
export type ManualRequest = z.infer<typeof ManualRequest>;

export const LockStateResponse = z.object({
  lockState: z.string(),
  users: z.array(z.object({ userIndex: z.number(), name: z.string(), pins: z.array(z.number()) })),
});
export type LockStateResponse = z.infer<typeof LockStateResponse>;

/** The one line the lock process writes to stdout once it is on the network. */
export const LockReadyLine = z.object({
  ready: z.literal(true),
  manualPairingCode: z.string(),
  controlPort: z.number(),
});
export type LockReadyLine = z.infer<typeof LockReadyLine>;
