import { LatchkeyError } from "../../../src/model/errors";
import type { Request } from "../../../src/model/protocol";
import type { LatchkeyService } from "../service/service";
import type { ApiUser } from "./identify";

const ADMIN_ONLY: ReadonlySet<Request["type"]> = new Set(["codes/create", "codes/update", "codes/delete", "codes/set_enabled", "codes/reveal", "unmanaged/adopt", "unmanaged/clear"]);

/** One handler per request type; the switch is exhaustive so a new request type cannot be forgotten. */
export async function handleRequest(service: LatchkeyService, user: ApiUser, request: Request, subscribe: () => void): Promise<unknown> {
  if (ADMIN_ONLY.has(request.type) && !user.isAdmin) {
    throw new LatchkeyError("forbidden", "Only Home Assistant administrators can change, reveal or share codes.");
  }
  switch (request.type) {
    case "state/subscribe":
      subscribe();
      return { subscribed: true };
    case "codes/create": {
      const { codeId, warnings } = await service.createCode(request.draft);
      return { codeId, warnings };
    }
    case "codes/update": {
      const { codeId, warnings } = await service.updateCode(request.codeId, request.changes);
      return { codeId, warnings };
    }
    case "codes/delete":
      await service.deleteCode(request.codeId);
      return { codeId: request.codeId };
    case "codes/set_enabled":
      await service.setEnabled(request.codeId, request.enabled);
      return { codeId: request.codeId };
    case "codes/reveal":
      return { codeId: request.codeId, pin: service.revealPin(request.codeId) };
    case "unmanaged/adopt": {
      const { codeId } = await service.adoptUnmanaged(request.lockId, request.slot, request.name);
      return { codeId };
    }
    case "unmanaged/clear":
      await service.clearUnmanaged(request.lockId, request.slot);
      return { lockId: request.lockId, slot: request.slot };
  }
}
