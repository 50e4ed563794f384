import { type Kysely, sql } from "kysely";

// Two things the schema now guarantees instead of the code (docs/decisions/027-schema-integrity.md):
// 1. A row's company_id always agrees with its job's (or its application's): every employer
//    access check filters by company_id, so a disagreeing row would show one company's
//    applicant to another. Composite foreign keys make such a row impossible.
// 2. Every foreign key that a delete or a hot query follows has an index, so deleting an
//    account, a draft or a file does not scan whole tables. Those left without one are
//    listed, with the reason, in tests/integration/schema.test.ts.

const INDEXES: [table: string, column: string][] = [
  ["candidate_profiles", "default_resume_file_id"],
  ["saved_jobs", "job_id"],
  ["jobs", "created_by"],
  ["orders", "user_id"],
  ["credit_uses", "job_id"],
  ["credit_uses", "user_id"],
  ["stripe_events", "order_id"],
  ["application_events", "actor_id"],
  ["application_notes", "author_id"],
  ["application_notes", "company_id"],
  ["job_reviews", "credit_use_id"],
  ["reports", "reporter_user_id"],
  ["team_invites", "invited_by"],
  ["company_verifications", "requested_by"],
];

const indexName = (table: string, column: string) => `${table}_${column}_fk_idx`;

export async function up(db: Kysely<any>): Promise<void> {
  // The worker's hourly retention deletes expired sessions by this.
  await sql`create index sessions_expires_idx on sessions (expires_at)`.execute(db);
  for (const [table, column] of INDEXES) {
    await sql`create index ${sql.id(indexName(table, column))} on ${sql.id(table)} (${sql.id(column)}) where ${sql.id(column)} is not null`.execute(
      db,
    );
  }

  await sql`alter table jobs add constraint jobs_id_company_key unique (id, company_id)`.execute(
    db,
  );
  await sql`alter table applications add constraint applications_id_company_key unique (id, company_id)`.execute(
    db,
  );
  await sql`alter table applications add constraint applications_job_company_fkey
    foreign key (job_id, company_id) references jobs (id, company_id) on delete cascade`.execute(
    db,
  );
  await sql`alter table application_notes add constraint application_notes_application_company_fkey
    foreign key (application_id, company_id) references applications (id, company_id) on delete cascade`.execute(
    db,
  );
  await sql`alter table job_reviews add constraint job_reviews_job_company_fkey
    foreign key (job_id, company_id) references jobs (id, company_id) on delete cascade`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table job_reviews drop constraint job_reviews_job_company_fkey`.execute(db);
  await sql`alter table application_notes drop constraint application_notes_application_company_fkey`.execute(
    db,
  );
  await sql`alter table applications drop constraint applications_job_company_fkey`.execute(db);
  await sql`alter table applications drop constraint applications_id_company_key`.execute(db);
  await sql`alter table jobs drop constraint jobs_id_company_key`.execute(db);
  await sql`drop index sessions_expires_idx`.execute(db);
  for (const [table, column] of INDEXES) {
    await sql`drop index ${sql.id(indexName(table, column))}`.execute(db);
  }
}
