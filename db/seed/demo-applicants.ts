// Applicants for the demo employer at every stage of the pipeline, so a newcomer sees the
// board, notes and timelines without running the whole loop first.
import type { Faker } from "@faker-js/faker";
import type { Kysely } from "kysely";
import { type EMPLOYER_STATUSES, PIPELINE } from "../../app/applications/applications-schemas";
import { storeResume } from "../../app/files/files.server";
import { tinyPdf } from "../../tests/factories/files";
import type { DB } from "../types";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** How many demo applicants sit in each stage. */
const STAGES: Record<(typeof EMPLOYER_STATUSES)[number], number> = {
  new: 4,
  reviewing: 3,
  interview: 2,
  offer: 1,
  hired: 1,
  rejected: 2,
};

const NOTES = [
  "Strong E/M audit results on the sample charts; schedule with the coding manager.",
  "Asked about weekend coverage: fine with every other Saturday.",
  "CRC verified in the AAPC directory.",
  "Salary expectation within the posted range.",
];

const CREDENTIAL_SETS = [
  ["CPC"],
  ["CPC", "CRC"],
  ["CCS"],
  ["CPC", "COC"],
  ["RHIT", "CCS"],
  ["CRC"],
];

export async function seedDemoApplicants(
  trx: Kysely<DB>,
  {
    faker,
    companyId,
    employer,
    operatorId,
    passwordHash,
    now,
  }: {
    faker: Faker;
    companyId: number;
    employer: { id: number; name: string };
    /** Who checked the credentials that show as verified. */
    operatorId: number;
    passwordHash: string;
    now: Date;
  },
) {
  const jobs = await trx
    .selectFrom("jobs")
    .select(["id", "title"])
    .where("company_id", "=", companyId)
    .where("status", "=", "published")
    .where("valid_through", ">", now)
    .where("apply_method", "=", "site")
    .orderBy("published_at", "desc")
    .limit(3)
    .execute();
  if (jobs.length === 0) return 0;
  const stages = Object.entries(STAGES).flatMap(([stage, n]) =>
    Array.from({ length: n }, () => stage as keyof typeof STAGES),
  );
  let count = 0;
  for (const [index, stage] of stages.entries()) {
    const job = jobs[index % jobs.length];
    const first = faker.person.firstName();
    const last = faker.person.lastName();
    const name = `${first} ${last}`;
    const credentials = CREDENTIAL_SETS[index % CREDENTIAL_SETS.length];
    const years = faker.number.int({ min: 1, max: 12 });
    const city = faker.helpers.arrayElement([
      ["Columbus", "OH"],
      ["Atlanta", "GA"],
      ["Denver", "CO"],
      ["Phoenix", "AZ"],
      ["Raleigh", "NC"],
    ]);
    const user = await trx
      .insertInto("users")
      .values({
        email: `applicant${index + 1}@example.com`,
        name,
        role: "candidate",
        password_hash: passwordHash,
        email_verified_at: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx
      .insertInto("candidate_profiles")
      .values({
        user_id: user.id,
        headline: `${credentials.join(", ")} coder, ${years} years`,
        years_experience: years,
        city: city[0],
        state: city[1],
        setting_preference: "remote",
      })
      .execute();
    // Every other applicant's first credential has been checked, so the list shows both.
    const held = await trx
      .selectFrom("credentials")
      .select(["id", "code"])
      .where("code", "in", credentials)
      .execute();
    await trx
      .insertInto("candidate_credentials")
      .values(
        held.map((c) => ({
          user_id: user.id,
          credential_id: c.id,
          member_number: String(faker.number.int({ min: 10_000_000, max: 99_999_999 })),
          expires_on: new Date(now.getTime() + faker.number.int({ min: 60, max: 700 }) * DAY),
          ...(index % 2 === 0 && c.code === credentials[0]
            ? {
                verified_at: now,
                verified_by: operatorId,
                verification_method: "issuer_directory",
                verification_note: "Demo data: not a real member number.",
              }
            : {}),
        })),
      )
      .execute();
    const stored = await storeResume(
      {
        userId: user.id,
        name: `${first} ${last} resume.pdf`,
        bytes: tinyPdf(`${name}, ${credentials.join(", ")}`),
      },
      trx,
    );
    if (!stored.ok) throw new Error(stored.message);
    const appliedAt = new Date(now.getTime() - (2 + index * 7) * HOUR);
    const application = await trx
      .insertInto("applications")
      .values({
        job_id: job.id,
        company_id: companyId,
        candidate_id: user.id,
        candidate_name: name,
        candidate_email: `applicant${index + 1}@example.com`,
        headline: `${credentials.join(", ")} coder, ${years} years`,
        years_experience: years,
        location: `${city[0]}, ${city[1]}`,
        cover_letter:
          index % 2 === 0
            ? `I have coded ${faker.helpers.arrayElement(["E/M", "outpatient surgery", "HCC risk adjustment", "inpatient DRG"])} charts for ${years} years and keep my accuracy above 95%.`
            : null,
        credential_codes: credentials,
        resume_file_id: stored.file.id,
        status: stage,
        created_at: appliedAt,
        updated_at: appliedAt,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    // The path the application took: sent, then each move the employer made.
    const path: string[] =
      stage === "rejected"
        ? ["new", "reviewing", "rejected"]
        : PIPELINE.slice(0, PIPELINE.indexOf(stage as (typeof PIPELINE)[number]) + 1);
    await trx
      .insertInto("application_events")
      .values(
        path.map((to, step) => ({
          application_id: application.id,
          actor_id: step === 0 ? user.id : employer.id,
          actor_kind: step === 0 ? ("candidate" as const) : ("employer" as const),
          actor_name: step === 0 ? name : employer.name,
          from_status: step === 0 ? null : path[step - 1],
          to_status: to,
          created_at: new Date(appliedAt.getTime() + step * HOUR),
        })),
      )
      .execute();
    if (path.length > 2) {
      await trx
        .insertInto("application_notes")
        .values({
          application_id: application.id,
          company_id: companyId,
          author_id: employer.id,
          author_name: employer.name,
          body: NOTES[index % NOTES.length],
          created_at: new Date(appliedAt.getTime() + HOUR),
        })
        .execute();
    }
    count++;
  }
  return count;
}
