import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireEmployer } from "~/auth/guards.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";

export const meta: MetaFunction = () => [{ title: "Employer dashboard | MedCode Jobs" }, { name: "robots", content: "noindex" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, company, role } = await requireEmployer(request);
  return { name: user.name, company, role };
}

export default function EmployerHome() {
  const { name, company, role } = useLoaderData<typeof loader>();
  return (
    <div className="container narrow stack">
      <h1>{company.name}</h1>
      <p>
        Welcome, {name} ({role}).
      </p>
      <ul>
        <li>
          <Link to="/employer/team">Team</Link>: invite recruiters and owners
        </li>
      </ul>
      <p className="notice">Posting and paying for jobs arrives with the employers&apos; issue.</p>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
