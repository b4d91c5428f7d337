// HA's users and their refresh tokens, as auth/__init__.py AuthManager and auth_store.py keep
// them: a token logs in only while its user exists and is active (async_validate_access_token);
// removing a token (auth/delete_refresh_token) fires its revoke callbacks, which close the
// websocket connections that logged in with it (websocket_api/auth.py `_cancel_ws`). Removing a
// user drops their tokens from the store without those callbacks (async_remove_user), so their
// open connections stay open — but no new login with their tokens succeeds. Deactivating a
// user: 2024.3 only marks them inactive (their tokens work again once reactivated); 2026.11
// removes every token of theirs like a deletion in the profile, ending their sessions.
import { randomUUID } from "node:crypto";
import type { FakeUser, HaProfile } from "./options.js";

export interface FakeToken {
  id: string;
  token: string;
  clientName: string | null;
  type: "normal" | "long_lived_access_token";
  createdAt: string;
}

/** A user as the fake keeps them: the configured one plus what HA tracks for them. */
export interface FakeAccount extends FakeUser {
  isActive: boolean;
  groupIds: string[];
  tokens: FakeToken[];
}

const hexId = (): string => randomUUID().replace(/-/g, "");

export class Accounts {
  readonly users: FakeAccount[];
  /** Logins tried (auth messages received), for tests that count what reaches HA. */
  loginAttempts = 0;
  private readonly revokeCallbacks = new Map<string, Set<() => void>>();

  constructor(
    configured: readonly FakeUser[],
    private readonly profile: HaProfile = "pinned",
  ) {
    // Copies: a test's user constants must not change when a test demotes someone.
    this.users = configured.map((u) => ({
      ...u,
      isActive: true,
      groupIds: [u.isAdmin ? "system-admin" : "system-users"],
      tokens: [
        {
          id: hexId(),
          token: u.token,
          clientName: "fake",
          type: "long_lived_access_token",
          createdAt: now(),
        },
      ],
    }));
  }

  /** The user and token an access token logs in as, or null (unknown token, removed or inactive user). */
  validate(accessToken: string): { user: FakeAccount; token: FakeToken } | null {
    for (const user of this.users) {
      const token = user.tokens.find((t) => t.token === accessToken);
      if (token) return user.isActive ? { user, token } : null;
    }
    return null;
  }

  byId(id: string): FakeAccount | undefined {
    return this.users.find((u) => u.id === id);
  }

  create(name: string, groupIds: string[]): FakeAccount {
    const user: FakeAccount = {
      id: hexId(),
      name,
      token: "",
      isAdmin: groupIds.includes("system-admin"),
      isActive: true,
      groupIds,
      tokens: [],
    };
    this.users.push(user);
    return user;
  }

  update(user: FakeAccount, changes: { name?: string; groupIds?: string[]; isActive?: boolean }): void {
    if (changes.name !== undefined) user.name = changes.name;
    if (changes.groupIds !== undefined) {
      user.groupIds = changes.groupIds;
      user.isAdmin = changes.groupIds.includes("system-admin");
    }
    if (changes.isActive !== undefined) user.isActive = changes.isActive;
    if (changes.isActive === false && this.profile === "newest")
      for (const token of [...user.tokens]) this.revoke(user, token);
  }

  remove(user: FakeAccount): void {
    this.users.splice(this.users.indexOf(user), 1);
    for (const token of user.tokens) this.revokeCallbacks.delete(token.id);
  }

  createLongLived(user: FakeAccount, clientName: string): FakeToken {
    const token: FakeToken = {
      id: hexId(),
      token: `${hexId()}${hexId()}`,
      clientName,
      type: "long_lived_access_token",
      createdAt: now(),
    };
    user.tokens.push(token);
    return token;
  }

  revoke(user: FakeAccount, token: FakeToken): void {
    user.tokens.splice(user.tokens.indexOf(token), 1);
    const callbacks = this.revokeCallbacks.get(token.id) ?? new Set();
    this.revokeCallbacks.delete(token.id);
    for (const callback of callbacks) callback();
  }

  onRevoke(tokenId: string, callback: () => void): () => void {
    const callbacks = this.revokeCallbacks.get(tokenId) ?? new Set<() => void>();
    callbacks.add(callback);
    this.revokeCallbacks.set(tokenId, callbacks);
    return () => callbacks.delete(callback);
  }
}

function now(): string {
  return new Date().toISOString();
}
