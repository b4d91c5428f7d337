import { syncReason } from "../../../src/model/slot";
import type { SyncReason } from "../../../src/model/problem-texts";

/**
 * The lock heard the write and said no (a duplicate PIN: Access Control 15, or a Supervision
 * Fail with it). Sending the same write again gets the same no, so the executor never retries
 * it; only a different write to that slot (another PIN) is sent. The text names no PIN.
 */
export class WriteRefused extends Error {
  override name = "WriteRefused";
  readonly problem: SyncReason;
  readonly values: Record<string, string | number>;

  constructor(problem: SyncReason = "sync_reason.refused_duplicate") {
    const { reason, values } = syncReason(problem);
    super(reason);
    this.problem = problem;
    this.values = values;
  }
}
