// The audit log: every operator action and every change an employer makes to a live job.
// Rows are only ever inserted (a trigger refuses UPDATE and DELETE); the writer runs in the
// caller's transaction, so an action and its record commit together.
import { type Kysely, sql } from "kysely";
import type { DB } from "#db/types";
import { getDb } from "~/utils/db.server";

export type Actor = { id: number | null; name: string; role: string };

/** The command line (npm run admin:grant) as an actor. */
export const COMMAND_LINE: Actor = { id: null, name: "command line", role: "system" };

export type AuditEntry = {
  actor: Actor;
  action: string;
  subject: { type: string; id: number | null };
  companyId?: number | null;
  before?: unknown;
  after?: unknown;
  note?: string | null;
};

const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));

export async function recordAudit(db: Kysely<DB>, entry: AuditEntry) {
  await db
    .insertInto("audit_log")
    .values({
      actor_id: entry.actor.id,
      actor_name: entry.actor.name,
      actor_role: entry.actor.role,
      action: entry.action,
      subject_type: entry.subject.type,
      subject_id: entry.subject.id,
      company_id: entry.companyId ?? null,
      before: json(entry.before),
      after: json(entry.after),
      note: entry.note ?? null,
    })
    .execute();
}

export type AuditFilters = {
  action?: string;
  subjectType?: string;
  subjectId?: number;
  companyId?: number;
  actor?: string;
  from?: string;
  to?: string;
  before?: number;
};

export const AUDIT_PAGE_SIZE = 50;

/** Newest first, filtered; `before` pages on by id (keyset, stable while rows arrive). */
export async function listAudit(filters: AuditFilters) {
  let query = getDb()
    .selectFrom("audit_log")
    .select([
      "id",
      "actor_id",
      "actor_name",
      "actor_role",
      "action",
      "subject_type",
      "subject_id",
      "company_id",
      "before",
      "after",
      "note",
      "created_at",
    ])
    .orderBy("id", "desc")
    .limit(AUDIT_PAGE_SIZE + 1);
  if (filters.action) query = query.where("action", "=", filters.action);
  if (filters.subjectType) query = query.where("subject_type", "=", filters.subjectType);
  if (filters.subjectId) query = query.where("subject_id", "=", filters.subjectId);
  if (filters.companyId) query = query.where("company_id", "=", filters.companyId);
  if (filters.actor) {
    const actor = filters.actor;
    query = /^\d+$/.test(actor)
      ? query.where("actor_id", "=", Number(actor))
      : query.where("actor_name", "ilike", `%${actor.replace(/[\\%_]/g, "\\$&")}%`);
  }
  if (filters.from) query = query.where("created_at", ">=", sql<Date>`${filters.from}::date`);
  if (filters.to)
    query = query.where("created_at", "<", sql<Date>`${filters.to}::date + interval '1 day'`);
  if (filters.before) query = query.where("id", "<", String(filters.before));
  const rows = await query.execute();
  const more = rows.length > AUDIT_PAGE_SIZE;
  const page = rows.slice(0, AUDIT_PAGE_SIZE);
  return { rows: page, nextBefore: more ? Number(page[page.length - 1].id) : null };
}
