// Who is asking. Every loader, action and resource route calls the guard it needs itself:
// Remix runs loaders in parallel, so a parent layout's check protects no child.
import { data, redirect } from "@remix-run/node";
import { sql } from "kysely";
import { getDb } from "~/utils/db.server";
import { invariantResponse, parseId } from "~/utils/http";
import {
  readSessionToken,
  type SessionValidationResult,
  validateSessionToken,
} from "./session.server";

const cache = new WeakMap<Request, Promise<SessionValidationResult>>();

export function getAuth(request: Request): Promise<SessionValidationResult> {
  let result = cache.get(request);
  if (!result) {
    const token = readSessionToken(request);
    result = token ? validateSessionToken(token) : Promise.resolve({ session: null, user: null });
    cache.set(request, result);
  }
  return result;
}

export async function getUser(request: Request) {
  return (await getAuth(request)).user;
}

function loginRedirect(request: Request) {
  const url = new URL(request.url);
  const back = `${url.pathname}${url.search}`;
  return redirect(`/login?${new URLSearchParams({ redirectTo: back })}`);
}

export async function requireUser(request: Request) {
  const auth = await getAuth(request);
  if (!auth.user) throw loginRedirect(request);
  return auth.user;
}

export async function requireSession(request: Request) {
  const auth = await getAuth(request);
  if (!auth.session) throw loginRedirect(request);
  return auth;
}

export async function requireAnonymous(request: Request) {
  if (await getUser(request)) throw redirect("/");
}

export async function requireCandidate(request: Request) {
  const user = await requireUser(request);
  if (user.role !== "candidate")
    throw data("This page is for job seekers' accounts.", { status: 403 });
  return user;
}

export async function requireAdmin(request: Request) {
  const user = await requireUser(request);
  if (user.role !== "admin") throw data("This page is for operators only.", { status: 403 });
  return user;
}

/** 127.0.0.0/8 and ::1, also as IPv4-mapped IPv6 (how a dual-stack socket reports 127.0.0.1). */
export function isLoopbackAddress(address: string) {
  const v4 = address.startsWith("::ffff:") ? address.slice(7) : address;
  return v4 === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}

/**
 * The local stand-ins under /dev (captured emails with their reset links, test checkout):
 * a client on this very machine, told by the socket's address and never by a header, or a
 * signed-in operator. Callers still check that the stand-in is enabled (never in production).
 */
export async function requireDevAccess(request: Request, context: { socketAddress: string }) {
  if (isLoopbackAddress(context.socketAddress)) return;
  await requireAdmin(request);
}

/** An employer and the company they act for; membership is read on every request. */
export async function requireEmployer(request: Request, { role }: { role?: "owner" } = {}) {
  const user = await requireUser(request);
  if (user.role !== "employer") throw data("This page is for employer accounts.", { status: 403 });
  const membership = await getDb()
    .selectFrom("company_members")
    .innerJoin("companies", "companies.id", "company_members.company_id")
    .select([
      "companies.id",
      "companies.name",
      "companies.slug",
      "companies.suspended_at",
      "companies.suspended_reason",
      "company_members.role",
    ])
    .where("company_members.user_id", "=", user.id)
    .orderBy(sql`company_members.role = 'owner'`, "desc")
    .orderBy("company_members.created_at")
    .executeTakeFirst();
  if (!membership) throw data("Your account is not a member of any company.", { status: 403 });
  if (membership.suspended_at)
    throw data(
      `${membership.name}'s account on MedCode Jobs is suspended${membership.suspended_reason ? `: ${membership.suspended_reason}` : "."}`,
      { status: 403 },
    );
  if (role === "owner" && membership.role !== "owner") {
    throw data("Only company owners can do this.", { status: 403 });
  }
  const {
    role: memberRole,
    suspended_at: _suspendedAt,
    suspended_reason: _suspendedReason,
    ...company
  } = membership;
  return { user, company, role: memberRole as "owner" | "recruiter" };
}

/**
 * The signed-in employer and one job of their company, named by the route's `:id`, or a 404
 * (another company's job answers exactly like one that does not exist). Removed jobs count
 * as gone unless `removed: true`.
 */
export async function requireCompanyJob(
  request: Request,
  params: { id?: string },
  { removed = false }: { removed?: boolean } = {},
) {
  const employer = await requireEmployer(request);
  const jobId = parseId(params.id);
  const job = jobId
    ? await getDb()
        .selectFrom("jobs")
        .select(["id", "title", "slug", "status", "apply_method"])
        .where("id", "=", jobId)
        .where("company_id", "=", employer.company.id)
        .executeTakeFirst()
    : undefined;
  invariantResponse(job && (removed || job.status !== "removed"), "This job does not exist.");
  return { ...employer, job };
}
