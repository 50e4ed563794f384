import { render, toPlainText } from "@react-email/render";
import type { Kysely } from "kysely";
import { createElement, type ReactElement } from "react";
import { z } from "zod";
import type { DB } from "#db/types";
import { loadAlertEmails, storedAlertEmailSchema } from "~/alerts/alert-email.server";
import AlertConfirm, { subject as alertConfirmSubject } from "../../emails/alert-confirm";
import AlertJobs, { subject as alertJobsSubject } from "../../emails/alert-jobs";
import ApplicationReceived, {
  subject as applicationReceivedSubject,
} from "../../emails/application-received";
import ApplicationStatus, {
  subject as applicationStatusSubject,
} from "../../emails/application-status";
import ApplicationsDigest, {
  subject as applicationsDigestSubject,
} from "../../emails/applications-digest";
import CompanyVerification, {
  subject as companyVerificationSubject,
} from "../../emails/company-verification";
import CompanyVerificationDecided, {
  subject as companyVerificationDecidedSubject,
} from "../../emails/company-verification-decided";
import CredentialExpiring, {
  subject as credentialExpiringSubject,
} from "../../emails/credential-expiring";
import JobExpiring, { subject as jobExpiringSubject } from "../../emails/job-expiring";
import JobReviewed, { subject as jobReviewedSubject } from "../../emails/job-reviewed";
import JobTakenDown, { subject as jobTakenDownSubject } from "../../emails/job-taken-down";
import NewApplication, { subject as newApplicationSubject } from "../../emails/new-application";
import Receipt, { subject as receiptSubject } from "../../emails/receipt";
import ResetPassword, { subject as resetPasswordSubject } from "../../emails/reset-password";
import TeamInvite, { subject as teamInviteSubject } from "../../emails/team-invite";
import VerifyEmail, { subject as verifyEmailSubject } from "../../emails/verify-email";
import Welcome, { subject as welcomeSubject } from "../../emails/welcome";
import type { EmailTemplate } from "./email.server";

const name = z.string().trim().min(1).max(200);
// Only web links: a javascript: or data: URL in an email is a bug or an attack.
const webUrl = z.url({ protocol: /^https?$/ });

type Context = { appUrl: string };

type Template<Props> = {
  schema: z.ZodType<Props>;
  subject: (props: Props) => string;
  component: (props: Props, context: Context) => ReactElement;
  /** Extra message headers (List-Unsubscribe for alert emails). */
  headers?: (props: Props) => Record<string, string>;
};

/**
 * A template queued by reference (decision 016): the outbox keeps the `stored` props (ids), and
 * the worker loads what the message shows when it delivers it, for many messages at once.
 */
type DeferredTemplate<Stored, Props> = Template<Props> & {
  stored: z.ZodType<Stored>;
  /** What each message shows, in order; null when nothing is left to send (cancelled). */
  load: (db: Kysely<DB>, stored: Stored[], context: Context) => Promise<(Props | null)[]>;
};

function defineTemplate<Props>(template: Template<Props>) {
  return template;
}

function defineDeferred<Stored, Props>(template: DeferredTemplate<Stored, Props>) {
  return template;
}

const alertJob = z.object({
  title: name,
  company: name,
  where: z.string().min(1).max(300),
  pay: z.string().max(80).nullable(),
  credentials: z.array(z.string().max(20)).max(30),
  codeFamilies: z.array(z.string().max(120)).max(30),
  featured: z.boolean(),
  url: webUrl,
});

