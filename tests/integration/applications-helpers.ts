// A small market for application tests: two companies, their people, coders and an operator.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { en, Faker } from "@faker-js/faker";
import { getDb } from "../../app/utils/db.server";
import { initEnv } from "../../app/utils/env.server";
import { multipartPost, tinyPdf } from "../factories/files";
import { buildJob, insertBuiltJobs } from "../factories/jobs";
import { createUser } from "../factories/users";
import { call } from "../routes";

/** Points file storage at a fresh temp folder for this test file. */
export function useTempUploads() {
  const dir = mkdtempSync(path.join(tmpdir(), "medcode-uploads-"));
  process.env.UPLOADS_DIR = dir;
  process.env.S3_BUCKET = "";
  initEnv();
  return dir;
}

const faker = new Faker({ locale: [en], seed: 6 });

export async function createJob(
  companyId: number,
  options: {
    questions?: { kind: "yes_no" | "text"; prompt: string; required?: boolean }[];
    applyMethod?: "site" | "url" | "email";
  } = {},
) {
  const built = buildJob(faker, { companyName: "Test Co", postedDaysAgo: 1, status: "published" });
  const [jobId] = await insertBuiltJobs(getDb(), [{ companyId, job: built }]);
  if (options.applyMethod && options.applyMethod !== "site") {
    await getDb()
      .updateTable("jobs")
      .set({
        apply_method: options.applyMethod,
        apply_url: "https://careers.example.com/apply?id=9",
        apply_email: "jobs@example.com",
      })
      .where("id", "=", jobId)
      .execute();
  }
  const questions = [];
  for (const [i, q] of (options.questions ?? []).entries()) {
    questions.push(
      await getDb()
        .insertInto("job_questions")
        .values({
          job_id: jobId,
          position: i + 1,
          kind: q.kind,
          prompt: q.prompt,
          required: q.required ?? true,
        })
        .returning(["id", "kind"])
        .executeTakeFirstOrThrow(),
    );
  }
  return { jobId, questions, title: built.row.title };
}

export async function createMarket() {
  const ownerX = await createUser({ role: "employer" });
  const recruiterX = await createUser({
    role: "employer",
    company: { id: ownerX.companyId!, role: "recruiter" },
  });
  const memberY = await createUser({ role: "employer" });
  const coderA = await createUser({ role: "candidate", name: "Ana Coder" });
  const coderB = await createUser({ role: "candidate", name: "Ben Coder" });
  const operator = await createUser({ role: "admin" });
  return {
    ownerX,
    recruiterX,
    memberY,
    coderA,
    coderB,
    operator,
    companyX: ownerX.companyId!,
    companyY: memberY.companyId!,
  };
}

/** Applies through the real route action with a fresh PDF upload; returns the outcome. */
export async function applyWithUpload(
  applyAction: Parameters<typeof call>[0],
  jobId: number,
  cookie: string | undefined,
  fields: Record<string, string | string[]> = {},
  file: { name: string; bytes: Uint8Array } = { name: "resume.pdf", bytes: tinyPdf() },
) {
  return call(
    applyAction,
    multipartPost(
      `/jobs/${jobId}/apply`,
      { resumeFile: "new", ...fields },
      { resume: file },
      cookie,
    ),
    { id: String(jobId) },
  );
}

export async function applicationOf(jobId: number, candidateId: number) {
  return getDb()
    .selectFrom("applications")
    .selectAll()
    .where("job_id", "=", jobId)
    .where("candidate_id", "=", candidateId)
    .executeTakeFirst();
}
