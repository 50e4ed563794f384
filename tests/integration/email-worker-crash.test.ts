// The outbox under a real crash: a worker process killed with SIGKILL in the middle of a batch,
// then started again. Every email arrives, and none twice.
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendEmail } from "../../app/email/email.server";
import { getDb } from "../../app/utils/db.server";

// A stand-in for api.resend.com that keeps Resend's documented promise: a second request with
// the same Idempotency-Key delivers nothing new and answers with the first message's id.
const delivered = new Map<string, string>();
let requests = 0;
const resend = createServer(async (req, res) => {
  for await (const _ of req);
  requests += 1;
  const key = String(req.headers["idempotency-key"]);
  // Slow enough that a kill lands while some messages are mid-flight.
  await new Promise((resolve) => setTimeout(resolve, 250));
  if (!delivered.has(key)) delivered.set(key, `resend-${delivered.size + 1}`);
  res.writeHead(200, { "content-type": "application/json" });
  res.end(JSON.stringify({ id: delivered.get(key) }));
});

let resendUrl = "";
beforeAll(async () => {
  resend.listen(0, "127.0.0.1");
  await once(resend, "listening");
  resendUrl = `http://127.0.0.1:${(resend.address() as AddressInfo).port}`;
});
afterAll(() => resend.close());

function startWorkerProcess(): ChildProcess {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    RESEND_API_KEY: "re_test_crash",
    RESEND_BASE_URL: resendUrl,
    EMAIL_FROM: "MedCode Jobs <jobs@medcodejobs.example>",
    LOG_LEVEL: "warn",
  };
  delete env.VITEST;
  return spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
    env,
    stdio: ["ignore", "ignore", "inherit"],
  });
}

async function waitFor(condition: () => Promise<boolean> | boolean, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const states = async () =>
  getDb().selectFrom("emails").select(["dedupe_key", "state", "provider_id"]).execute();

describe("a worker killed mid-batch", () => {
  it("loses no email and sends none twice once a worker runs again", async () => {
    const total = 30;
    for (let i = 1; i <= total; i++) {
      await sendEmail({
        to: `coder-${i}@example.com`,
        template: "reset-password",
        props: { name: `Coder ${i}`, url: `http://localhost:3000/reset-password?token=t${i}` },
        dedupeKey: `crash-test:${i}`,
      });
    }

    const first = startWorkerProcess();
    await waitFor(() => requests >= 8, 30_000);
    first.kill("SIGKILL");
    await once(first, "exit");
    const afterKill = await states();
    expect(afterKill.filter((e) => e.state === "queued").length).toBeGreaterThan(0);

    const second = startWorkerProcess();
    try {
      await waitFor(async () => (await states()).every((e) => e.state === "sent"), 60_000);
    } finally {
      second.kill("SIGTERM");
      await once(second, "exit");
    }

    const rows = await states();
    expect(rows).toHaveLength(total);
    // Each message reached Resend as one delivery; a retry of an in-flight one reused its key.
    expect(delivered.size).toBe(total);
    for (const row of rows) expect(row.provider_id).toBe(delivered.get(row.dedupe_key));
    expect(requests).toBeGreaterThanOrEqual(total);
  }, 120_000);
});
