import type { Migration } from "kysely";
import * as initial from "./2026-11-27T0900_initial";

// Every migration, by name, in order. Listed by hand (not read from the folder) so the same
// code runs under tsx, Vitest and any bundler: add a line for each new migration file.
export const migrations: Record<string, Migration> = {
  "2026-11-27T0900_initial": initial,
};
