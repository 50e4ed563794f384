// Job factory shared by the demo seed, the tests and the benchmark: realistic postings
// built from the templates in db/seed/content.ts.
import type { Faker } from "@faker-js/faker";
import type { Insertable } from "kysely";
import { slugify } from "../../app/utils/slug";
import { US_STATES } from "../../app/utils/us-states";
import {
  type DemoCity,
  demoCities,
  descriptionParagraphs,
  fillPlaceholders,
  type JobTemplate,
  jobTemplates,
} from "../../db/seed/content";
import { postingDetails } from "../../db/seed/postings";
import type { Jobs } from "../../db/types";

const DAY = 86_400_000;

/** A title that names a work setting names the job's own: no "Remote …" on an on-site job. */
export function titleAgreesWithSetting(title: string, setting: string) {
  if (/\bremote\b/i.test(title)) return setting === "remote";
  if (/\bon-?site\b/i.test(title)) return setting === "onsite";
  if (/\bhybrid\b/i.test(title)) return setting === "hybrid";
  return true;
}
export const JOB_LIFETIME_DAYS = 30;

type Level = "entry" | "mid" | "senior" | "lead";

/** The level a title states, if it states one. */
export function levelFromTitle(title: string): Level | null {
  if (/\b(lead|manager|educator)\b/i.test(title)) return "lead";
  if (/\b(senior|sr)\b|\bIII\b|auditor/i.test(title)) return "senior";
  if (/\bentry|CPC-A|apprentice/i.test(title) || /\bI$/.test(title)) return "entry";
  if (/\bII\b/.test(title)) return "mid";
  return null;
}

export type BuiltJob = {
  row: Omit<Insertable<Jobs>, "company_id">;
  template: JobTemplate;
  specialties: string[];
  credentials: { code: string; required: boolean }[];
};

