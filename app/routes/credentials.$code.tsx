import { data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { AlertSignup } from "~/alerts/alert-signup";
import { getAlertSignup } from "~/alerts/signup.server";
import { getCredentialPage } from "~/codes/credentials.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { OpenJobs, SpecialtyLinks } from "~/components/graph";
import { describeSearch } from "~/search/describe";
import { emptyFilters } from "~/search/search-schemas";
import { getEnv } from "~/utils/env.server";
import { invariantResponse } from "~/utils/http";

export async function loader({ params, request }: LoaderFunctionArgs) {
  const raw = params.code ?? "";
  if (!/^[A-Za-z0-9-]{2,20}$/.test(raw)) {
    throw data("We do not track a credential by that name.", { status: 404 });
  }
  const slug = raw.toLowerCase();
  if (slug !== raw) throw redirect(`/credentials/${slug}`, 301);
  const page = await getCredentialPage(slug);
  invariantResponse(page, "We do not track a credential by that name.");
  return {
    ...page,
    canonical: `${getEnv().APP_URL ?? ""}/credentials/${slug}`,
    alertSignup: await getAlertSignup(request, {
      filters: { credential: [page.credential.code] },
      description: describeSearch(
        { ...emptyFilters, credential: [page.credential.code] },
        { specialty: {} },
      ),
    }),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data: page }) => {
  if (!page) return [{ title: "Credential not found | MedCode Jobs" }];
  const { credential } = page;
  return [
    { title: `${credential.code} jobs: ${credential.name} | MedCode Jobs` },
    {
      name: "description",
      content: `${credential.name} (${credential.code}), issued by ${credential.issuer}: the coding specialties it fits and open jobs that require or prefer it.`,
    },
    { tagName: "link", rel: "canonical", href: page.canonical },
  ];
};

export default function CredentialPage() {
  const { credential, specialties, required, preferred, alertSignup } =
    useLoaderData<typeof loader>();
  return (
    <div className="container grid-2">
      <article>
        <p className="muted eyebrow">
          <Link to="/credentials">Credentials</Link>
        </p>
        <h1>
          {credential.code} jobs <span className="muted subtitle">{credential.name}</span>
        </h1>
        <OpenJobs
          id="required-title"
          title={`Jobs that require ${credential.code}`}
          jobs={required.jobs}
          total={required.total}
          moreHref={`/jobs?credential=${credential.slug}`}
          empty={`No open job requires ${credential.code} right now.`}
        />
        <OpenJobs
          id="preferred-title"
          title={`Jobs that prefer ${credential.code}`}
          jobs={preferred.jobs}
          total={preferred.total}
          empty={`No open job lists ${credential.code} as preferred right now.`}
        />
      </article>
      <aside className="stack">
        <section className="card" aria-labelledby="about-title">
          <h2 id="about-title">About the {credential.code}</h2>
          <dl className="facts">
            <dt>Name</dt>
            <dd>{credential.name}</dd>
            <dt>Issuer</dt>
            <dd>{credential.issuer}</dd>
            {credential.focus ? (
              <>
                <dt>Focus</dt>
                <dd>{credential.focus}</dd>
              </>
            ) : null}
          </dl>
          {specialties.length ? (
            <>
              <h3 className="small-heading">Specialties it fits</h3>
              <SpecialtyLinks
                specialties={specialties}
                label={`Specialties ${credential.code} fits`}
              />
            </>
          ) : null}
        </section>
        <AlertSignup signup={alertSignup} title={`Email me new ${credential.code} jobs`} />
      </aside>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
