// US ZIP centroids (zip, city, state, latitude, longitude) for radius search, from the
// "zipcodes" npm package (BSD licence; decision 009). Reference data: production loads it too.
import { createRequire } from "node:module";
import { type Kysely, sql } from "kysely";
import type { DB } from "../types";

type ZipRow = { zip: string; latitude: number; longitude: number; city: string; state: string };

export function placeRows() {
  const { codes } = createRequire(import.meta.url)("zipcodes/lib/codes.js") as {
    codes: Record<string, ZipRow>;
  };
  // A few hundred entries (military and PO-box ZIPs) have no coordinates: nothing to measure from.
  return Object.values(codes).filter(
    (z) =>
      /^\d{5}$/.test(z.zip) &&
      /^[A-Z]{2}$/.test(z.state) &&
      Number.isFinite(z.latitude) &&
      Number.isFinite(z.longitude) &&
      !(z.latitude === 0 && z.longitude === 0),
  );
}

/** Loads the ZIP centroids; a no-op when the table already holds every row of the dataset. */
export async function seedPlaces(db: Kysely<DB>) {
  const rows = placeRows();
  const { n } = await db
    .selectFrom("places")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  if (Number(n) === rows.length) return;
  for (let start = 0; start < rows.length; start += 10_000) {
    const chunk = rows.slice(start, start + 10_000);
    await sql`
      insert into places (zip, city, state, latitude, longitude)
      select * from unnest(${chunk.map((r) => r.zip)}::text[], ${chunk.map((r) => r.city)}::text[],
        ${chunk.map((r) => r.state)}::text[], ${chunk.map((r) => r.latitude)}::float8[],
        ${chunk.map((r) => r.longitude)}::float8[])
      on conflict (zip) do update set city = excluded.city, state = excluded.state,
        latitude = excluded.latitude, longitude = excluded.longitude
    `.execute(db);
  }
  await sql`analyze places`.execute(db);
}
