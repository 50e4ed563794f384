// One alert's page: its state, name, frequency and zone, its filters, pause or resume, delete.
// The same for /alerts/manage/:token (no account needed) and /me/alerts/:id. Plain forms, each
// with its own intent; the page's action answers (manage-action.server.ts).
import {
  getFormProps,
  getInputProps,
  getSelectProps,
  type SubmissionResult,
  useForm,
} from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, Link, useNavigation } from "@remix-run/react";
import { ConfirmButton } from "~/components/confirm-button";
import { ErrorList } from "~/components/forms";
import { Notice } from "~/components/notice";
import { EMPLOYMENT_TYPES, LEVELS, SETTINGS } from "~/jobs/format";
import { CheckboxOption } from "~/search/search-form";
import {
  DEFAULT_RADIUS,
  LEVEL_VALUES,
  POSTED_CHOICES,
  RADIUS_CHOICES,
  SALARY_CHOICES,
  SETTING_VALUES,
  type SearchFilters,
  TYPE_VALUES,
} from "~/search/search-schemas";
import { formatNumber } from "~/utils/intl";
import { AlertSettingsSchema, FREQUENCIES, FREQUENCY_LABELS, TIME_ZONES } from "./alerts-schemas";

export type EditorAlert = {
  name: string;
  description: string;
  query: string;
  filters: SearchFilters;
  frequency: string;
  time_zone: string;
  confirmed: boolean;
  paused_reason: string | null;
  recipient: string;
  /** Where an unconfirmed alert's confirm button posts (token pages only). */
  confirmAction: string | null;
};

export type EditorReference = {
  specialties: { slug: string; name: string }[];
  credentials: { code: string; name: string }[];
};

export type EditorAnswer = {
  settings?: SubmissionResult<string[]>;
  filterProblems?: string[];
  error?: string;
};

const PAUSED: Record<string, string> = {
  user: "Paused: no emails until you resume it.",
  unsubscribed: "Unsubscribed: no emails until you resume it.",
  bounced: "Stopped: emails to this address bounced, so we no longer send to it.",
  complained: "Stopped: an email to this address was reported as spam, so we no longer send to it.",
};

export function AlertEditor({
  alert,
  reference,
  answer,
}: {
  alert: EditorAlert;
  reference: EditorReference;
  answer?: EditorAnswer;
}) {
  const busy = useNavigation().state === "submitting";
  return (
    <div className="stack">
      <p className="alert-words">{alert.description}</p>
      <p className="muted">
        Emails go to {alert.recipient}.{" "}
        <Link to={`/jobs${alert.query ? `?${alert.query}` : ""}`}>See the jobs it finds now</Link>
      </p>
      {!alert.confirmed ? (
        <Notice kind="info">
          <p>This alert is not confirmed yet, so nothing is sent.</p>
          {alert.confirmAction ? (
            <Form method="post" action={alert.confirmAction}>
              <button type="submit" className="button">
                Confirm the alert
              </button>
            </Form>
          ) : null}
        </Notice>
      ) : alert.paused_reason ? (
        <Notice kind="info">{PAUSED[alert.paused_reason] ?? PAUSED.user}</Notice>
      ) : null}
      {answer?.error ? <Notice kind="error">{answer.error}</Notice> : null}

      <SettingsForm alert={alert} lastResult={answer?.settings} busy={busy} />
      <FiltersForm
        alert={alert}
        reference={reference}
        problems={answer?.filterProblems}
        busy={busy}
      />

      <section className="card" aria-labelledby="alert-stop-title">
        <h2 id="alert-stop-title">Pause or delete</h2>
        <div className="form-actions">
          {alert.confirmed ? (
            <Form method="post">
              <input type="hidden" name="intent" value={alert.paused_reason ? "resume" : "pause"} />
              <button type="submit" className="button secondary" disabled={busy}>
                {alert.paused_reason ? "Resume the alert" : "Pause the alert"}
              </button>
            </Form>
          ) : null}
          <Form method="post">
            <ConfirmButton value="delete" confirmLabel="Delete for good? Click again">
              Delete the alert
            </ConfirmButton>
          </Form>
        </div>
      </section>
    </div>
  );
}

function SettingsForm({
  alert,
  lastResult,
  busy,
}: {
  alert: EditorAlert;
  lastResult?: SubmissionResult<string[]>;
  busy: boolean;
}) {
  const [form, fields] = useForm({
    id: "alert-settings",
    lastResult,
    defaultValue: { name: alert.name, frequency: alert.frequency, timeZone: alert.time_zone },
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: AlertSettingsSchema }),
  });
  return (
    <section className="card" aria-labelledby="alert-settings-title">
      <h2 id="alert-settings-title">Name and schedule</h2>
      <Form method="post" {...getFormProps(form)} className="stack">
        <input type="hidden" name="intent" value="settings" />
        <div className="field">
          <label htmlFor={fields.name.id}>Name</label>
          <input {...getInputProps(fields.name, { type: "text" })} key={fields.name.key} />
          <ErrorList id={fields.name.errorId} errors={fields.name.errors} />
        </div>
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
        <div className="field">
          <label htmlFor={fields.timeZone.id}>Time zone (for 7 am)</label>
          <select {...getSelectProps(fields.timeZone)} key={fields.timeZone.key}>
            {TIME_ZONES.map((z) => (
              <option key={z.value} value={z.value}>
                {z.label}
              </option>
            ))}
          </select>
        </div>
        <ErrorList id={form.errorId} errors={form.errors} />
        <p>
          <button type="submit" className="button" disabled={busy}>
            Save
          </button>
        </p>
      </Form>
    </section>
  );
}

