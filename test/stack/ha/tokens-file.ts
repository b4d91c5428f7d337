// Credentials of an onboarded config dir, kept next to HA's own storage so a demo re-run
// reuses them. Test-only secrets of a loopback-only HA: never use this for a real install.
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";

export const HaCredentials = z.object({
  version: z.literal(1),
  url: z.string(),
  clientId: z.string(),
  admin: z.object({
    userId: z.string(),
    username: z.string(),
    password: z.string(),
    /** Long-lived access token (10 years). */
    token: z.string(),
    /** Refresh token of the onboarding login (client_id = clientId). */
    refreshToken: z.string(),
  }),
  nonAdmin: z.object({
    userId: z.string(),
    username: z.string(),
    password: z.string(),
    /** Long-lived access token created by the non-admin user for itself. */
    token: z.string(),
    refreshToken: z.string(),
  }),
  /** A second non-admin whose tokens contract cases may end (deactivating a user removes them in 2026). */
  spare: z.object({ userId: z.string(), username: z.string(), password: z.string(), token: z.string() }),
});
export type HaCredentials = z.infer<typeof HaCredentials>;

export function credentialsPath(configDir: string): string {
  return join(configDir, "latchkey-test-credentials.json");
}

export async function readCredentials(configDir: string): Promise<HaCredentials | undefined> {
  const file = credentialsPath(configDir);
  if (!existsSync(file)) return undefined;
  const parsed: unknown = JSON.parse(await readFile(file, "utf8"));
  return HaCredentials.parse(parsed);
}

export async function writeCredentials(configDir: string, creds: HaCredentials): Promise<void> {
  await writeFile(credentialsPath(configDir), `${JSON.stringify(creds, null, 2)}\n`, { mode: 0o600 });
}