export function buildJob(
  faker: Faker,
  options: {
    companyName: string;
    specialty?: string;
    extraSpecialties?: string[];
    now?: Date;
    postedDaysAgo?: number;
    featured?: boolean;
    status?: "published" | "draft";
  },
): BuiltJob {
  const now = options.now ?? new Date();
  const template =
    jobTemplates.find((t) => t.specialty === options.specialty) ??
    faker.helpers.arrayElement(jobTemplates);
  const details = postingDetails[template.specialty];
  if (!details) throw new Error(`no posting details written for ${template.specialty}`);
  // A function (audit, CDI) names the kind of work it audits: its role picks that specialty too.
  const role = details.roles?.length ? faker.helpers.arrayElement(details.roles) : null;
  const titleChoice = role?.title ?? faker.helpers.arrayElement(template.titles);
  const setting = faker.helpers.weightedArrayElement([
    { value: "remote" as const, weight: 55 },
    { value: "hybrid" as const, weight: 20 },
    { value: "onsite" as const, weight: 25 },
  ]);
  const employmentType = faker.helpers.weightedArrayElement([
    { value: "full_time" as const, weight: 70 },
    { value: "part_time" as const, weight: 8 },
    { value: "contract" as const, weight: 14 },
    { value: "per_diem" as const, weight: 4 },
    { value: "temporary" as const, weight: 4 },
  ]);
  // The title says the level when it can ("Senior", "Lead", "Coder I"); pay and years follow.
  const level =
    levelFromTitle(titleChoice) ??
    faker.helpers.weightedArrayElement([
      { value: "entry" as const, weight: 2 },
      { value: "mid" as const, weight: 5 },
      { value: "senior" as const, weight: 3 },
    ]);
  const years =
    { entry: 0, mid: 2, senior: 4, lead: 6 }[level] + faker.number.int({ min: 0, max: 2 });
  const city: DemoCity = faker.helpers.arrayElement(demoCities);
  const hourly = faker.datatype.boolean({ probability: 0.45 });
  const levelBoost = { entry: 0, mid: 1, senior: 2, lead: 3 }[level];
  const hasPay = faker.datatype.boolean({ probability: 0.8 });
  let salary: Pick<
    Insertable<Jobs>,
    "salary_period" | "salary_min_cents" | "salary_max_cents"
  > = {};
  if (hasPay) {
    if (hourly) {
      const min = faker.number.int({ min: 20 + levelBoost * 4, max: 26 + levelBoost * 5 });
      salary = {
        salary_period: "hour",
        salary_min_cents: min * 100 + faker.helpers.arrayElement([0, 0, 50]),
        salary_max_cents: (min + faker.number.int({ min: 3, max: 9 })) * 100,
      };
    } else {
      const min = faker.number.int({ min: 44 + levelBoost * 8, max: 54 + levelBoost * 9 }) * 1000;
      salary = {
        salary_period: "year",
        salary_min_cents: min * 100,
        salary_max_cents: (min + faker.number.int({ min: 6, max: 18 }) * 1000) * 100,
      };
    }
  }
  // Only a remote job may be titled "Remote …".
  const titleBase = titleChoice.replace(/^remote\s+/i, "");
  const title =
    setting === "remote" && faker.datatype.boolean({ probability: 0.5 })
      ? `Remote ${titleBase}`
      : titleBase;
  if (!titleAgreesWithSetting(title, setting))
    throw new Error(`the title “${title}” contradicts the job's setting (${setting})`);
  const entryCredential = /\bCPC-A\b/.test(title);
  const required = entryCredential
    ? ["CPC-A"]
    : template.credentials.required.slice(
        0,
        faker.number.int({ min: 1, max: template.credentials.required.length }),
      );
  const preferred = (entryCredential ? ["CPC"] : template.credentials.preferred).filter(
    (code) => !required.includes(code),
  );
  const values = {
    company: options.companyName,
    title,
    specialty: details.noun,
    source: faker.helpers.arrayElement(details.source),
    credentials: required.join(" or "),
    years: String(years),
  };
  const fill = (line: string) =>
    fillPlaceholders(line, values).replace(/\ba (\*\*[AEIOU])/g, "an $1");
  // Lines about remote work only in remote postings; on-site lines only on site.
  const fitsSetting = (line: string) =>
    setting === "remote"
      ? !/\bon-?site\b|hybrid/i.test(line)
      : !/remote(?! monitoring)|home office|internet/i.test(line);
  const bullets = (lines: string[]) => lines.map((line) => `- ${fill(line)}`).join("\n");
  const intro = faker.helpers.arrayElement(descriptionParagraphs.intro.filter(fitsSetting));
  const specialtyDuties = faker.helpers.arrayElements(
    [...(role?.duties ?? []), ...details.duties],
    { min: details.ownDutiesOnly ? 3 : 2, max: 3 },
  );
  const generalDuties = details.ownDutiesOnly
    ? []
    : faker.helpers.arrayElements(
        faker.helpers.arrayElement(descriptionParagraphs.responsibilities).filter(fitsSetting),
        { min: 2, max: 3 },
      );
  const codeLines = role ? role.codeLines : details.codeLines;
  const codeParagraph = codeLines.length
    ? faker.helpers
        .arrayElements(codeLines, { min: 1, max: Math.min(2, codeLines.length) })
        .join(" ")
    : null;
  const charts = template.chartsPerDay
    ? faker.number.int({ min: template.chartsPerDay[0], max: template.chartsPerDay[1] })
    : null;
  const accuracy = template.accuracyPct ?? null;
  const productivity =
    charts && accuracy
      ? `Once you are through training, expect about ${charts} charts a day at ${accuracy}% accuracy or better.`
      : accuracy
        ? `We hold our reviews to ${accuracy}% accuracy or better.`
        : null;
  const requirements = faker.helpers
    .arrayElement(descriptionParagraphs.requirements)
    .filter(fitsSetting)
    .map((line) =>
      entryCredential ? line.replace(/\{years\}\+? (or more )?years/, "Some") : line,
    );
  if (preferred.length) requirements.push(`${preferred.join(" or ")} a plus`);
  const settingLine = {
    remote: "This is a fully remote position; we ship your equipment before your first day.",
    hybrid: `This is a hybrid role: two days a week in our ${city.city} office, the rest from home.`,
    onsite: `This role is on site at our ${city.city}, ${city.state} location.`,
  }[setting];
  const description = [
    `${fill(intro)} The work comes from ${values.source}.`,
    "## What you will do",
    bullets([...specialtyDuties, ...generalDuties]),
    ...(codeParagraph ? [codeParagraph] : []),
    ...(productivity ? [productivity] : []),
    "## What you bring",
    bullets(requirements),
    "## Where you work",
    settingLine,
    "## Benefits",
    bullets(
      faker.helpers.arrayElements(
        faker.helpers.arrayElement(descriptionParagraphs.benefits).filter(fitsSetting),
        { min: 3, max: 5 },
      ),
    ),
  ].join("\n\n");

  const postedDaysAgo = options.postedDaysAgo ?? faker.number.float({ min: 0, max: 60 });
  const publishedAt = new Date(now.getTime() - postedDaysAgo * DAY);
  const validThrough = new Date(publishedAt.getTime() + JOB_LIFETIME_DAYS * DAY);
  const status = options.status ?? (validThrough > now ? "published" : "expired");
  const remoteStates =
    setting === "remote" && faker.datatype.boolean({ probability: 0.3 })
      ? faker.helpers.arrayElements(US_STATES, { min: 3, max: 12 }).sort()
      : [];
  const location =
    setting === "remote" && faker.datatype.boolean({ probability: 0.6 }) ? null : city;

  return {
    template,
    specialties: [template.specialty, ...(role?.also ?? []), ...(options.extraSpecialties ?? [])],
    credentials: [
      ...required.map((code) => ({ code, required: true })),
      ...preferred.map((code) => ({ code, required: false })),
    ],
    row: {
      title,
      slug: slugify(title, "job"),
      description,
      setting,
      employment_type: employmentType,
      level,
      years_experience: years,
      city: location?.city ?? null,
      state: location?.state ?? null,
      zip: location?.zip ?? null,
      latitude: location?.lat ?? null,
      longitude: location?.lng ?? null,
      remote_states: remoteStates,
      ...salary,
      charts_per_day: charts,
      accuracy_pct: accuracy,
      status,
      published_at: status === "draft" ? null : publishedAt,
      valid_through: status === "draft" ? null : validThrough,
      featured_until: options.featured && status !== "draft" ? validThrough : null,
      created_at: publishedAt,
      updated_at: publishedAt,
    },
  };
}

