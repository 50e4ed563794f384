// Shared by the back-office tests: employers whose jobs are paid for through the real
// webhook path, an operator, and where a job can be seen by the public.

import * as webhook from "../../app/routes/api.webhooks.stripe";
import { loader as indeedLoader } from "../../app/routes/feeds.indeed[.]xml";
import { loader as rssLoader } from "../../app/routes/feeds.jobs[.]rss";
import { loader as searchLoader } from "../../app/routes/jobs._index";
import { loader as jobPage } from "../../app/routes/jobs.$id.$slug";
import { loader as sitemapLoader } from "../../app/routes/sitemap[.]xml";
import { getDb } from "../../app/utils/db.server";
import { initEnv } from "../../app/utils/env.server";
import { createUser } from "../factories/users";
import { call, testContext } from "../routes";
import { insertDraft, insertOrder, sessionEvent, signedRequest } from "./billing-helpers";

let counter = 0;

/** A one-word marker nobody else's job contains, so a search finds exactly this job. */
export function uniqueWord() {
  counter += 1;
  return `Qzx${process.pid.toString(36)}${counter}${Math.random().toString(36).slice(2, 6)}`;
}

/** An employer (verified company unless told otherwise) with a draft titled with a marker. */
export async function employerWithJob(options: { verified?: boolean; description?: string } = {}) {
  const employer = await createUser({
    role: "employer",
    companyVerified: options.verified ?? true,
  });
  const word = uniqueWord();
  const jobId = await insertDraft(employer.companyId!, employer.id, `${word} Remote CPC Coder`);
  if (options.description) {
    await getDb()
      .updateTable("jobs")
      .set({ description: options.description })
      .where("id", "=", jobId)
      .execute();
  }
  return { employer, jobId, word };
}

/**
 * Pays as Stripe would (a signed checkout.session.completed): the job's Standard plan, or
 * with `jobId` null and a bundle plan, post credits.
 */
export async function payFor(
  employer: { id: number; companyId: number | null },
  jobId: number | null,
  options: { planCode?: string; amountCents?: number } = {},
) {
  const orderId = await insertOrder({
    companyId: employer.companyId!,
    userId: employer.id,
    jobId,
    planCode: options.planCode,
    purpose: jobId ? "publish" : "credits",
    amountCents: options.amountCents,
  });
  const outcome = await call(
    webhook.action,
    signedRequest(
      sessionEvent(
        "checkout.session.completed",
        { id: orderId, jobId },
        { amount_subtotal: options.amountCents ?? 9900, amount_total: options.amountCents ?? 9900 },
      ),
    ),
  );
  if (outcome.status !== 200) throw new Error(`webhook answered ${outcome.status}`);
  const { status } = await getDb()
    .selectFrom("orders")
    .select("status")
    .where("id", "=", orderId)
    .executeTakeFirstOrThrow();
  if (status !== "paid") throw new Error(`order ${orderId} is ${status} after the webhook`);
  return orderId;
}

export async function operator() {
  return createUser({ role: "admin", name: `Operator ${uniqueWord()}` });
}

export async function jobState(jobId: number) {
  return getDb()
    .selectFrom("jobs")
    .select(["status", "published_at", "valid_through", "featured_until", "held_since", "slug"])
    .where("id", "=", jobId)
    .executeTakeFirstOrThrow();
}

/**
 * Where the public meets a job: search (by its marker word), the RSS and Indeed feeds, the
 * sitemap, and its own page.
 */
export async function publicPresence(jobId: number, word: string) {
  const { slug } = await jobState(jobId);
  const request = (path: string) => new Request(`http://localhost${path}`);
  const search = await call(searchLoader as never, request(`/jobs?q=${word}`));
  const jobs = (search.body as { jobs: { id: number }[] }).jobs;
  const rss = await (
    await rssLoader({
      request: request("/feeds/jobs.rss?sort=date"),
      params: {},
      context: testContext,
    })
  ).text();
  const indeed = await (await indeedLoader()).text();
  const sitemap = await (await sitemapLoader()).text();
  const page = await call(jobPage as never, request(`/jobs/${jobId}/${slug}`), {
    id: String(jobId),
    slug,
  });
  const url = `/jobs/${jobId}/${slug}`;
  return {
    search: jobs.some((j) => j.id === jobId),
    rss: rss.includes(url),
    indeed: indeed.includes(`MCJ-${jobId}<`) || indeed.includes(url),
    sitemap: sitemap.includes(url),
    page: page.status,
  };
}

export const everywhere = { search: true, rss: true, indeed: true, sitemap: true, page: 200 };
export const nowhere = { search: false, rss: false, indeed: false, sitemap: false, page: 404 };

/** Runs `fn` with MODERATION set, then restores the default. */
export async function withModeration<T>(
  value: "off" | "new-companies" | "all",
  fn: () => Promise<T>,
) {
  process.env.MODERATION = value;
  initEnv();
  try {
    return await fn();
  } finally {
    delete process.env.MODERATION;
    initEnv();
  }
}

export async function auditRows(subject: { type: string; id: number }) {
  return getDb()
    .selectFrom("audit_log")
    .select(["action", "actor_id", "actor_role", "company_id", "before", "after", "note"])
    .where("subject_type", "=", subject.type)
    .where("subject_id", "=", subject.id)
    .orderBy("id")
    .execute();
}

export async function emailsTo(address: string, template: string) {
  return getDb()
    .selectFrom("emails")
    .select(["subject", "text", "dedupe_key"])
    .where("to_address", "=", address)
    .where("template", "=", template)
    .orderBy("id")
    .execute();
}
