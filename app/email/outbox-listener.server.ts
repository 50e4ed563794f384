import pg from "pg";
import { EMAIL_QUEUED_CHANNEL } from "./email.server";

export type Listener = {
  /** Settles once the first LISTEN is in place (or the first attempt failed). */
  ready: Promise<void>;
  stop: () => Promise<void>;
};

/**
 * Hears about each committed outbox row (sendEmail's pg_notify) so the worker can deliver it
 * at once. It reconnects after a lost connection; rows queued while it was away are picked up
 * by the minute sweep, so a missed notification only delays an email.
 */
export function listenForQueuedEmails(options: {
  connectionString: string;
  /** The ids of one notification: one row, or every row a sendEmails call queued. */
  onQueued: (ids: number[]) => void;
  onError: (error: Error) => void;
  reconnectDelayMs?: number;
}): Listener {
  let client: pg.Client | undefined;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let settle: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    settle = resolve;
  });

  const reconnect = (lost: pg.Client) => {
    if (stopped || client !== lost) return;
    client = undefined;
    lost.removeAllListeners();
    lost.on("error", () => {});
    lost.end().catch(() => {});
    timer = setTimeout(connect, options.reconnectDelayMs ?? 5_000);
  };

  const connect = async () => {
    const next = new pg.Client({ connectionString: options.connectionString });
    client = next;
    next.on("notification", (message) => {
      const ids = (message.payload ?? "")
        .split(",")
        .map(Number)
        .filter((id) => Number.isSafeInteger(id) && id > 0);
      if (ids.length) options.onQueued(ids);
    });
    next.on("error", (error) => {
      options.onError(error);
      reconnect(next);
    });
    next.on("end", () => reconnect(next));
    try {
      await next.connect();
      await next.query(`listen ${EMAIL_QUEUED_CHANNEL}`);
    } catch (error) {
      options.onError(error as Error);
      reconnect(next);
    } finally {
      settle();
    }
  };

  void connect();
  return {
    ready,
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await client?.end().catch(() => {});
    },
  };
}
