// The Remix server bundle and the Express process that loads it are two module graphs;
// keeping shared resources on globalThis gives both the same pool, queue and logger.
export function singleton<T>(name: string, create: () => T): T {
  const store = globalThis as unknown as { __medcode?: Record<string, unknown> };
  store.__medcode ??= {};
  store.__medcode[name] ??= create();
  return store.__medcode[name] as T;
}

export function dropSingleton(name: string) {
  const store = globalThis as unknown as { __medcode?: Record<string, unknown> };
  if (store.__medcode) delete store.__medcode[name];
}