/** Every email the site sends: its props schema, subject line and React Email component. */
export const templates = {
  "verify-email": defineTemplate({
    schema: z.object({ name, url: webUrl, code: z.string().trim().min(4).max(16) }),
    subject: verifyEmailSubject,
    component: (props) => createElement(VerifyEmail, props),
  }),
  "reset-password": defineTemplate({
    schema: z.object({ name, url: webUrl }),
    subject: resetPasswordSubject,
    component: (props) => createElement(ResetPassword, props),
  }),
  "team-invite": defineTemplate({
    schema: z.object({
      inviterName: name,
      companyName: name,
      role: z.string().trim().min(1).max(60),
      url: webUrl,
    }),
    subject: teamInviteSubject,
    component: (props) => createElement(TeamInvite, props),
  }),
  welcome: defineTemplate({
    schema: z.object({ name, role: z.enum(["candidate", "employer"]) }),
    subject: welcomeSubject,
    component: (props, { appUrl }) => createElement(Welcome, { ...props, appUrl }),
  }),
  receipt: defineTemplate({
    schema: z.object({
      name,
      companyName: name,
      orderId: z.number().int().positive(),
      planName: name,
      amount: z.string().min(1).max(40),
      paidOn: z.string().min(1).max(40),
      jobTitle: z.string().max(300).nullable(),
      jobUrl: webUrl.nullable(),
      validThrough: z.string().max(40).nullable(),
      inReview: z.boolean(),
      credits: z.number().int().positive().nullable(),
      receiptUrl: webUrl,
    }),
    subject: receiptSubject,
    component: (props) => createElement(Receipt, props),
  }),
  "job-expiring": defineTemplate({
    schema: z.object({
      name,
      jobTitle: z.string().min(1).max(300),
      expiresOn: z.string().min(1).max(40),
      renewUrl: webUrl,
    }),
    subject: jobExpiringSubject,
    component: (props) => createElement(JobExpiring, props),
  }),
  "job-taken-down": defineTemplate({
    schema: z.object({
      name,
      orderId: z.number().int().positive(),
      planName: name,
      reason: z.enum(["refunded", "disputed"]),
      jobTitle: z.string().max(300).nullable(),
      dashboardUrl: webUrl,
    }),
    subject: jobTakenDownSubject,
    component: (props) => createElement(JobTakenDown, props),
  }),
  "application-received": defineTemplate({
    schema: z.object({ name, jobTitle: name, companyName: name }),
    subject: applicationReceivedSubject,
    component: (props, { appUrl }) => createElement(ApplicationReceived, { ...props, appUrl }),
  }),
  "application-status": defineTemplate({
    schema: z.object({
      name,
      jobTitle: name,
      companyName: name,
      status: z.enum(["interview", "rejected"]),
    }),
    subject: applicationStatusSubject,
    component: (props, { appUrl }) => createElement(ApplicationStatus, { ...props, appUrl }),
  }),
  "new-application": defineTemplate({
    schema: z.object({
      jobTitle: name,
      companyName: name,
      candidateName: name,
      credentials: z.array(z.string().max(20)).max(30),
      url: webUrl,
    }),
    subject: newApplicationSubject,
    component: (props) => createElement(NewApplication, props),
  }),
  "applications-digest": defineTemplate({
    schema: z.object({
      companyName: name,
      day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
      jobs: z
        .array(z.object({ title: name, count: z.number().int().positive(), url: webUrl }))
        .min(1),
    }),
    subject: applicationsDigestSubject,
    component: (props) => createElement(ApplicationsDigest, props),
  }),
  "job-reviewed": defineTemplate({
    schema: z.object({
      name,
      jobTitle: z.string().min(1).max(300),
      decision: z.enum(["approved", "rejected", "changes_requested", "removed"]),
      note: z.string().max(2000).nullable(),
      validThrough: z.string().max(40).nullable(),
      returned: z.enum(["refund", "credit"]).nullable(),
      url: webUrl,
    }),
    subject: jobReviewedSubject,
    component: (props) => createElement(JobReviewed, props),
  }),
  "company-verification": defineTemplate({
    schema: z.object({ companyName: name, domain: z.string().min(3).max(253), url: webUrl }),
    subject: companyVerificationSubject,
    component: (props) => createElement(CompanyVerification, props),
  }),
  "company-verification-decided": defineTemplate({
    schema: z.object({
      name,
      companyName: name,
      granted: z.boolean(),
      note: z.string().max(2000).nullable(),
      url: webUrl,
    }),
    subject: companyVerificationDecidedSubject,
    component: (props) => createElement(CompanyVerificationDecided, props),
  }),
  "credential-expiring": defineTemplate({
    schema: z.object({
      name,
      code: z.string().min(1).max(20),
      credentialName: name,
      issuer: name,
      expiresOn: z.string().min(1).max(40),
      url: webUrl,
    }),
    subject: credentialExpiringSubject,
    component: (props) => createElement(CredentialExpiring, props),
  }),
  "alert-confirm": defineTemplate({
    schema: z.object({
      description: z.string().min(1).max(500),
      frequency: z.enum(["instant", "daily", "weekly"]),
      confirmUrl: webUrl,
    }),
    subject: alertConfirmSubject,
    component: (props) => createElement(AlertConfirm, props),
  }),
  "alert-jobs": defineDeferred({
    stored: storedAlertEmailSchema,
    load: loadAlertEmails,
    schema: z.object({
      kind: z.enum(["instant", "daily", "weekly"]),
      alertName: name,
      description: z.string().min(1).max(500),
      jobs: z.array(alertJob).min(1).max(10),
      more: z.number().int().min(0),
      searchUrl: webUrl,
      manageUrl: webUrl,
      unsubscribeUrl: webUrl,
    }),
    subject: alertJobsSubject,
    component: (props) => createElement(AlertJobs, props),
    // RFC 8058 one-click unsubscribe, as Gmail and Yahoo require of bulk senders.
    headers: (props) => ({
      "List-Unsubscribe": `<${props.unsubscribeUrl}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }),
  }),
} satisfies Record<EmailTemplate, { schema: z.ZodType }>;

export type RenderedEmail = {
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string> | null;
};

/** Is this template queued by reference and rendered by the worker? */
export function isDeferred(template: EmailTemplate): boolean {
  return "load" in templates[template];
}

/** Checks the stored props of a deferred template (throws on a mismatch). */
export function checkStoredProps(template: EmailTemplate, props: unknown): unknown {
  const definition = templates[template] as unknown as DeferredTemplate<unknown, unknown>;
  const parsed = definition.stored.safeParse(props);
  if (!parsed.success) {
    throw new Error(
      `Invalid props for email template "${template}": ${z.prettifyError(parsed.error)}`,
    );
  }
  return parsed.data;
}

/**
 * Renders outbox rows queued by reference, loading each template's data once for all its rows.
 * Null: nothing left to send (the alert was paused or deleted, its jobs closed).
 */
export async function renderStoredEmails(
  db: Kysely<DB>,
  rows: { template: EmailTemplate; props: unknown }[],
  context: Context,
): Promise<(RenderedEmail | null)[]> {
  const out: (RenderedEmail | null)[] = new Array(rows.length).fill(null);
  const byTemplate = new Map<EmailTemplate, number[]>();
  rows.forEach((row, i) => {
    byTemplate.set(row.template, [...(byTemplate.get(row.template) ?? []), i]);
  });
  for (const [template, indexes] of byTemplate) {
    const definition = templates[template] as unknown as DeferredTemplate<unknown, unknown>;
    const stored = indexes.map((i) => checkStoredProps(template, rows[i].props));
    const loaded = await definition.load(db, stored, context);
    for (const [k, i] of indexes.entries()) {
      const props = loaded[k];
      if (props != null) out[i] = await renderEmail(template, props, context);
    }
  }
  return out;
}

/** Checks the props against the template's schema (throws on a mismatch) and renders both parts. */
export async function renderEmail(
  template: EmailTemplate,
  props: unknown,
  context: Context,
): Promise<RenderedEmail> {
  if (!Object.hasOwn(templates, template)) throw new Error(`Unknown email template: ${template}`);
  const definition = templates[template] as Template<unknown>;
  const parsed = definition.schema.safeParse(props);
  if (!parsed.success) {
    throw new Error(
      `Invalid props for email template "${template}": ${z.prettifyError(parsed.error)}`,
    );
  }
  const element = definition.component(parsed.data, context);
  // One React render: the text part is converted from the HTML, as render's plainText would.
  const html = await render(element);
  const text = toPlainText(html);
  return {
    subject: definition.subject(parsed.data),
    html,
    text,
    headers: definition.headers?.(parsed.data) ?? null,
  };
}
