import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listSpecialtyGroups } from "~/codes/specialties.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";

export async function loader() {
  return { groups: await listSpecialtyGroups() };
}

export const meta: MetaFunction = () => [
  { title: "Medical coding specialties: jobs, codes and credentials | MedCode Jobs" },
  {
    name: "description",
    content:
      "Every medical coding specialty we track, from E/M and inpatient DRG to cardiology, interventional radiology and risk adjustment, with its code ranges, credentials and open jobs.",
  },
];

export default function Specialties() {
  const { groups } = useLoaderData<typeof loader>();
  return (
    <div className="container">
      <h1>Coding specialties</h1>
      <p className="muted">
        Each specialty page lists the code ranges it works in, the credentials that fit it, what its
        open jobs pay and the newest openings.
      </p>
      {groups.map((g) => (
        <section key={g.group} aria-labelledby={`group-${g.group}`}>
          <h2 id={`group-${g.group}`}>{g.label}</h2>
          <ul className="specialty-grid">
            {g.specialties.map((s) => (
              <li key={s.slug}>
                <Link to={`/specialties/${s.slug}`}>
                  {s.name}{" "}
                  <span className="muted">
                    ({s.open_jobs} open {s.open_jobs === 1 ? "job" : "jobs"})
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
