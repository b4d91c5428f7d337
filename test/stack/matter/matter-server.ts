// python-matter-server 8.1.2 (scripts/setup-matter-server.sh) run chrooted in the HA 2026.11
// Debian testing root, in a private mount namespace like HA (../ha/debian-root.ts): the run's
// folder is bind-mounted at /data, where the CHIP SDK insists on writing chip_*.ini, and holds the
// server's storage and the attestation roots. Offline: the Matter test PAA certificates that
// matter.js ships are written there (with a fresh `.version`, or the server would empty the folder
// trying to download the real ones).
import { existsSync, readFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { networkInterfaces } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { TestCert_PAA_FFF1_Cert, TestCert_PAA_NoVID_Cert } from "@matter/main/protocol";
import { debianRootDir, inDebianRoot } from "../ha/debian-root.js";
import { freePort } from "../ha/free-port.js";
import { spawnGroup, type GroupProcess } from "../ha/process.js";
import { repoRoot } from "../ha/target.js";
import { MatterServerClient } from "./server-client.js";

const SERVER = "/opt/matter-server/bin/matter-server";
const IFF_UP = 0x1;
const IFF_LOOPBACK = 0x8;
const IFF_MULTICAST = 0x1000;

/**
 * The interface the server finds the lock on: mDNS needs multicast, and the CHIP SDK connects over
 * the lock's IPv6 link-local address (fe80::…%if). `lo` has no MULTICAST flag here.
 * LATCHKEY_MATTER_INTERFACE names one explicitly.
 */
export function matterInterface(): string {
  const named = process.env.LATCHKEY_MATTER_INTERFACE;
  const all = networkInterfaces();
  const usable = (name: string): boolean => {
    let flags = 0;
    try {
      flags = Number.parseInt(readFileSync(`/sys/class/net/${name}/flags`, "utf8").trim(), 16);
    } catch {
      return false;
    }
    const linkLocal = (all[name] ?? []).some((a) => a.family === "IPv6" && a.address.startsWith("fe80:"));
    return (
      (flags & IFF_UP) !== 0 && (flags & IFF_MULTICAST) !== 0 && (flags & IFF_LOOPBACK) === 0 && linkLocal
    );
  };
  if (named !== undefined) {
    if (!usable(named))
      throw new Error(
        `LATCHKEY_MATTER_INTERFACE=${named}: that interface is not up with MULTICAST and an IPv6 link-local address`,
      );
    return named;
  }
  const found = Object.keys(all).find(usable);
  if (found === undefined)
    throw new Error(
      "No network interface for Matter: the Matter server finds the lock by mDNS and reaches it over IPv6 " +
        "link-local, which needs an interface that is UP with the MULTICAST flag and an fe80:: address " +
        `(seen: ${Object.keys(all).join(", ")}; lo has no MULTICAST). Set LATCHKEY_MATTER_INTERFACE to name one.`,
    );
  return found;
}

export interface MatterServer {
  wsUrl: string;
  interfaceName: string;
  client: MatterServerClient;
  logFile: string;
  stop(): Promise<void>;
}

async function writeTestAttestationRoots(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  const der = (cert: AllowSharedBufferSource) =>
    cert instanceof ArrayBuffer || cert instanceof SharedArrayBuffer
      ? new Uint8Array(cert)
      : new Uint8Array(cert.buffer, cert.byteOffset, cert.byteLength);
  await writeFile(join(dir, "Chip-Test-PAA-NoVID-Cert.der"), der(TestCert_PAA_NoVID_Cert));
  await writeFile(join(dir, "Chip-Test-PAA-FFF1-Cert.der"), der(TestCert_PAA_FFF1_Cert));
  // Fresh: the server skips fetching roots it fetched within the last day.
  await writeFile(join(dir, ".version"), "1");
}

export async function startMatterServer(options: { workDir: string; port?: number }): Promise<MatterServer> {
  const root = debianRootDir(repoRoot);
  if (!existsSync(join(root, SERVER)))
    throw new Error(
      `The Matter server is not installed (${root}${SERVER} missing): run bash scripts/setup-matter-server.sh`,
    );
  if (process.getuid?.() !== 0)
    throw new Error(
      "The Matter server runs chrooted in the Debian testing root: that needs root (mount, chroot).",
    );
  const interfaceName = matterInterface();
  const data = join(options.workDir, "data");
  await mkdir(join(data, "storage"), { recursive: true });
  await writeTestAttestationRoots(join(data, "paa"));
  const port = options.port ?? (await freePort());
  const logFile = join(options.workDir, "matter-server.log");
  const launch = inDebianRoot({
    root,
    binds: [{ host: data, inside: "/data" }],
    env: {
      PATH: "/opt/matter-server/bin:/usr/bin:/bin",
      HOME: "/root",
      LANG: "C.UTF-8",
      PYTHONUNBUFFERED: "1",
    },
    argv: [
      SERVER,
      "--storage-path",
      "/data/storage",
      "--port",
      String(port),
      "--listen-address",
      "127.0.0.1",
      "--primary-interface",
      interfaceName,
      "--paa-root-cert-dir",
      "/data/paa",
      "--log-level",
      "info",
    ],
  });
  const proc: GroupProcess = spawnGroup({ ...launch, logFile });
  const wsUrl = `ws://127.0.0.1:${port}/ws`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (proc.hasExited())
      throw new Error(
        `The Matter server exited (${String(await proc.exited)}) before answering; see ${logFile}`,
      );
    const client = await MatterServerClient.connect(wsUrl).catch(() => null);
    if (client)
      return {
        wsUrl,
        interfaceName,
        client,
        logFile,
        stop: async () => {
          client.close();
          await proc.stop(10_000);
        },
      };
    if (Date.now() > deadline) {
      await proc.stop();
      throw new Error(`The Matter server did not answer on ${wsUrl} within 60 s; see ${logFile}`);
    }
    await sleep(300);
  }
}
