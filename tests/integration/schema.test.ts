// What the schema guarantees on its own: foreign keys a delete follows are indexed, and a
// row's company always agrees with its job's (decision 027).
import { en, Faker } from "@faker-js/faker";
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { getDb } from "../../app/utils/db.server";
import { buildJob, insertBuiltJobs } from "../factories/jobs";
import { createUser } from "../factories/users";

// Foreign keys without an index of their own, each with the reason it needs none. A new
// foreign key without an index fails the test until it gets one or a line here.
const UNINDEXED: Record<string, string> = {
  "users.suspended_by": "set by operators only; deleting an operator's account is rare",
  "companies.suspended_by": "set by operators only",
  "companies.verified_by": "set by operators only",
  "orders.refund_requested_by": "set by operators only",
  "job_reviews.decided_by": "set by operators only",
  "reports.resolved_by": "set by operators only",
  "company_verifications.decided_by": "set by operators only",
  "candidate_credentials.verified_by": "set by operators only",
  "spam_rules.created_by": "a few dozen rows, written by operators",
  "spam_settings.updated_by": "one row",
  "orders.plan_code": "plans are a handful of rows and are never deleted",
  "code_specialties.specialty_id": "reference data, rewritten only by the seed",
  "code_range_specialties.specialty_id": "reference data, rewritten only by the seed",
  "credential_specialties.specialty_id": "reference data, rewritten only by the seed",
  "job_search.facet_key": "facet_keys rows are never deleted; counts join from facet_keys",
};

describe("the schema", () => {
  it("indexes every foreign key a delete or a query follows, or says why not", async () => {
    const { rows } = await sql<{ key: string }>`
      select c.conrelid::regclass::text || '.' || a.attname as key
        from pg_constraint c
        join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
       where c.contype = 'f' and c.connamespace = 'public'::regnamespace
         and not exists (
           select 1 from pg_index i
            where i.indrelid = c.conrelid and i.indkey[0] = c.conkey[1])
       order by 1`.execute(getDb());
    const missing = rows.map((r) => r.key).filter((key) => !(key in UNINDEXED));
    expect(missing).toEqual([]);
    // A line here for a key that has an index now is stale: remove it.
    const stale = Object.keys(UNINDEXED).filter((key) => !rows.some((r) => r.key === key));
    expect(stale).toEqual([]);
  });

  it("refuses an application or a note whose company is not its job's", async () => {
    const faker = new Faker({ locale: [en], seed: 27 });
    const owner = await createUser({ role: "employer" });
    const other = await createUser({ role: "employer" });
    const coder = await createUser({ role: "candidate" });
    const db = getDb();
    const [jobId] = await insertBuiltJobs(db, [
      {
        companyId: owner.companyId!,
        job: buildJob(faker, { companyName: "Acme", postedDaysAgo: 1 }),
      },
    ]);
    const application = (company: number) =>
      db
        .insertInto("applications")
        .values({ job_id: jobId, company_id: company, candidate_id: coder.id })
        .returning("id")
        .executeTakeFirstOrThrow();
    await expect(application(other.companyId!)).rejects.toThrow(/applications_job_company_fkey/);
    const { id } = await application(owner.companyId!);
    await expect(
      db
        .insertInto("application_notes")
        .values({
          application_id: id,
          company_id: other.companyId!,
          author_id: other.id,
          author_name: "Other recruiter",
          body: "x",
        })
        .execute(),
    ).rejects.toThrow(/application_notes_application_company_fkey/);
  });
});
