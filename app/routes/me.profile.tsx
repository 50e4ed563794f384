import {
  type FieldMetadata,
  getFormProps,
  getInputProps,
  getTextareaProps,
  useForm,
} from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useState } from "react";
import { ProfileSchema } from "~/applications/applications-schemas";
import {
  getProfile,
  listProfileOptions,
  saveProfile,
  setDefaultResume,
} from "~/applications/profile.server";
import { requireCandidate } from "~/auth/guards.server";
import { ConfirmButton } from "~/components/confirm-button";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorList, Field } from "~/components/forms";
import { storeResume } from "~/files/files.server";
import { parseUploadForm, uploadedFile } from "~/files/upload.server";
import { formatDate } from "~/jobs/format";
import { redirectWithFlash } from "~/utils/flash.server";

export const meta: MetaFunction = () => [
  { title: "My profile | MedCode Jobs" },
  { name: "robots", content: "noindex" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireCandidate(request);
  const [{ profile, files, credentials }, options] = await Promise.all([
    getProfile(user.id),
    listProfileOptions(),
  ]);
  return { profile, files, credentials, options };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireCandidate(request);
  const { formData, fileErrors } = await parseUploadForm(request, ["resume"]);
  if (formData.get("intent") === "upload") {
    const upload = await uploadedFile(formData, "resume");
    const error = fileErrors.resume ?? (upload ? null : "Choose a PDF or DOCX file first.");
    if (error || !upload) return data({ form: "upload", result: null, error }, { status: 400 });
    const stored = await storeResume({ userId: user.id, ...upload });
    if (!stored.ok)
      return data({ form: "upload", result: null, error: stored.message }, { status: 400 });
    if (formData.get("makeDefault") === "on") await setDefaultResume(user.id, stored.file.id);
    return redirectWithFlash("/me/profile", `${stored.file.original_name} uploaded.`);
  }
  const submission = parseWithZod(formData, { schema: ProfileSchema });
  if (submission.status !== "success") {
    return data({ form: "profile", result: submission.reply(), error: null }, { status: 400 });
  }
  const { defaultResume, credentials, credentialDetails, ...values } = submission.value;
  await saveProfile(user.id, {
    ...values,
    credentials: credentials.map((code) => ({ code, ...credentialDetails[code] })),
    defaultResumeFileId: defaultResume,
  });
  return redirectWithFlash("/me/profile", "Profile saved.");
}

const SETTINGS = [
  ["any", "Any"],
  ["remote", "Remote"],
  ["hybrid", "Hybrid"],
  ["onsite", "On-site"],
] as const;

export default function Profile() {
  const { profile, files, credentials: held, options } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "profile",
    lastResult: actionData?.form === "profile" ? actionData.result : undefined,
    defaultValue: {
      headline: profile?.headline ?? "",
      summary: profile?.summary ?? "",
      yearsExperience: profile?.years_experience?.toString() ?? "",
      phone: profile?.phone ?? "",
      city: profile?.city ?? "",
      state: profile?.state ?? "",
      zip: profile?.zip ?? "",
      credentials: held.map((c) => c.code),
      credentialDetails: Object.fromEntries(
        held.map((c) => [
          c.code,
          { memberNumber: c.member_number ?? "", expiresOn: c.expires_on ?? "" },
        ]),
      ),
    },
    shouldRevalidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ProfileSchema }),
  });
  const specialties = new Set(profile?.specialty_slugs ?? []);
  const families = new Set(profile?.code_families ?? []);
  return (
    <div className="container narrow stack">
      <h1>My profile</h1>
      <p className="muted">
        Employers see this with each application you send; it also pre-fills the apply form.
      </p>

      <section className="card" aria-labelledby="resumes-title">
        <h2 id="resumes-title">Resumes</h2>
        {files.length ? (
          <ul className="file-list">
            {files.map((file) => (
              <li key={file.id}>
                <a href={`/me/files/${file.id}`} download>
                  {file.original_name}
                </a>{" "}
                <span className="muted small">
                  {(file.size_bytes / 1024).toFixed(0)} KiB · {formatDate(file.created_at)}
                  {profile?.default_resume_file_id === file.id ? " · default" : ""}
                </span>
                <Form method="post" action={`/me/files/${file.id}/delete`} className="inline-form">
                  <ConfirmButton
                    name="intent"
                    value="delete"
                    className="button link danger"
                    confirmLabel={`Delete ${file.original_name} for good?`}
                  >
                    Delete<span className="visually-hidden"> {file.original_name}</span>
                  </ConfirmButton>
                </Form>
              </li>
            ))}
          </ul>
        ) : (
          <p>No resume yet.</p>
        )}
        <Form method="post" encType="multipart/form-data">
          <input type="hidden" name="intent" value="upload" />
          <div className="field">
            <label htmlFor="profile-resume">Upload a resume (PDF or DOCX, up to 5 MiB)</label>
            <input
              id="profile-resume"
              type="file"
              name="resume"
              accept=".pdf,.docx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            />
          </div>
          <label className="choice">
            <input type="checkbox" name="makeDefault" defaultChecked /> Use it as my default resume
          </label>
          {actionData?.form === "upload" && actionData.error ? (
            <ErrorList id="upload-errors" errors={[actionData.error]} />
          ) : null}
          <button type="submit" className="button secondary">
            Upload
          </button>
        </Form>
      </section>

      <section className="card" aria-labelledby="about-title">
        <h2 id="about-title">About you</h2>
        <Form method="post" {...getFormProps(form)}>
          <input type="hidden" name="intent" value="profile" />
          <ErrorList id={form.errorId} errors={form.errors} />
          <Field
            label="Headline"
            meta={fields.headline}
            help="For example: CPC, CRC · 5 years risk adjustment"
          />
          <div className="field">
            <label htmlFor={fields.summary.id}>Summary</label>
            <textarea {...getTextareaProps(fields.summary)} key={fields.summary.key} rows={5} />
            <ErrorList id={fields.summary.errorId} errors={fields.summary.errors} />
          </div>
          <Field
            label="Years of coding experience"
            meta={fields.yearsExperience as FieldMetadata<string | undefined>}
          />
          <Field label="Phone" meta={fields.phone} type="tel" autoComplete="tel" />
          <Field label="City" meta={fields.city} autoComplete="address-level2" />
          <Field label="State (two letters)" meta={fields.state} autoComplete="address-level1" />
          <Field label="ZIP code" meta={fields.zip} autoComplete="postal-code" />
          <fieldset>
            <legend>Where you want to work</legend>
            <div className="choice-row">
              {SETTINGS.map(([value, text]) => (
                <label key={value}>
                  <input
                    type="radio"
                    name="settingPreference"
                    value={value}
                    defaultChecked={(profile?.setting_preference ?? "any") === value}
                  />
                  {text}
                </label>
              ))}
            </div>
          </fieldset>
          <CredentialFields
            options={options.credentials}
            held={held}
            codes={fields.credentials}
            details={fields.credentialDetails as unknown as CredentialDetailsField}
          />
          <fieldset>
            <legend>Specialties</legend>
            <div className="choice-grid">
              {options.specialties.map((s) => (
                <label key={s.slug} className="choice">
                  <input
                    type="checkbox"
                    name="specialties"
                    value={s.slug}
                    defaultChecked={specialties.has(s.slug)}
                  />
                  {s.name}
                </label>
              ))}
            </div>
          </fieldset>
          <fieldset>
            <legend>Code families you work in</legend>
            <p className="muted small">
              Jobs whose postings name codes in these families rank higher in “Jobs that fit you”.
            </p>
            <div className="choice-grid">
              {options.codeFamilies.map((f) => (
                <label key={f.ref} className="choice">
                  <input
                    type="checkbox"
                    name="codeFamilies"
                    value={f.ref}
                    defaultChecked={families.has(f.ref)}
                  />
                  {f.label} ({f.from_code}–{f.to_code})
                </label>
              ))}
            </div>
          </fieldset>
          {files.length ? (
            <div className="field">
              <label htmlFor="default-resume">Default resume</label>
              <select
                id="default-resume"
                name="defaultResume"
                defaultValue={String(profile?.default_resume_file_id ?? "")}
              >
                <option value="">None</option>
                {files.map((f) => (
                  <option key={f.id} value={f.id}>
                    {f.original_name}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          <button type="submit" className="button">
            Save profile
          </button>
        </Form>
      </section>
    </div>
  );
}

type CredentialDetailsField = FieldMetadata<
  Record<string, { memberNumber?: string; expiresOn?: string }>
>;

type HeldCredential = ReturnType<typeof useLoaderData<typeof loader>>["credentials"][number];

/**
 * Which credentials the coder holds (checkboxes), then the member number and expiry of each.
 * Without JavaScript the detail rows follow the saved choice; with it, ticking a box adds
 * its row at once.
 */
function CredentialFields({
  options,
  held,
  codes,
  details,
}: {
  options: { code: string; name: string; issuer: string }[];
  held: HeldCredential[];
  codes: FieldMetadata<string[]>;
  details: CredentialDetailsField;
}) {
  const initial = (codes.initialValue as string[] | undefined) ?? held.map((c) => c.code);
  const [checked, setChecked] = useState(() => new Set(initial));
  const saved = new Map(held.map((c) => [c.code, c]));
  const rows = options.filter((c) => checked.has(c.code));
  const detailFields = details.getFieldset();
  const toggle = (code: string, on: boolean) =>
    setChecked((current) => {
      const next = new Set(current);
      if (on) next.add(code);
      else next.delete(code);
      return next;
    });
  return (
    <>
      <fieldset>
        <legend>Credentials</legend>
        <div className="choice-grid">
          {options.map((c) => (
            <label key={c.code} className="choice" title={c.name}>
              <input
                type="checkbox"
                name={codes.name}
                value={c.code}
                checked={checked.has(c.code)}
                onChange={(event) => toggle(c.code, event.currentTarget.checked)}
              />
              {c.code}
            </label>
          ))}
        </div>
      </fieldset>
      {rows.length ? (
        <table className="table credential-table">
          <caption>
            Member numbers and expiry dates. An operator checks member numbers by hand against the
            issuer&apos;s public directory (AAPC or AHIMA); employers then see the credential as
            verified. Changing a number or a date means it is checked again.
          </caption>
          <thead>
            <tr>
              <th scope="col">Credential</th>
              <th scope="col">Member number</th>
              <th scope="col">Expires</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((c) => {
              const row = detailFields[c.code].getFieldset();
              const state = saved.get(c.code);
              return (
                <tr key={c.code}>
                  <th scope="row">
                    {c.code} <span className="muted small">{c.issuer}</span>
                  </th>
                  <td>
                    <input
                      {...getInputProps(row.memberNumber, { type: "text" })}
                      key={row.memberNumber.key}
                      aria-label={`${c.code} member number`}
                      autoComplete="off"
                    />
                    <ErrorList id={row.memberNumber.errorId} errors={row.memberNumber.errors} />
                  </td>
                  <td>
                    <input
                      {...getInputProps(row.expiresOn, { type: "date" })}
                      key={row.expiresOn.key}
                      aria-label={`${c.code} expiry date`}
                    />
                    <ErrorList id={row.expiresOn.errorId} errors={row.expiresOn.errors} />
                  </td>
                  <td>
                    <CredentialState state={state} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
    </>
  );
}

function CredentialState({ state }: { state: HeldCredential | undefined }) {
  if (!state) return <span className="muted">Not saved yet</span>;
  if (state.expired) return <span className="credential-badge expired">Expired</span>;
  if (state.verified_at)
    return (
      <span className="credential-badge verified">✓ Verified {formatDate(state.verified_at)}</span>
    );
  return (
    <span className="muted">
      {state.member_number ? "Waiting for a check" : "Add your member number to have it checked"}
    </span>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
