// The job posting form used by /employer/jobs/new and /employer/jobs/:id/edit. Works without
// JavaScript (the server's reply carries every typed value back); with it, fields are checked
// as they are left.
import {
  type FieldMetadata,
  getFormProps,
  getInputProps,
  getSelectProps,
  getTextareaProps,
  type SubmissionResult,
  useForm,
} from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { ErrorList, Field } from "~/components/forms";
import { Notice } from "~/components/notice";
import { SearchableChecks } from "~/components/searchable-checks";
import { EMPLOYMENT_TYPES, LEVELS, SETTINGS } from "./format";
import { type JobFormValues, jobSchemaFor, MAX_QUESTIONS, US_STATES } from "./posting-schemas";
import type { PostingSuggestions } from "./suggestions.server";

type Options = {
  specialties: { slug: string; name: string; group: string }[];
  credentials: { code: string; name: string; issuer: string }[];
};

const SPECIALTY_GROUPS: Record<string, string> = {
  "pro-fee": "Professional fee and E/M",
  facility: "Facility coding",
  specialty: "Clinical specialties",
  "sub-specialty": "Clinical specialties",
  function: "Risk adjustment, CDI, audit and revenue cycle",
  setting: "Post-acute and supplies",
};

/** Options in labelled groups, in the order given (empty groups left out). */
function groupBy<T>(items: T[], label: (item: T) => string, order: string[]) {
  const groups = [...new Set(order)].map((name) => ({ label: name, options: [] as T[] }));
  for (const item of items) {
    const name = label(item);
    let group = groups.find((g) => g.label === name);
    if (!group) {
      group = { label: name, options: [] };
      groups.push(group);
    }
    group.options.push(item);
  }
  return groups.filter((g) => g.options.length);
}

function asList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  return value == null || value === "" ? [] : [String(value)];
}

function NumberField({
  label,
  meta,
  help,
  step,
}: {
  label: string;
  meta: FieldMetadata<number | undefined>;
  help?: string;
  step?: string;
}) {
  const props = getInputProps(meta, { type: "number" });
  return (
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      <input {...props} key={props.key} step={step ?? "1"} inputMode="decimal" />
      {help ? <p className="field-help">{help}</p> : null}
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </div>
  );
}

function Radios<T>({
  legend,
  meta,
  choices,
}: {
  legend: string;
  meta: FieldMetadata<T>;
  choices: Record<string, string>;
}) {
  const current = meta.initialValue as string | undefined;
  return (
    <fieldset aria-describedby={meta.errors ? meta.errorId : undefined} key={meta.key}>
      <legend>{legend}</legend>
      <div className="choice-row">
        {Object.entries(choices).map(([value, label]) => (
          <label key={value}>
            <input type="radio" name={meta.name} value={value} defaultChecked={current === value} />{" "}
            {label}
          </label>
        ))}
      </div>
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </fieldset>
  );
}

/**
 * The tagger's suggestions, each with its reasons and a keep box (ticked: the job is listed
 * under it, as a suggestion). Every shown slug is posted in `suggested`, so the server knows
 * which ones were left unticked, removed. On the new-job form, a button asks for them.
 */
function SuggestedSpecialties({
  suggestions: { suggestions, removed },
  canSuggest,
  asked,
  posted,
  kept,
}: {
  suggestions: PostingSuggestions;
  canSuggest: boolean;
  asked: boolean;
  posted: Set<string>;
  kept: Set<string>;
}) {
  if (!canSuggest && !suggestions.length && !removed.length) return null;
  return (
    <fieldset className="suggestions">
      <legend>Suggested from your text</legend>
      {suggestions.length ? (
        <>
          <p className="field-help">
            From the codes, credentials and words in your title and description. The job is listed
            under each one you keep, shown on its page as a suggestion; untick one to remove it from
            this job for good (picking it under Specialties still lists the job there).
          </p>
          <ul className="suggestion-list">
            {suggestions.map((s) => (
              <li key={s.slug}>
                <input type="hidden" name="suggested" value={s.slug} />
                <label>
                  <input
                    type="checkbox"
                    name="keepSuggested"
                    value={s.slug}
                    defaultChecked={posted.has(s.slug) ? kept.has(s.slug) : true}
                  />{" "}
                  Keep <strong>{s.name}</strong>
                </label>
                <span className="muted small"> · {s.reasons.join("; ")}</span>
              </li>
            ))}
          </ul>
        </>
      ) : asked ? (
        <p className="field-help">
          Nothing in your text points to a specialty yet. Name the codes (99213, 0624T), credentials
          (CIC, CRC) or kind of coding the job is about, or pick specialties below.
        </p>
      ) : canSuggest ? (
        <p className="field-help">
          Write the title and description first: we can suggest specialties from the codes,
          credentials and words in them, before anything is saved.
        </p>
      ) : null}
      {removed.length ? (
        <p className="field-help">
          Removed from this job: {removed.map((r) => r.name).join(", ")}. Pick one under Specialties
          to list the job there again.
        </p>
      ) : null}
      {canSuggest ? (
        <button
          type="submit"
          name="intent"
          value="suggest"
          className="button secondary"
          formNoValidate
        >
          Suggest specialties from my text
        </button>
      ) : null}
    </fieldset>
  );
}

