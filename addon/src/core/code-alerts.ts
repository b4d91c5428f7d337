import type { ActivityKind } from "../../../src/model/activity";
import type { Code } from "../../../src/model/code";
import type { LockId } from "../../../src/model/primitives";
import type { MessageKey, Messages } from "../i18n/messages";

/** What an edit changed, as people name it. Never the PIN itself: only that it is new. */
export type CodeChange = "pin" | "name" | "doors" | "rules";

/** The changes between a code before and after an edit. Pure. */
export function codeChanges(before: Code, after: Code): CodeChange[] {
  const changes: CodeChange[] = [];
  if (before.pin !== after.pin) changes.push("pin");
  if (before.name !== after.name) changes.push("name");
  const doors = (c: Code) => [...c.lockIds].sort().join(",");
  if (doors(before) !== doors(after)) changes.push("doors");
  if (JSON.stringify(before.rules) !== JSON.stringify(after.rules)) changes.push("rules");
  return changes;
}

/** Changes to a code that alert the household; reveals and shares are only entered. */
const ALERT_KEYS: Partial<Record<ActivityKind, MessageKey>> = {
  code_created: "alert.code_created",
  code_updated: "alert.code_updated",
  code_deleted: "alert.code_deleted",
  code_enabled: "alert.code_enabled",
  code_disabled: "alert.code_disabled",
  code_expired: "alert.code_expired",
  code_used_up: "alert.code_used_up",
};

const CHANGE_KEYS: Record<CodeChange, MessageKey> = {
  pin: "change.pin",
  name: "change.name",
  doors: "change.doors",
  rules: "change.rules",
};

export interface CodeAlertInput {
  kind: ActivityKind;
  code: { name: string; lockIds: readonly LockId[] };
  /** The HA user who did it, or "Latchkey" for its own rules. */
  userName: string;
  changes?: readonly CodeChange[];
  /** The code's name before an edit that renamed it. */
  formerName?: string | undefined;
}

/**
 * The alert for a change to a code: the code, its doors and who did it — never the PIN.
 * Null for kinds that do not alert (a reveal, a share). Pure.
 */
export function codeAlert(
  input: CodeAlertInput,
  lockName: (id: LockId) => string,
  language: string,
  t: Messages,
): string | null {
  const key = ALERT_KEYS[input.kind];
  // An edit of who hears about the code's use only: entered, not alerted.
  if (!key || (input.kind === "code_updated" && (input.changes ?? []).length === 0)) return null;
  const names = input.code.lockIds.map(lockName);
  const locks = names.length === 0 ? t("alert.no_doors") : listOf(names, language);
  const changes = listOf(
    (input.changes ?? []).map((c) => t(CHANGE_KEYS[c], { name: input.formerName ?? "" })),
    language,
  );
  return t(key, { user: input.userName, code: input.code.name, locks, changes });
}

/** "Front Door, Back Door and Garage" in the household's language. */
function listOf(items: readonly string[], language: string): string {
  try {
    return new Intl.ListFormat(language, { type: "conjunction" }).format(items);
  } catch {
    return items.join(", ");
  }
}
