import { getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { SpamRuleSchema } from "~/admin/admin-schemas";
import { normalizeDomain } from "~/admin/spam-rules";
import {
  addSpamRule,
  listSpamRules,
  removeSpamRule,
  updateSpamSettings,
} from "~/admin/spam-rules.server";
import { requireAdmin } from "~/auth/guards.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorList } from "~/components/forms";
import { formatDate } from "~/jobs/format";
import { redirectWithFlash } from "~/utils/flash.server";

export const meta: MetaFunction = () => [
  { title: "Spam rules | MedCode Jobs" },
  { name: "robots", content: "noindex" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  return listSpamRules();
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireAdmin(request);
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: SpamRuleSchema });
  const reply = (errors: Record<string, string[]>) =>
    data(
      {
        intent: String(formData.get("intent") ?? ""),
        result: submission.reply({ fieldErrors: errors }),
      },
      { status: 400 },
    );
  if (submission.status !== "success") return reply({});
  const input = submission.value;
  if (input.intent === "add") {
    const value = input.kind === "domain" ? normalizeDomain(input.value) : input.value;
    if (!value) return reply({ value: ["Type a domain like bit.ly (no spaces)."] });
    const added = await addSpamRule({ actor: user, kind: input.kind, value, note: input.note });
    if (!added.ok) return reply({ value: ["That rule is already in the list."] });
    throw await redirectWithFlash(
      "/admin/rules",
      `Added. New postings that name ${value} now wait for review.`,
    );
  }
  if (input.intent === "remove") {
    await removeSpamRule({ actor: user, ruleId: input.ruleId });
    throw await redirectWithFlash("/admin/rules", "Rule removed.");
  }
  await updateSpamSettings({ actor: user, ...input });
  throw await redirectWithFlash("/admin/rules", "Settings saved.");
}

export default function SpamRules() {
  const { rules, settings } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [addForm, add] = useForm({
    id: "add-rule",
    lastResult: actionData?.intent === "add" ? actionData.result : undefined,
    defaultValue: { kind: "domain" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SpamRuleSchema }),
  });
  const [settingsForm, set] = useForm({
    id: "spam-settings",
    lastResult: actionData?.intent === "settings" ? actionData.result : undefined,
    defaultValue: {
      maxLinks: String(settings.max_links),
      flagOffsiteContact: settings.flag_offsite_contact ? "on" : "",
      flagApplicantFees: settings.flag_applicant_fees ? "on" : "",
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SpamRuleSchema }),
  });
  const groups = [
    {
      kind: "domain",
      title: "Blocked domains",
      help: "A posting naming one (in a link, an email address or plain text, subdomains included) waits for review.",
    },
    {
      kind: "phrase",
      title: "Blocked phrases",
      help: "A posting whose title or description contains one (any case) waits for review.",
    },
  ] as const;
  return (
    <>
      <h1>Spam rules</h1>
      <p>
        A paid posting that trips any rule waits in the <Link to="/admin/review">review queue</Link>{" "}
        instead of going live, whatever the company and the MODERATION setting; so does a live job
        whose edited text trips one. Links in descriptions are always shown with{" "}
        <code>rel="nofollow ugc"</code>.
      </p>
      {groups.map((group) => (
        <section className="card" key={group.kind} aria-labelledby={`${group.kind}-title`}>
          <h2 id={`${group.kind}-title`}>{group.title}</h2>
          <p className="muted">{group.help}</p>
          {rules.filter((r) => r.kind === group.kind).length ? (
            <table className="table">
              <caption className="visually-hidden">{group.title}</caption>
              <thead>
                <tr>
                  <th scope="col">Rule</th>
                  <th scope="col">Why</th>
                  <th scope="col">Added</th>
                  <th scope="col">
                    <span className="visually-hidden">Remove</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {rules
                  .filter((r) => r.kind === group.kind)
                  .map((rule) => (
                    <tr key={rule.id}>
                      <td>
                        <code>{rule.value}</code>
                      </td>
                      <td>{rule.note}</td>
                      <td className="small">
                        {formatDate(rule.created_at)}
                        {rule.created_by_name ? ` by ${rule.created_by_name}` : ""}
                      </td>
                      <td>
                        <Form method="post">
                          <input type="hidden" name="intent" value="remove" />
                          <input type="hidden" name="ruleId" value={rule.id} />
                          <button
                            type="submit"
                            className="button link"
                            aria-label={`Remove ${rule.value}`}
                          >
                            Remove
                          </button>
                        </Form>
                      </td>
                    </tr>
                  ))}
              </tbody>
            </table>
          ) : (
            <p>None yet.</p>
          )}
        </section>
      ))}
      <section className="card" aria-labelledby="add-title">
        <h2 id="add-title">Add a rule</h2>
        <Form method="post" {...getFormProps(addForm)} className="filter-bar">
          <input type="hidden" name="intent" value="add" />
          <div className="field">
            <label htmlFor={add.kind.id}>Kind</label>
            <select {...getSelectProps(add.kind)} key={add.kind.key}>
              <option value="domain">Domain</option>
              <option value="phrase">Phrase</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor={add.value.id}>Domain or phrase</label>
            <input {...getInputProps(add.value, { type: "text" })} key={add.value.key} />
            <ErrorList id={add.value.errorId} errors={add.value.errors} />
          </div>
          <div className="field">
            <label htmlFor={add.note.id}>Why (optional)</label>
            <input {...getInputProps(add.note, { type: "text" })} key={add.note.key} />
          </div>
          <button type="submit" className="button">
            Add
          </button>
        </Form>
      </section>
      <section className="card" aria-labelledby="settings-title">
        <h2 id="settings-title">Detectors</h2>
        <Form method="post" {...getFormProps(settingsForm)}>
          <input type="hidden" name="intent" value="settings" />
          <div className="field">
            <label htmlFor={set.maxLinks.id}>Most links a description may hold</label>
            <input
              {...getInputProps(set.maxLinks, { type: "number" })}
              key={set.maxLinks.key}
              min={0}
              max={100}
            />
            <p className="field-help">More than this and the posting waits for review.</p>
            <ErrorList id={set.maxLinks.errorId} errors={set.maxLinks.errors} />
          </div>
          <label className="choice">
            <input
              {...getInputProps(set.flagOffsiteContact, { type: "checkbox" })}
              key={set.flagOffsiteContact.key}
            />{" "}
            Flag contact by text message, Telegram or WhatsApp
          </label>
          <label className="choice">
            <input
              {...getInputProps(set.flagApplicantFees, { type: "checkbox" })}
              key={set.flagApplicantFees.key}
            />{" "}
            Flag fees asked of applicants (training, equipment, deposits, gift cards, payment apps)
          </label>
          <p className="muted small">Last changed {formatDate(settings.updated_at)}.</p>
          <button type="submit" className="button">
            Save detectors
          </button>
        </Form>
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