/** Inserts built jobs with their specialty and credential links; returns the new ids in order. */
export async function insertBuiltJobs(
  db: import("kysely").Kysely<import("../../db/types").DB>,
  items: { companyId: number; createdBy?: number | null; job: BuiltJob }[],
): Promise<number[]> {
  if (items.length === 0) return [];
  const specialtyIds = new Map(
    (await db.selectFrom("specialties").select(["id", "slug"]).execute()).map((r) => [
      r.slug,
      r.id,
    ]),
  );
  const credentialIds = new Map(
    (await db.selectFrom("credentials").select(["id", "code"]).execute()).map((r) => [
      r.code,
      r.id,
    ]),
  );
  const ids: number[] = [];
  for (let start = 0; start < items.length; start += 500) {
    const chunk = items.slice(start, start + 500);
    const rows = await db
      .insertInto("jobs")
      .values(
        chunk.map(({ companyId, createdBy, job }) => ({
          ...job.row,
          company_id: companyId,
          created_by: createdBy ?? null,
        })),
      )
      .returning("id")
      .execute();
    const links = chunk.flatMap(({ job }, i) =>
      [...new Set(job.specialties)].flatMap((slug) => {
        const specialtyId = specialtyIds.get(slug);
        return specialtyId
          ? [{ job_id: rows[i].id, specialty_id: specialtyId, source: "picked" as const }]
          : [];
      }),
    );
    if (links.length) await db.insertInto("job_specialties").values(links).execute();
    const creds = chunk.flatMap(({ job }, i) =>
      job.credentials.flatMap(({ code, required }) => {
        const credentialId = credentialIds.get(code);
        return credentialId ? [{ job_id: rows[i].id, credential_id: credentialId, required }] : [];
      }),
    );
    if (creds.length)
      await db
        .insertInto("job_credentials")
        .values(creds)
        .onConflict((oc) => oc.doNothing())
        .execute();
    ids.push(...rows.map((r) => r.id));
  }
  return ids;
}
