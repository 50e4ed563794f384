// One definition of "this job matches these filters": for random filters and random jobs, a
// job is in an alert's matches (instant path and digest path) if and only if the /jobs search
// with the same filters, run at that moment, returns it. The one documented difference: when
// /jobs finds nothing and falls back to similar titles (typos), an alert matches nothing.
import fc from "fast-check";
import { beforeAll, expect, it } from "vitest";
import { matchInstantAlerts, runDueDigests } from "../../app/alerts/matching.server";
import { searchJobs } from "../../app/search/search.server";
import { parseSearchParams, toSearchParams } from "../../app/search/search-schemas";
import { getDb } from "../../app/utils/db.server";
import {
  createAlert,
  createCompany,
  insertJobs,
  type JobSpec,
  nextLocalTime,
} from "./alerts-helpers";

const DAY = 86_400_000;
// Columbus, OH (ZIP 43215) and points due north of it at a known distance in miles.
const COLUMBUS = { lat: 39.9671, lng: -83.0044 };
const SPECIALTIES = [
  "cardiology",
  "risk-adjustment-hcc",
  "inpatient-facility",
  "emergency-department",
];
const CREDENTIALS = ["CPC", "CCS", "CRC", "RHIT"];
const TITLE_WORDS = [
  "Cardiology",
  "Risk Adjustment",
  "Inpatient",
  "Remote",
  "Pain Management",
  "Auditor",
];

let companies: { id: number; slug: string }[];

beforeAll(async () => {
  companies = [await createCompany("Acme Health Coding"), await createCompany("Zenith Billing")];
});

const jobArbitrary = fc.record({
  words: fc.subarray(TITLE_WORDS, { minLength: 1, maxLength: 3 }),
  setting: fc.constantFrom("remote", "hybrid", "onsite"),
  employment_type: fc.constantFrom("full_time", "part_time", "contract"),
  level: fc.constantFrom("entry", "mid", "senior"),
  pay: fc.option(
    fc.record({
      period: fc.constantFrom("year", "hour"),
      min: fc.integer({ min: 20, max: 80 }),
    }),
  ),
  miles: fc.option(fc.integer({ min: 0, max: 120 })),
  remoteStates: fc.constantFrom([], ["OH"], ["TX", "PA"]),
  specialties: fc.subarray(SPECIALTIES, { maxLength: 2 }),
  credentials: fc.subarray(CREDENTIALS, { maxLength: 2 }),
  company: fc.integer({ min: 0, max: 1 }),
  daysAgo: fc.integer({ min: 0, max: 12 }),
});

const filterArbitrary = fc.record({
  q: fc.constantFrom(
    "",
    "",
    "coder",
    "cardiology",
    "risk adjustment",
    "inpatient -remote",
    '"pain management"',
    "auditor or cardiology",
    "cardiolgy",
    "zzzunmatched",
  ),
  specialty: fc.subarray(SPECIALTIES, { maxLength: 2 }),
  credential: fc.subarray(CREDENTIALS, { maxLength: 2 }),
  setting: fc.subarray(["remote", "hybrid", "onsite"], { maxLength: 2 }),
  type: fc.subarray(["full_time", "contract"], { maxLength: 1 }),
  level: fc.subarray(["mid", "senior"], { maxLength: 1 }),
  salaryMin: fc.option(fc.constantFrom(50_000, 60_000, 100_000)),
  location: fc.constantFrom("", "", "43215"),
  radius: fc.constantFrom(10, 25, 50, 100),
  posted: fc.option(fc.constantFrom(1, 7)),
  company: fc.option(fc.integer({ min: 0, max: 1 })),
});

type JobInput = typeof jobArbitrary extends fc.Arbitrary<infer T> ? T : never;

function toSpec(job: JobInput, i: number): JobSpec & { companyIndex: number } {
  const near = job.miles != null && job.setting !== "remote";
  return {
    title: `${job.words.join(" ")} Coder ${i}`,
    setting: job.setting,
    employment_type: job.employment_type,
    level: job.level,
    salary_period: job.pay?.period ?? null,
    salary_min_cents: job.pay ? job.pay.min * (job.pay.period === "year" ? 100_000 : 100) : null,
    salary_max_cents: job.pay
      ? (job.pay.min + 10) * (job.pay.period === "year" ? 100_000 : 100)
      : null,
    latitude: near ? COLUMBUS.lat + (job.miles ?? 0) / 69.05 : null,
    longitude: near ? COLUMBUS.lng : null,
    city: near ? "Columbus" : null,
    state: near ? "OH" : null,
    remote_states: job.setting === "remote" ? [...job.remoteStates] : [],
    specialties: job.specialties,
    credentials: job.credentials,
    published_at: new Date(Date.now() - job.daysAgo * DAY - 60_000),
    // New to alerts: inside every digest's window.
    firstPublishedAt: new Date(Date.now() - 60_000),
    companyIndex: job.company,
  };
}

it("an alert matches a job exactly when the same /jobs search returns it", async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(jobArbitrary, { minLength: 1, maxLength: 8 }),
      filterArbitrary,
      async (jobs, f) => {
        const db = getDb();
        await db.updateTable("jobs").set({ status: "closed" }).execute();
        await db.deleteFrom("alerts").execute();
        await db.deleteFrom("emails").execute();
        const specs = jobs.map(toSpec);
        const jobIds: number[] = [];
        for (const [index, company] of companies.entries()) {
          const mine = specs.filter((s) => s.companyIndex === index);
          jobIds.push(
            ...(await insertJobs(
              company.id,
              mine.map(({ companyIndex: _, ...s }) => s),
            )),
          );
        }

        const query = toSearchParams({
          ...f,
          setting: f.setting as ("remote" | "hybrid" | "onsite")[],
          type: f.type as ("full_time" | "contract")[],
          level: f.level as ("mid" | "senior")[],
          company: f.company == null ? "" : companies[f.company].slug,
        });
        const { filters } = parseSearchParams(query);
        const result = await searchJobs(filters, { pageSize: 100 });
        const expected = result.search.fuzzy ? [] : result.jobs.map((j) => j.id).sort();

        const instant = await createAlert({ query: query.toString(), frequency: "instant" });
        const daily = await createAlert({
          query: query.toString(),
          frequency: "daily",
          email: "daily@example.com",
        });
        await db.transaction().execute((trx) => matchInstantAlerts(trx, jobIds));
        await runDueDigests({ now: nextLocalTime("America/New_York", 7, 30) });
        const delivered = async (alertId: number) =>
          (
            await db
              .selectFrom("alert_deliveries")
              .select("job_id")
              .where("alert_id", "=", alertId)
              .execute()
          )
            .map((row) => row.job_id)
            .sort();
        expect(await delivered(instant.id)).toEqual(expected);
        expect(await delivered(daily.id)).toEqual(expected);
      },
    ),
    { numRuns: 60, seed: 20261201 },
  );
}, 120_000);
