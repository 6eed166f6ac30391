// Embedded start (issue 16): `next start` on a fresh PGlite data folder, timed to the first
// answers a newcomer's browser needs — the sign-in page, the first database answer
// (/api/health), and the demo therapist's dashboard after signing in. Goal: first page ≤ 3 s.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { loadAverage, nextBin, startProcess, waitForHttp } from "./proc";
import { buildApps, signIn } from "./servers";
import { repoRoot } from "./proc";

const GOAL_MS = 3000;

function rssMiB(pid: number): number | null {
  const ps = spawnSync("ps", ["-o", "rss=", "-p", String(pid)], { encoding: "utf8" });
  const kb = Number(ps.stdout.trim());
  return Number.isFinite(kb) && kb > 0 ? kb / 1024 : null;
}

export async function benchEmbeddedStart() {
  const distDir = process.env.KNOTWORK_DIST_DIR || ".next-bench";
  if (!fs.existsSync(path.join(repoRoot, distDir, "build-manifest.json"))) buildApps();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "knotwork-start-"));
  const port = 3964;
  const base = `http://127.0.0.1:${port}`;
  const env = {
    DATABASE_URL: "",
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    KNOTWORK_DIST_DIR: distDir,
    KNOTWORK_DATA_DIR: dataDir,
    NEXTAUTH_URL: base,
    NEXTAUTH_SECRET: crypto.randomBytes(24).toString("hex"),
  };
  console.log(`\nembedded start (fresh PGlite folder, next start; load average ${loadAverage()}):`);
  const t0 = performance.now();
  const server = startProcess(process.execPath, [nextBin, "start", "-p", String(port), "-H", "127.0.0.1"], env);
  try {
    const signin = await waitForHttp(`${base}/signin`, server, 120_000);
    const health = await waitForHttp(`${base}/api/health`, server, 120_000);
    const cookie = await signIn(base, "therapist@demo.test");
    const res = await fetch(`${base}/therapist`, { headers: { cookie } });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`/therapist answered ${res.status}`);
    const dashboard = performance.now() - t0;
    const verdict = signin <= GOAL_MS ? "PASS" : "FAIL";
    const ms = (n: number) => `${(n / 1000).toFixed(2)} s`.padStart(8);
    console.log(`  first page answered (/signin)            ${ms(signin)}   goal ≤ 3 s  ${verdict}`);
    console.log(`  first database answer (/api/health)       ${ms(health)}   (migrate + reference data + demo seed)`);
    console.log(`  signed-in dashboard (/therapist)          ${ms(dashboard)}   (includes the sign-in round trips)`);
    const rss = server.child.pid ? rssMiB(server.child.pid) : null;
    if (rss) console.log(`  server RSS after the dashboard            ${rss.toFixed(0)} MiB`);
  } finally {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
