// Typed client of the simulated Matter lock's control endpoint (lock-process.ts).
import { KeypadAnswer, LockStateResponse, type KeypadRequest, type ManualRequest } from "./control-schema.js";

export interface MatterLockControl {
  readonly url: string;
  /** False when the lock holds no such PIN (a wrong code: the bolt stays). */
  keypad(req: KeypadRequest): Promise<boolean>;
  manual(req: ManualRequest): Promise<void>;
  state(): Promise<LockStateResponse>;
}

async function post(url: string, body: unknown): Promise<unknown> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const answer: unknown = await res.json();
  if (!res.ok) throw new Error(`Matter lock control ${url} → ${res.status}: ${JSON.stringify(answer)}`);
  return answer;
}

export function createMatterLockControl(url: string): MatterLockControl {
  return {
    url,
    keypad: async (req) => KeypadAnswer.parse(await post(`${url}/keypad`, req)).ok,
    manual: async (req) => {
      await post(`${url}/manual`, req);
    },
    state: async () => LockStateResponse.parse(await post(`${url}/state`, {})),
  };
}
