// "Email me these jobs": the alert sign-up on /jobs and on the specialty, credential, code and
// company pages. A plain POST form to /alerts that comes back to this page (with a flash
// message); with JavaScript it submits in place, validates the address as it goes and keeps
// the scroll position.
import {
  getFormProps,
  getInputProps,
  getSelectProps,
  type SubmissionResult,
  useForm,
} from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Link, useFetcher, useLocation } from "@remix-run/react";
import { useEffect, useState } from "react";
import type { z } from "zod";
import { ErrorList, Honeypot } from "~/components/forms";
import { Notice } from "~/components/notice";
import {
  DEFAULT_TIME_ZONE,
  FREQUENCIES,
  FREQUENCY_LABELS,
  TIME_ZONES,
  VisitorAlertSchema,
} from "./alerts-schemas";
import type { AlertSignup as SignupData } from "./signup.server";

/** The browser's zone when it is one digests can follow; the server default otherwise. */
export function useBrowserTimeZone() {
  const [zone, setZone] = useState<string>(DEFAULT_TIME_ZONE);
  useEffect(() => {
    const browser = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (TIME_ZONES.some((z) => z.value === browser)) setZone(browser);
  }, []);
  return zone;
}

export function AlertSignup({
  signup,
  id = "alert-signup",
  returnTo,
  lastResult,
  title = "Email me new jobs like these",
}: {
  signup: SignupData;
  id?: string;
  title?: string;
  /** Where the form comes back to (this page, by default). */
  returnTo?: string;
  /** The /alerts page's own answer, when the form was posted without JavaScript. */
  lastResult?: SubmissionResult<string[]>;
}) {
  const fetcher = useFetcher<{ result?: SubmissionResult<string[]> }>();
  const location = useLocation();
  const zone = useBrowserTimeZone();
  const visitor = signup.viewer.kind === "visitor";
  const result = fetcher.data?.result ?? lastResult;
  const [form, fields] = useForm<z.input<typeof VisitorAlertSchema>>({
    id,
    lastResult: result,
    defaultValue: { frequency: "daily" },
    shouldValidate: "onBlur",
    // An account's form is one select: only the visitor's address needs checking as it is typed.
    onValidate: visitor
      ? ({ formData }) => parseWithZod(formData, { schema: VisitorAlertSchema })
      : undefined,
  });
  const busy = fetcher.state !== "idle";
  return (
    <section className="card alert-signup" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      <p className="alert-words">{signup.description}</p>
      {signup.note ? <p className="muted small">{signup.note}</p> : null}
      {signup.problems.length ? (
        <Notice kind="info">
          <p>This search cannot become an alert until it is fixed:</p>
          <ul>
            {signup.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </Notice>
      ) : signup.viewer.kind === "unverified" ? (
        <p className="muted">
          Confirm your email address first (use the link we sent you), then one click saves this
          search as an alert.
        </p>
      ) : signup.viewer.kind === "account" && signup.viewer.existing ? (
        <p>
          You have this alert: <strong>{signup.viewer.existing.name}</strong>.{" "}
          <Link to={`/me/alerts/${signup.viewer.existing.id}`}>Change or stop it</Link>
        </p>
      ) : (
        <fetcher.Form
          method="post"
          // The search rides in the URL, so the /alerts page can show it again after an error.
          action={signup.query ? `/alerts?${signup.query}` : "/alerts"}
          preventScrollReset
          {...getFormProps(form)}
        >
          <input
            type="hidden"
            name="redirectTo"
            value={returnTo ?? `${location.pathname}${location.search}`}
          />
          <input type="hidden" name="timeZone" value={zone} />
          {visitor ? (
            <div className="field">
              <label htmlFor={fields.email.id}>Your email</label>
              <input
                {...getInputProps(fields.email, { type: "email" })}
                key={fields.email.key}
                autoComplete="email"
              />
              <ErrorList id={fields.email.errorId} errors={fields.email.errors} />
              <Honeypot />
            </div>
          ) : null}
          <div className="field">
            <label htmlFor={fields.frequency.id}>How often</label>
            <select {...getSelectProps(fields.frequency)} key={fields.frequency.key}>
              {FREQUENCIES.map((f) => (
                <option key={f} value={f}>
                  {FREQUENCY_LABELS[f]}
                </option>
              ))}
            </select>
          </div>
          <ErrorList id={form.errorId} errors={form.errors} />
          <button type="submit" className="button" disabled={busy}>
            {busy ? "Saving…" : visitor ? "Email me these jobs" : "Create alert"}
          </button>
          <p className="muted small">
            {visitor
              ? "We send a link to confirm first; nothing else arrives until you click it. Every alert email has a one-click unsubscribe."
              : `Emails go to ${signup.viewer.kind === "account" ? signup.viewer.email : "your address"}. Change or stop it any time in Alerts.`}
          </p>
        </fetcher.Form>
      )}
    </section>
  );
}
