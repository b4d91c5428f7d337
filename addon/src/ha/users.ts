import { z } from "zod";
import type { Logger } from "../log/logger";
import type { HaClient } from "./client";

/** An HA user as Latchkey needs them: who they are and whether they may change codes. */
export interface HaUser {
  id: string;
  name: string;
  isAdmin: boolean;
  /** An inactive user cannot log in (HA's user settings: "Active" off). */
  active: boolean;
}

const AuthListSchema = z.array(
  z
    .object({
      id: z.string(),
      name: z.string().nullable(),
      group_ids: z.array(z.string()),
      is_active: z.boolean().default(true),
    })
    .loose(),
);

/** Every HA user with their name and role (`config/auth/list`, admins only: the add-on is one). */
export async function listUsers(client: HaClient): Promise<HaUser[]> {
  const users = await client.command(AuthListSchema, { type: "config/auth/list" });
  return users.map((user) => ({
    id: user.id,
    name: user.name ?? "Unknown",
    isAdmin: user.group_ids.includes("system-admin"),
    active: user.is_active,
  }));
}

/** How often an unknown user id may send the add-on back to HA's user list. */
const REFRESH_MS = 60_000;

/** HA user ids → the names people gave them, for "Alex unlocked Back Door in Home Assistant". */
export class UserNames {
  private names = new Map<string, string>();
  private listedAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly client: HaClient,
    private readonly log: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  /** The user's name, or null for no user or one HA does not list (the list is read again at most once a minute). */
  async nameOf(userId: string | null): Promise<string | null> {
    if (userId === null) return null;
    if (!this.names.has(userId) && this.now() - this.listedAt >= REFRESH_MS) {
      this.listedAt = this.now();
      try {
        this.names = new Map((await listUsers(this.client)).map((u) => [u.id, u.name]));
      } catch (error) {
        this.log.warn("Could not read Home Assistant's users to name who moved a door.", error);
      }
    }
    return this.names.get(userId) ?? null;
  }
}
