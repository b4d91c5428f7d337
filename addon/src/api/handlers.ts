import { LatchkeyError } from "../../../src/model/errors";
import { wireWarnings } from "../../../src/model/protocol";
import { type Request } from "../../../src/model/requests";
import type { ActivityKind } from "../../../src/model/activity";
import type { Journal } from "../service/journal";
import { sendShare, shareDetails, shareMessage } from "../service/share";
import type { LatchkeyService } from "../service/service";
import { codeChanges } from "../core/code-alerts";
import { withoutNames } from "../core/snapshot";
import type { ClientView } from "./client-view";
import type { ApiUser } from "./identify";

const ADMIN_ONLY: ReadonlySet<Request["type"]> = new Set([
  "codes/create",
  "codes/update",
  "codes/delete",
  "codes/set_enabled",
  "codes/reveal",
  "codes/share",
  "unmanaged/adopt",
  "held/resolve",
  "held/refill",
  "unmanaged/clear",
  "locks/set_alerts",
]);

/**
 * Rights are asked of HA at the moment these run: what shows a PIN to someone, and what decides
 * who hears about the doors (an admin demoted a moment ago must not mute an alert).
 */
const CHECKED_AT_THE_MOMENT: ReadonlySet<Request["type"]> = new Set([
  "codes/reveal",
  "codes/share",
  "locks/set_alerts",
]);

/** One handler per request type; the switch is exhaustive so a new request type cannot be forgotten. */
export async function handleRequest(
  service: LatchkeyService,
  journal: Journal,
  user: ApiUser,
  client: ClientView,
  request: Request,
  subscribe: () => void,
  /** The user as HA says they are now (throws when HA cannot be asked, or they are not who logged in). */
  confirmUser: () => Promise<ApiUser>,
): Promise<unknown> {
  const record = (kind: ActivityKind, codeId: string) => {
    const code = service.book.publicCode(codeId);
    return code ? journal.codeEvent(kind, code, user.name) : Promise.resolve();
  };
  if (ADMIN_ONLY.has(request.type)) {
    // Rights as of the last check (at most one interval old), and HA's word for what shows a PIN.
    const now = user.isAdmin && CHECKED_AT_THE_MOMENT.has(request.type) ? await confirmUser() : user;
    if (!now.isAdmin) throw new LatchkeyError("forbidden", "error.admins_only");
  }
  switch (request.type) {
    case "state/subscribe":
      subscribe();
      return { subscribed: true };
    case "codes/create": {
      const { codeId, warnings } = await service.createCode(request.draft);
      await record("code_created", codeId);
      return { codeId, ...wireWarnings(warnings) };
    }
    case "codes/update": {
      const before = service.book.requireCode(request.codeId);
      const { codeId, warnings } = await service.updateCode(request.codeId, request.changes);
      const after = service.book.publicCode(codeId);
      const changes = codeChanges(before, service.book.requireCode(codeId));
      if (after)
        await journal.codeEvent("code_updated", after, user.name, {
          changes,
          formerName: before.name === after.name ? undefined : before.name,
        });
      return { codeId, ...wireWarnings(warnings) };
    }
    case "codes/delete": {
      const code = service.book.publicCode(request.codeId);
      await service.deleteCode(request.codeId);
      if (code) await journal.codeEvent("code_deleted", code, user.name);
      return { codeId: request.codeId };
    }
    case "codes/set_enabled":
      await service.setEnabled(request.codeId, request.enabled);
      await record(request.enabled ? "code_enabled" : "code_disabled", request.codeId);
      return { codeId: request.codeId };
    case "codes/reveal": {
      const pin = service.book.requireCode(request.codeId).pin;
      await record("code_revealed", request.codeId);
      return { codeId: request.codeId, pin };
    }
    case "codes/share": {
      const t = service.messages();
      const code = service.book.requireCode(request.codeId);
      const details = shareDetails(code, (id) => service.locks.lockName(id), service.locks.timeZone, t);
      await sendShare(
        service.notify,
        t,
        request.service,
        request.recipients,
        shareMessage(details, request.note),
      );
      await record("code_shared", request.codeId);
      return { codeId: request.codeId, service: request.service };
    }
    case "unmanaged/adopt": {
      const { codeId } = await service.adoptUnmanaged(request.lockId, request.slot, request.name);
      await record("code_created", codeId);
      return { codeId };
    }
    case "unmanaged/clear":
      await service.clearUnmanaged(request.lockId, request.slot);
      return { lockId: request.lockId, slot: request.slot };
    case "held/resolve": {
      const codeId = service.book.heldCodeId(request.lockId, request.slot);
      await service.resolveHeld(request.lockId, request.slot, request.keep);
      if (codeId) await record("code_updated", codeId);
      return { lockId: request.lockId, slot: request.slot };
    }
    case "held/refill": {
      const refilled = await service.refillLostCodes(request.lockId);
      for (const codeId of new Set(refilled.map((r) => r.codeId))) await record("code_updated", codeId);
      return { lockId: request.lockId, slots: refilled.map((r) => r.slot) };
    }
    case "locks/set_alerts": {
      const alerts = await service.setLockAlerts(request.lockId, request.alerts);
      return { lockId: request.lockId, alerts };
    }
    case "activity/list": {
      const entries = client.entries(
        journal.activity.list({ lockId: request.lockId, codeId: request.codeId, limit: request.limit }),
      );
      // Names are part of the option that hides them from non-admins: a code's and a person's.
      return { entries: user.isAdmin || service.namesVisibleToAll() ? entries : entries.map(withoutNames) };
    }
  }
}