function Choices({
  legend,
  name,
  options,
  chosen,
}: {
  legend: string;
  name: string;
  options: { value: string; label: string }[];
  chosen: string[];
}) {
  return (
    <fieldset className="facet">
      <legend>{legend}</legend>
      <ul>
        {options.map((o) => (
          <CheckboxOption
            key={o.value}
            name={name}
            value={o.value}
            label={o.label}
            checked={chosen.includes(o.value)}
          />
        ))}
      </ul>
    </fieldset>
  );
}

/** The /jobs filters as form fields with the /jobs names, so the server parses them the same way. */
function FiltersForm({
  alert,
  reference,
  problems,
  busy,
}: {
  alert: EditorAlert;
  reference: EditorReference;
  problems?: string[];
  busy: boolean;
}) {
  const f = alert.filters;
  return (
    <section className="card" aria-labelledby="alert-filters-title">
      <h2 id="alert-filters-title">Filters</h2>
      {problems?.length ? (
        <Notice kind="error">
          <p>The filters were not saved:</p>
          <ul>
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </Notice>
      ) : null}
      <Form method="post" className="alert-filters">
        <input type="hidden" name="intent" value="filters" />
        <div className="field">
          <label htmlFor="alert-q">Keywords</label>
          <input id="alert-q" name="q" type="search" defaultValue={f.q} maxLength={200} />
        </div>
        <div className="field">
          <label htmlFor="alert-location">Location (ZIP or City, ST)</label>
          <input id="alert-location" name="location" type="text" defaultValue={f.location} />
        </div>
        <div className="field">
          <label htmlFor="alert-radius">Within</label>
          <select id="alert-radius" name="radius" defaultValue={String(f.radius ?? DEFAULT_RADIUS)}>
            {RADIUS_CHOICES.map((r) => (
              <option key={r} value={r}>
                {r} miles
              </option>
            ))}
          </select>
        </div>
        <Choices
          legend="Work setting"
          name="setting"
          options={SETTING_VALUES.map((s) => ({ value: s, label: SETTINGS[s] }))}
          chosen={f.setting}
        />
        <Choices
          legend="Job type"
          name="type"
          options={TYPE_VALUES.map((t) => ({ value: t, label: EMPLOYMENT_TYPES[t] }))}
          chosen={f.type}
        />
        <Choices
          legend="Experience level"
          name="level"
          options={LEVEL_VALUES.map((l) => ({ value: l, label: LEVELS[l] }))}
          chosen={f.level}
        />
        <details open={f.specialty.length > 0}>
          <summary>Specialties ({f.specialty.length} chosen)</summary>
          <Choices
            legend="Specialty"
            name="specialty"
            options={reference.specialties.map((s) => ({ value: s.slug, label: s.name }))}
            chosen={f.specialty}
          />
        </details>
        <details open={f.credential.length > 0}>
          <summary>Credentials ({f.credential.length} chosen)</summary>
          <Choices
            legend="Credential"
            name="credential"
            options={reference.credentials.map((c) => ({
              value: c.code.toLowerCase(),
              label: `${c.code} (${c.name})`,
            }))}
            chosen={f.credential.map((c) => c.toLowerCase())}
          />
        </details>
        <div className="field">
          <label htmlFor="alert-salary">Minimum pay (yearly)</label>
          <select
            id="alert-salary"
            name="salary_min"
            defaultValue={f.salaryMin == null ? "" : String(f.salaryMin)}
          >
            <option value="">Any</option>
            {[...new Set([...SALARY_CHOICES, ...(f.salaryMin ? [f.salaryMin] : [])])]
              .sort((a, b) => a - b)
              .map((s) => (
                <option key={s} value={s}>
                  ${formatNumber(s)}+
                </option>
              ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="alert-posted">Posted</label>
          <select
            id="alert-posted"
            name="posted"
            defaultValue={f.posted == null ? "" : String(f.posted)}
          >
            <option value="">Any time</option>
            {[...new Set([...POSTED_CHOICES, ...(f.posted ? [f.posted] : [])])]
              .sort((a, b) => a - b)
              .map((d) => (
                <option key={d} value={d}>
                  {d === 1 ? "Last 24 hours" : `Last ${d} days`}
                </option>
              ))}
          </select>
        </div>
        {f.company ? (
          <label className="facet-option">
            <input type="checkbox" name="company" value={f.company} defaultChecked />
            <span>Only this employer's jobs</span>
          </label>
        ) : null}
        <p>
          <button type="submit" className="button" disabled={busy}>
            Save filters
          </button>
        </p>
      </Form>
    </section>
  );
}
