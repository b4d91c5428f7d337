import type { Code } from "../../../src/model/code";
import type { Logger } from "../log/logger";
import type { CodeBook } from "./code-book";
import type { Journal } from "./journal";

interface Deps {
  book: CodeBook;
  journal: Journal;
  log: Logger;
  now: () => Date;
  tickMs: number;
}

const endedBy = (code: Code, now: Date) =>
  code.enabled && code.rules.validUntil !== undefined && now.getTime() >= Date.parse(code.rules.validUntil);

/**
 * A code whose end date passes is taken off its locks by the reconciler; this says so once —
 * an activity entry, a `latchkey_code_changed` event and an alert (journal.ts), by "Latchkey".
 * Codes already over when the add-on starts were reported before (or while it was away) and
 * are not reported again; a code given a later end date can end (and be reported) again.
 */
export function watchCodeEnds(deps: Deps): () => void {
  const reported = new Set(deps.book.document.codes.filter((c) => endedBy(c, deps.now())).map((c) => c.id));
  const timer = setInterval(() => {
    const now = deps.now();
    for (const code of deps.book.document.codes) {
      if (!endedBy(code, now)) {
        reported.delete(code.id);
        continue;
      }
      if (reported.has(code.id)) continue;
      reported.add(code.id);
      const shown = deps.book.publicCode(code.id);
      if (shown)
        void deps.journal.codeEvent("code_expired", shown, "Latchkey").catch((error: unknown) => {
          deps.log.error("Recording an expired code failed.", error);
        });
    }
  }, deps.tickMs);
  timer.unref();
  return () => {
    clearInterval(timer);
  };
}
