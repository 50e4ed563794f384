import { data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { codePath } from "~/codes/code-systems";
import { getRangePage } from "~/codes/ranges.server";
import { CodeSearch } from "~/components/code-search";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { CptNotice, JobTiers, SpecialtyLinks } from "~/components/graph";
import { getEnv } from "~/utils/env.server";

export async function loader({ params }: LoaderFunctionArgs) {
  const key = params.key ?? "";
  const page = key.length <= 40 ? await getRangePage(key) : null;
  if (!page) throw data("We do not publish a code range at that address.", { status: 404 });
  if (page.kind === "redirect") throw redirect(page.canonical, 301);
  return { ...page, canonical: `${getEnv().APP_URL ?? ""}${page.range.path}` };
}

export const meta: MetaFunction<typeof loader> = ({ data: page }) => {
  if (!page) return [{ title: "Code range not found | MedCode Jobs" }];
  const name = `${page.range.system} ${page.range.span}`;
  return [
    { title: `${name} coding jobs | MedCode Jobs` },
    {
      name: "description",
      content: `${name} (${page.range.label}): the ranges inside it, its coding specialties and open jobs whose postings name its codes.`,
    },
    { tagName: "link", rel: "canonical", href: page.canonical },
  ];
};

export default function RangePage() {
  const { range, within, narrower, specialties, codes, tiers } = useLoaderData<typeof loader>();
  const specialtyQuery = specialties.map((s) => `specialty=${s.slug}`).join("&");
  return (
    <div className="container grid-2">
      <article>
        <p className="muted eyebrow">
          <Link to="/codes">Codes</Link> · {range.system} range
        </p>
        <h1>
          {range.system} {range.span} coding jobs
        </h1>
        <section className="card" aria-label="About this range">
          <dl className="facts">
            <dt>Range</dt>
            <dd>{range.label}</dd>
            {within.length ? (
              <>
                <dt>Within</dt>
                <dd>
                  <ol className="range-trail">
                    {within.map((r) => (
                      <li key={r.href}>
                        <Link to={r.href}>{r.span}</Link> {r.label}
                      </li>
                    ))}
                  </ol>
                </dd>
              </>
            ) : null}
          </dl>
          {range.caution ? <p className="notice">{range.caution}</p> : null}
          {specialties.length ? (
            <>
              <h2 className="small-heading">Coding specialties</h2>
              <SpecialtyLinks specialties={specialties} label="Coding specialties for this range" />
            </>
          ) : (
            <p className="muted">We have not linked this range to a coding specialty yet.</p>
          )}
        </section>
        <JobTiers
          id="range-jobs-title"
          tiers={tiers}
          moreHref={specialtyQuery ? `/jobs?${specialtyQuery}` : undefined}
          empty="No open job names a code in this range or sits in its specialties right now."
        />
      </article>
      <aside className="stack">
        {narrower.length ? (
          <section className="card" aria-labelledby="narrower-title">
            <h2 id="narrower-title">Ranges inside it</h2>
            <ul className="range-list">
              {narrower.map((r) => (
                <li key={r.href}>
                  <Link to={r.href}>{r.span}</Link> {r.label}
                  {r.verified ? null : <span className="muted"> (edges not yet checked)</span>}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        {codes.length ? (
          <section className="card" aria-labelledby="curated-title">
            <h2 id="curated-title">Codes we track in it</h2>
            <ul className="code-list">
              {codes.map((c) => (
                <li key={c.code}>
                  <Link to={codePath(c.code)} className="code">
                    {c.code}
                  </Link>{" "}
                  <span className="muted">
                    {c.topic}
                    {c.status ? ` · ${c.status}` : ""}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        <section className="card" aria-labelledby="lookup-title">
          <h2 id="lookup-title">Look up a code</h2>
          <CodeSearch />
        </section>
        {range.system === "CPT" ? <CptNotice /> : null}
      </aside>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
