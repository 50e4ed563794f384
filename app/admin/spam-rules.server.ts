// The spam rules as data: blocked domains and phrases, and the detectors' settings.
import type { Kysely } from "kysely";
import type { DB } from "#db/types";
import { getDb } from "~/utils/db.server";
import { type Actor, recordAudit } from "./audit.server";
import type { SpamConfig } from "./spam-rules";

export async function loadSpamConfig(db: Kysely<DB> = getDb()): Promise<SpamConfig> {
  const [rules, settings] = await Promise.all([
    db.selectFrom("spam_rules").select(["kind", "value"]).execute(),
    db
      .selectFrom("spam_settings")
      .select(["max_links", "flag_offsite_contact", "flag_applicant_fees"])
      .executeTakeFirstOrThrow(),
  ]);
  return {
    domains: rules.filter((r) => r.kind === "domain").map((r) => r.value),
    phrases: rules.filter((r) => r.kind === "phrase").map((r) => r.value),
    maxLinks: settings.max_links,
    flagOffsiteContact: settings.flag_offsite_contact,
    flagApplicantFees: settings.flag_applicant_fees,
  };
}

/** The rules page: every rule with who added it, and the settings. */
export async function listSpamRules() {
  const db = getDb();
  const [rules, settings] = await Promise.all([
    db
      .selectFrom("spam_rules")
      .leftJoin("users", "users.id", "spam_rules.created_by")
      .select([
        "spam_rules.id",
        "spam_rules.kind",
        "spam_rules.value",
        "spam_rules.note",
        "spam_rules.created_at",
        "users.name as created_by_name",
      ])
      .orderBy("spam_rules.kind")
      .orderBy("spam_rules.value")
      .execute(),
    db
      .selectFrom("spam_settings")
      .select(["max_links", "flag_offsite_contact", "flag_applicant_fees", "updated_at"])
      .executeTakeFirstOrThrow(),
  ]);
  return { rules, settings };
}

export async function addSpamRule(input: {
  actor: Actor;
  kind: "domain" | "phrase";
  value: string;
  note?: string;
}): Promise<{ ok: true } | { ok: false; reason: "exists" }> {
  return getDb()
    .transaction()
    .execute(async (trx) => {
      const row = await trx
        .insertInto("spam_rules")
        .values({
          kind: input.kind,
          value: input.value,
          note: input.note ?? null,
          created_by: input.actor.id,
        })
        .onConflict((oc) => oc.columns(["kind", "value"]).doNothing())
        .returning("id")
        .executeTakeFirst();
      if (!row) return { ok: false, reason: "exists" } as const;
      await recordAudit(trx, {
        actor: input.actor,
        action: "spam_rule.add",
        subject: { type: "spam_rule", id: row.id },
        after: { kind: input.kind, value: input.value, note: input.note ?? null },
      });
      return { ok: true } as const;
    });
}

export async function removeSpamRule(input: { actor: Actor; ruleId: number }) {
  return getDb()
    .transaction()
    .execute(async (trx) => {
      const row = await trx
        .deleteFrom("spam_rules")
        .where("id", "=", input.ruleId)
        .returning(["id", "kind", "value", "note"])
        .executeTakeFirst();
      if (!row) return false;
      await recordAudit(trx, {
        actor: input.actor,
        action: "spam_rule.remove",
        subject: { type: "spam_rule", id: row.id },
        before: { kind: row.kind, value: row.value, note: row.note },
      });
      return true;
    });
}

export async function updateSpamSettings(input: {
  actor: Actor;
  maxLinks: number;
  flagOffsiteContact: boolean;
  flagApplicantFees: boolean;
}) {
  await getDb()
    .transaction()
    .execute(async (trx) => {
      const before = await trx
        .selectFrom("spam_settings")
        .select(["max_links", "flag_offsite_contact", "flag_applicant_fees"])
        .forUpdate()
        .executeTakeFirstOrThrow();
      const after = {
        max_links: input.maxLinks,
        flag_offsite_contact: input.flagOffsiteContact,
        flag_applicant_fees: input.flagApplicantFees,
      };
      await trx
        .updateTable("spam_settings")
        .set({ ...after, updated_by: input.actor.id, updated_at: new Date() })
        .execute();
      await recordAudit(trx, {
        actor: input.actor,
        action: "spam_settings.update",
        subject: { type: "spam_settings", id: null },
        before,
        after,
      });
    });
}
