import { LatchkeyError } from "../../../src/model/errors";
import type { Logger } from "../log/logger";
import type { HaUser } from "../ha/users";
import type { ApiUser, Identity, TokenCheck } from "./identify";

/** One logged-in connection, as the rights watcher sees it. */
export interface Session {
  readonly identity: Identity;
  /** Ends the connection; the card connects again and says hello, so it learns its new rights. */
  end(reason: string): void;
}

export interface RightsSource {
  /** Every HA user now, through the add-on's own connection; throws when HA cannot be asked. */
  listUsers(): Promise<HaUser[]>;
  /** Whether HA still accepts a standalone token (an HA login). */
  checkToken(token: string): Promise<TokenCheck>;
}

const REMOVED = "Your Home Assistant account was removed or deactivated.";
const CHANGED = "Your rights in Home Assistant changed; connecting again with them.";
const TOKEN_REFUSED = "Home Assistant no longer accepts this login; connecting again with a fresh one.";

/**
 * Rights follow HA, not the hello: every `intervalMs` each open session is held to HA's user
 * list (one `config/auth/list` for all) and standalone tokens are tried again. A session whose
 * user was removed, deactivated, promoted or demoted, or whose token HA refuses, is ended.
 * Reveal and share ask HA at the moment they run (`confirm`).
 */
export class Rights {
  private readonly sessions = new Set<Session>();
  private timer: NodeJS.Timeout | undefined;
  private checking = false;

  constructor(
    private readonly source: RightsSource,
    private readonly log: Logger,
    private readonly intervalMs: number,
  ) {}

  add(session: Session): () => void {
    this.sessions.add(session);
    this.timer ??= setInterval(() => {
      void this.checkAll();
    }, this.intervalMs);
    this.timer.unref();
    return () => {
      this.sessions.delete(session);
      if (this.sessions.size === 0) {
        clearInterval(this.timer);
        this.timer = undefined;
      }
    };
  }

  /** The session's user as HA says they are now; ends the session and throws if that is not who logged in. */
  async confirm(session: Session): Promise<ApiUser> {
    let users: HaUser[];
    try {
      users = await this.source.listUsers();
    } catch {
      throw new LatchkeyError("unavailable", "error.rights_unknown");
    }
    const verdict = this.judge(session, users);
    const token = session.identity.token;
    if (verdict === null && token !== undefined) {
      const check = await this.source.checkToken(token);
      if (check.kind === "unreachable") throw new LatchkeyError("unavailable", "error.rights_unknown");
      if (check.kind === "refused") return this.refuse(session, TOKEN_REFUSED);
    }
    if (verdict !== null) return this.refuse(session, verdict);
    return session.identity.user;
  }

  private refuse(session: Session, reason: string): never {
    this.log.info(`An API session of ${session.identity.user.name} ended: ${reason}`);
    this.sessions.delete(session);
    // The refusal is answered first, then the connection ends.
    setTimeout(() => {
      session.end(reason);
    }, 0);
    throw new LatchkeyError("forbidden", "error.admins_only");
  }

  /** Why the session must end, or null while its user is as they logged in. */
  private judge(session: Session, users: readonly HaUser[]): string | null {
    const logged = session.identity.user;
    const now = users.find((u) => u.id === logged.id);
    if (!now?.active) return REMOVED;
    return now.isAdmin === logged.isAdmin ? null : CHANGED;
  }

  private async checkAll(): Promise<void> {
    if (this.checking || this.sessions.size === 0) return;
    this.checking = true;
    try {
      const users = await this.source.listUsers();
      for (const session of [...this.sessions]) {
        const verdict = this.judge(session, users);
        if (verdict !== null) this.endSession(session, verdict);
      }
      // One login at a time: the add-on's own address must not look like a flood to HA.
      for (const session of [...this.sessions]) {
        const token = session.identity.token;
        if (token === undefined) continue;
        if ((await this.source.checkToken(token)).kind === "refused") this.endSession(session, TOKEN_REFUSED);
      }
    } catch (error) {
      this.log.debug(
        "Could not read Home Assistant's users to check who may do what; trying again later.",
        error,
      );
    } finally {
      this.checking = false;
    }
  }

  private endSession(session: Session, reason: string): void {
    if (!this.sessions.delete(session)) return;
    this.log.info(`An API session of ${session.identity.user.name} ended: ${reason}`);
    session.end(reason);
  }
}
