// Ask the kernel for a free TCP port on the loopback interface.
import { createServer } from "node:net";

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      const port = typeof addr === "object" && addr !== null ? addr.port : 0;
      srv.close(() => {
        if (port > 0) resolvePort(port);
        else reject(new Error("could not allocate a free port"));
      });
    });
  });
}
