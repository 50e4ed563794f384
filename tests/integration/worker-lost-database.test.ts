// A background job whose database goes away while its handler runs: pg-boss 10.4.2 did not
// await its complete()/fail() call, so the lost connection became an unhandled rejection that
// ended the site's primary process (web and worker) in the middle of a database outage. With
// patches/pg-boss+10.4.2.patch the failure is reported on the 'error' event and the worker
// carries on once the database is back. The database is cut with a TCP proxy in front of it.
import net from "node:net";
import PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/** A TCP proxy to the test database that can drop every connection and refuse new ones. */
async function startProxy(target: URL) {
  const sockets = new Set<net.Socket>();
  let server: net.Server | undefined;
  let port = 0;
  const listen = () =>
    new Promise<void>((resolve) => {
      const listener = net.createServer((client) => {
        const upstream = net.connect(Number(target.port || 5432), target.hostname);
        for (const socket of [client, upstream]) {
          sockets.add(socket);
          socket.on("close", () => sockets.delete(socket));
          socket.on("error", () => {});
        }
        client.pipe(upstream).pipe(client);
        client.on("close", () => upstream.destroy());
        upstream.on("close", () => client.destroy());
      });
      server = listener;
      listener.listen(port, "127.0.0.1", () => {
        port = (listener.address() as net.AddressInfo).port;
        resolve();
      });
    });
  await listen();
  return {
    url: () => {
      const url = new URL(target);
      url.hostname = "127.0.0.1";
      url.port = String(port);
      return url.toString();
    },
    cut: async () => {
      await new Promise<void>((resolve) => {
        server?.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
    },
    restore: listen,
  };
}

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
let proxy: Awaited<ReturnType<typeof startProxy>>;
let boss: PgBoss;
const errors: Error[] = [];

beforeAll(async () => {
  process.on("unhandledRejection", onUnhandled);
  proxy = await startProxy(new URL(process.env.DATABASE_URL as string));
  boss = new PgBoss({
    connectionString: proxy.url(),
    schema: "pgboss_lost_db",
    supervise: false,
    schedule: false,
  });
  boss.on("error", (error) => errors.push(error));
  await boss.start();
  await boss.createQueue("slow-job");
});

afterAll(async () => {
  await boss?.stop({ graceful: false, wait: true });
  process.off("unhandledRejection", onUnhandled);
});

describe("a background job that loses its database while it runs", () => {
  it("reports the lost connection as a worker error, not a crash, and works on after", async () => {
    const ran: string[] = [];
    let release: () => void = () => {};
    const started = new Promise<void>((resolveStarted) => {
      void boss.work<{ label: string }>(
        "slow-job",
        { pollingIntervalSeconds: 0.5 },
        async ([job]) => {
          ran.push(job.data.label);
          if (job.data.label === "first") {
            resolveStarted();
            await new Promise<void>((resolve) => {
              release = resolve;
            });
          }
        },
      );
    });
    await boss.send("slow-job", { label: "first" });
    await started;

    // The database goes away while the handler runs; the handler then finishes, and pg-boss
    // cannot record it.
    await proxy.cut();
    release();
    await expect.poll(() => errors.length, { timeout: 10_000 }).toBeGreaterThan(0);
    expect(unhandled).toEqual([]);

    await proxy.restore();
    const second = await boss.send("slow-job", { label: "second" });
    await expect
      .poll(async () => (await boss.getJobById("slow-job", second as string))?.state, {
        timeout: 15_000,
      })
      .toBe("completed");
    expect(ran).toEqual(["first", "second"]);
    expect(unhandled).toEqual([]);
  });
});
