// Preloaded into each stack process (`node --import tsx --import .../exit-with-parent.ts`):
// when the process that started it dies, even by SIGKILL, it SIGTERMs itself so its own
// shutdown runs. Why: a crashed test runner must not leave a mock or zwave-server behind
// (zwave-server would otherwise keep retrying its serial connection forever).
const parent = process.ppid;

setInterval(() => {
  // Re-parenting (ppid becomes init or a subreaper) means the parent is gone.
  if (process.ppid !== parent) process.kill(process.pid, "SIGTERM");
}, 1000).unref();

export {};
