import {
  data,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireEmployer } from "~/auth/guards.server";
import styles from "~/billing/employer.css?url";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { JobView } from "~/components/job-view";
import { buildJobView } from "~/jobs/job-page.server";
import { getJobPreview } from "~/jobs/posting.server";
import { parseId } from "~/utils/http";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction = () => [
  { title: "Preview | MedCode Jobs" },
  { name: "robots", content: "noindex" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { company } = await requireEmployer(request);
  const jobId = parseId(params.id);
  const preview = jobId ? await getJobPreview({ companyId: company.id, jobId }) : undefined;
  if (!preview || preview.status === "removed")
    throw data("This job does not exist.", { status: 404 });
  const { job, similar, codes, descriptionHtml } = await buildJobView(preview.job, {
    similarLimit: 4,
  });
  return { status: preview.status, job, similar, codes, descriptionHtml };
}

type SpecialtyLink = { slug: string; name: string; source: string };

/** Which specialties the job will be listed under: the picked ones and the kept suggestions. */
function Listing({ jobId, specialties }: { jobId: number; specialties: SpecialtyLink[] }) {
  const names = (source: string) =>
    specialties
      .filter((s) => s.source === source)
      .map((s) => s.name)
      .join(", ");
  const listed = [
    names("picked") && `${names("picked")} (picked)`,
    names("inferred") && `${names("inferred")} (suggested from your text)`,
  ].filter(Boolean);
  return (
    <p className="container small preview-listing">
      {listed.length
        ? `Listed under: ${listed.join("; ")}. `
        : "Not listed under any specialty: coders who browse by specialty will not find it. "}
      <Link to={`/employer/jobs/${jobId}/edit#suggestions`}>Review the specialties</Link>
    </p>
  );
}

export default function PreviewJob() {
  const { status, ...page } = useLoaderData<typeof loader>();
  const unpaid = status === "draft" || status === "pending_payment";
  return (
    <>
      <section className="preview-bar" aria-label="Preview">
        <div className="container form-actions">
          <strong>Preview: this is the page coders will see.</strong>
          <Link to={`/employer/jobs/${page.job.id}/edit`}>Edit</Link>
          {unpaid ? (
            <Link to={`/employer/jobs/${page.job.id}#publish`} className="button">
              Publish
            </Link>
          ) : (
            <Link to={`/employer/jobs/${page.job.id}`}>Back to the job</Link>
          )}
        </div>
        <Listing jobId={page.job.id} specialties={page.job.specialties} />
      </section>
      <JobView {...page} />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
