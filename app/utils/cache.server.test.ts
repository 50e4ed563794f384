import { expect, it, vi } from "vitest";
import { cached, clearCache } from "./cache.server";

it("shares one load between concurrent callers and reloads after the time to live", async () => {
  vi.useFakeTimers();
  try {
    const load = vi.fn(async () => "value");
    const [a, b] = await Promise.all([cached("k", 1000, load), cached("k", 1000, load)]);
    expect([a, b]).toEqual(["value", "value"]);
    expect(load).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1001);
    await cached("k", 1000, load);
    expect(load).toHaveBeenCalledTimes(2);
  } finally {
    vi.useRealTimers();
    clearCache();
  }
});

it("forgets a failed load so the next caller tries again", async () => {
  await expect(
    cached("bad", 60_000, async () => Promise.reject(new Error("db down"))),
  ).rejects.toThrow("db down");
  expect(await cached("bad", 60_000, async () => "recovered")).toBe("recovered");
  clearCache();
});