const NO_SUGGESTIONS: PostingSuggestions = { suggestions: [], removed: [] };

export function JobForm({
  options,
  suggestions = NO_SUGGESTIONS,
  canSuggest = false,
  asked = false,
  defaultValue,
  lastResult,
  live,
}: {
  options: Options;
  suggestions?: PostingSuggestions;
  /** The new-job form: a button suggests specialties from the typed text, saving nothing. */
  canSuggest?: boolean;
  /** The form was just sent to ask for suggestions. */
  asked?: boolean;
  defaultValue?: Record<string, unknown>;
  lastResult?: SubmissionResult<string[]> | null;
  /** A job that has been published: saving edits it in place, no payment. */
  live: boolean;
}) {
  const [form, fields] = useForm<JobFormValues>({
    id: "job-form",
    lastResult: lastResult ?? undefined,
    // The defaults are strings, as the browser sends them.
    defaultValue: (defaultValue ?? {
      applyMethod: "site",
      setting: "remote",
      employmentType: "full_time",
      level: "mid",
    }) as Parameters<typeof useForm<JobFormValues>>[0]["defaultValue"],
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) =>
      parseWithZod(formData, { schema: jobSchemaFor(formData.get("intent")) }),
  });
  const picked = new Set(asList(fields.specialties.initialValue));
  const required = new Set(asList(fields.credRequired.initialValue));
  const preferred = new Set(asList(fields.credPreferred.initialValue));
  const initialQuestions =
    (fields.questions.initialValue as { prompt?: string; kind?: string }[] | undefined) ?? [];
  const suggested = new Set(suggestions.suggestions.map((s) => s.slug));
  return (
    <Form method="post" className="job-form" {...getFormProps(form)}>
      {/* Enter in a field submits the form's first button: the main action, not "Suggest". */}
      <button
        type="submit"
        name="intent"
        value={live ? "save" : "preview"}
        className="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
      >
        {live ? "Save changes" : "Save and preview"}
      </button>
      <ErrorList id={form.errorId} errors={form.errors} />
      {form.status === "error" ? (
        <Notice kind="error">
          Some fields need a look: see the messages beside them. Nothing you typed was lost.
        </Notice>
      ) : null}
      <Field
        label="Job title"
        meta={fields.title}
        help="For example: Remote Inpatient Coder (CCS), DRG validation"
      />
      <div className="field">
        <label htmlFor={fields.description.id}>Description (Markdown)</label>
        <textarea {...getTextareaProps(fields.description)} key={fields.description.key} />
        <p className="field-help">
          Use ## for headings and - for lists. Mention the codes and systems coders will use (99213,
          0624T, DRG, HCC): we suggest specialties from them.
        </p>
        <ErrorList id={fields.description.errorId} errors={fields.description.errors} />
      </div>

      {/* The preview's "Review the specialties" link lands here. */}
      <div id="suggestions">
        <SuggestedSpecialties
          suggestions={{
            ...suggestions,
            suggestions: suggestions.suggestions.filter((s) => !picked.has(s.slug)),
          }}
          canSuggest={canSuggest}
          asked={asked}
          posted={new Set(asList(fields.suggested.initialValue))}
          kept={new Set(asList(fields.keepSuggested.initialValue))}
        />

        <SearchableChecks
          key={fields.specialties.key}
          legend="Specialties"
          searchLabel="Find a specialty"
          help={
            <p className="field-help">
              The specialties the job is about. A picked one always counts, whatever the suggestions
              say.
            </p>
          }
          groups={groupBy(
            options.specialties.map((s) => ({ ...s, key: s.slug, text: s.name })),
            (s) => SPECIALTY_GROUPS[s.group] ?? "Other specialties",
            Object.values(SPECIALTY_GROUPS),
          )}
          initiallyChecked={picked}
          render={(s) => (
            <label className={suggested.has(s.slug) ? "suggestion" : undefined}>
              <input
                type="checkbox"
                name={fields.specialties.name}
                value={s.slug}
                defaultChecked={picked.has(s.slug)}
              />{" "}
              {s.name}
              {suggested.has(s.slug) ? <span className="muted"> (suggested)</span> : null}
            </label>
          )}
          footer={<ErrorList id={fields.specialties.errorId} errors={fields.specialties.errors} />}
        />
      </div>

      <SearchableChecks
        legend="Credentials"
        searchLabel="Find a credential (CPC, inpatient…)"
        help={
          <p className="field-help">
            Required: applicants must hold it. Preferred: a plus. Leave both empty for the rest.
          </p>
        }
        groups={groupBy(
          options.credentials.map((c) => ({ ...c, key: c.code, text: `${c.code} ${c.name}` })),
          (c) => (c.issuer === "AAPC" || c.issuer === "AHIMA" ? c.issuer : "Other issuers"),
          ["AAPC", "AHIMA", "Other issuers"],
        )}
        initiallyChecked={new Set([...required, ...preferred])}
        render={(c) => (
          <div className="credential-choice">
            <span>
              <strong>{c.code}</strong> <span className="muted small">{c.name}</span>
            </span>
            <span className="credential-flags">
              <label>
                <input
                  type="checkbox"
                  name={fields.credRequired.name}
                  value={c.code}
                  defaultChecked={required.has(c.code)}
                  aria-label={`${c.code} required`}
                />{" "}
                Required
              </label>
              <label>
                <input
                  type="checkbox"
                  name={fields.credPreferred.name}
                  value={c.code}
                  defaultChecked={preferred.has(c.code)}
                  aria-label={`${c.code} preferred`}
                />{" "}
                Preferred
              </label>
            </span>
          </div>
        )}
      />

      <Radios legend="Setting" meta={fields.setting} choices={SETTINGS} />
      <p className="field-help only-remote">
        A remote job may still name where the team is based (optional).
      </p>
      <div className="inline-fields">
        <Field label="City" meta={fields.city} />
        <div className="field">
          <label htmlFor={fields.state.id}>State</label>
          <select {...getSelectProps(fields.state)} key={fields.state.key}>
            <option value="">—</option>
            {US_STATES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
          <ErrorList id={fields.state.errorId} errors={fields.state.errors} />
        </div>
        <Field label="ZIP" meta={fields.zip} />
      </div>
      <div className="only-remote">
        <Field
          label="Remote: states that may apply"
          meta={fields.remoteStates}
          help="Two-letter codes separated by commas (FL, GA, TX). Leave empty if anyone in the US may apply."
        />
      </div>

      <Radios legend="Employment type" meta={fields.employmentType} choices={EMPLOYMENT_TYPES} />
      <Radios legend="Level" meta={fields.level} choices={LEVELS} />
      <NumberField label="Years of coding experience (optional)" meta={fields.yearsExperience} />

      <fieldset>
        <legend>Pay (optional)</legend>
        <p className="field-help">Jobs that show pay get more applicants.</p>
        <Radios
          legend="Paid"
          meta={fields.salaryPeriod}
          choices={{ hour: "Per hour", year: "Per year" }}
        />
        <div className="inline-fields only-pay">
          <NumberField label="From (USD)" meta={fields.salaryMin} step="0.01" />
          <NumberField label="To (USD)" meta={fields.salaryMax} step="0.01" />
        </div>
      </fieldset>

      <fieldset>
        <legend>Expectations (optional)</legend>
        <div className="inline-fields">
          <NumberField label="Charts a day" meta={fields.chartsPerDay} />
          <NumberField label="Accuracy %" meta={fields.accuracyPct} step="0.1" />
        </div>
      </fieldset>

      <Radios
        legend="How to apply"
        meta={fields.applyMethod}
        choices={{
          site: "On MedCode Jobs (recommended)",
          url: "On our website",
          email: "By email",
        }}
      />
      <div className="only-apply-url">
        <Field label="Application web address" meta={fields.applyUrl} type="url" />
      </div>
      <div className="only-apply-email">
        <Field label="Application email" meta={fields.applyEmail} type="email" />
      </div>

      <fieldset>
        <legend>Screening questions (optional, up to {MAX_QUESTIONS})</legend>
        {Array.from({ length: MAX_QUESTIONS }, (_, i) => {
          const name = `${fields.questions.name}[${i}]`;
          const errors = form.allErrors[`${name}.prompt`];
          const initial = initialQuestions[i] ?? {};
          return (
            <div className="inline-fields" key={`${fields.questions.key ?? ""}-${i}`}>
              <div className="field">
                <label htmlFor={`q-${i}`}>Question {i + 1}</label>
                <input
                  id={`q-${i}`}
                  name={`${name}.prompt`}
                  defaultValue={initial.prompt ?? ""}
                  maxLength={300}
                />
                <ErrorList id={`q-${i}-errors`} errors={errors} />
              </div>
              <div className="field">
                <label htmlFor={`q-${i}-kind`}>Answer</label>
                <select
                  id={`q-${i}-kind`}
                  name={`${name}.kind`}
                  defaultValue={initial.kind ?? "yes_no"}
                >
                  <option value="yes_no">Yes / no</option>
                  <option value="text">Short text</option>
                </select>
              </div>
            </div>
          );
        })}
      </fieldset>

      <div className="form-actions">
        {live ? (
          <button type="submit" name="intent" value="save" className="button">
            Save changes
          </button>
        ) : (
          <>
            <button type="submit" name="intent" value="preview" className="button">
              Save and preview
            </button>
            <button
              type="submit"
              name="intent"
              value="draft"
              className="button secondary"
              formNoValidate
            >
              Save draft
            </button>
          </>
        )}
      </div>
    </Form>
  );
}
