import { type Kysely, sql } from "kysely";

// Search: ZIP/city centroids and the indexes /jobs, the feeds and the sitemap need.
// Every job index is partial on status = 'published': expired, closed and draft rows (80% of
// a mature table) are never searched, so they never cost index size or writes here.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("places")
    .addColumn("zip", "text", (c) => c.primaryKey().check(sql`zip ~ '^[0-9]{5}$'`))
    .addColumn("city", "text", (c) => c.notNull())
    .addColumn("state", "text", (c) => c.notNull().check(sql`state ~ '^[A-Z]{2}$'`))
    .addColumn("latitude", "double precision", (c) => c.notNull())
    .addColumn("longitude", "double precision", (c) => c.notNull())
    .execute();
  await sql`create index places_city_idx on places (lower(city), state)`.execute(db);

  // The initial full-table text indexes give way to partial ones over published jobs.
  await sql`drop index if exists jobs_search_idx`.execute(db);
  await sql`drop index if exists jobs_title_trgm_idx`.execute(db);
  await sql`create index jobs_open_search_idx on jobs using gin (search_vector) where status = 'published'`.execute(
    db,
  );
  await sql`create index jobs_open_title_trgm_idx on jobs using gin (title gin_trgm_ops) where status = 'published'`.execute(
    db,
  );
  await sql`create index companies_name_trgm_idx on companies using gin (name gin_trgm_ops)`.execute(
    db,
  );
  // Radius search: a built-in GiST box search on (longitude, latitude) narrows to a bounding
  // box, then the exact great-circle distance decides (decision 008).
  await sql`create index jobs_open_geo_idx on jobs using gist (point(longitude, latitude)) where status = 'published' and latitude is not null and longitude is not null`.execute(
    db,
  );
  // Pinned featured jobs, and the rest in date or salary order straight off an index.
  await sql`create index jobs_open_featured_idx on jobs (featured_until) where status = 'published' and featured_until is not null`.execute(
    db,
  );
  await sql`create index jobs_open_salary_idx on jobs (salary_max_annual desc nulls last, id desc) where status = 'published'`.execute(
    db,
  );
  // Feeds and sitemap walk open jobs by id; the included columns let the facet counts of a
  // broad search (no keyword) read this index alone instead of the wide job rows.
  await sql`create index jobs_open_id_idx on jobs (id) include (valid_through, setting, employment_type, level, featured_until, published_at, salary_max_annual, remote_states) where status = 'published'`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const index of [
    "jobs_open_id_idx",
    "jobs_open_salary_idx",
    "jobs_open_featured_idx",
    "jobs_open_geo_idx",
    "companies_name_trgm_idx",
    "jobs_open_title_trgm_idx",
    "jobs_open_search_idx",
  ]) {
    await sql`drop index if exists ${sql.id(index)}`.execute(db);
  }
  await sql`create index jobs_search_idx on jobs using gin (search_vector)`.execute(db);
  await sql`create index jobs_title_trgm_idx on jobs using gin (title gin_trgm_ops)`.execute(db);
  await db.schema.dropTable("places").ifExists().execute();
}
