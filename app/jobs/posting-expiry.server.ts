// Warns employers three days before a job's validity ends, once per validity period: a
// renewal moves valid_through, and the next period gets its own warning.
import { companyContact } from "~/companies/companies.server";
import { sendEmail } from "~/email/email.server";
import { getDb } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { formatDate } from "./format";

export const WARNING_DAYS = 3;

export async function sendExpiryWarnings({
  now = new Date(),
  limit = 500,
}: {
  now?: Date;
  limit?: number;
} = {}) {
  const db = getDb();
  const soon = new Date(now.getTime() + WARNING_DAYS * 86_400_000);
  const due = await db
    .selectFrom("jobs")
    .select(["id", "title", "company_id", "created_by", "valid_through"])
    .where("status", "=", "published")
    .where("valid_through", ">", now)
    .where("valid_through", "<=", soon)
    .where("held_since", "is", null)
    .where((eb) =>
      eb.or([
        eb("expiry_warned_for", "is", null),
        eb("expiry_warned_for", "!=", eb.ref("valid_through")),
      ]),
    )
    .limit(limit)
    .execute();
  let sent = 0;
  for (const job of due) {
    await db.transaction().execute(async (trx) => {
      const to = await companyContact(trx, {
        companyId: job.company_id,
        preferUserId: job.created_by,
      });
      const validThrough = job.valid_through as Date;
      if (to) {
        await sendEmail(
          {
            to: to.email,
            template: "job-expiring",
            dedupeKey: `job-expiring:${job.id}:${validThrough.toISOString()}`,
            props: {
              name: to.name,
              jobTitle: job.title,
              expiresOn: formatDate(validThrough),
              renewUrl: `${getEnv().APP_URL}/employer/jobs/${job.id}#renew`,
            },
          },
          trx,
        );
        sent += 1;
      }
      await trx
        .updateTable("jobs")
        .set({ expiry_warned_for: validThrough })
        .where("id", "=", job.id)
        .execute();
    });
  }
  return { warned: sent };
}
