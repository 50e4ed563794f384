import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listCredentials } from "~/codes/credentials.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";

export async function loader() {
  return { credentials: await listCredentials() };
}

export const meta: MetaFunction = () => [
  { title: "Medical coding credentials: CPC, CCS, CRC and more | MedCode Jobs" },
  {
    name: "description",
    content:
      "Coding and HIM credentials employers ask for, who issues them, and the open jobs that require or prefer each.",
  },
];

export default function Credentials() {
  const { credentials } = useLoaderData<typeof loader>();
  return (
    <div className="container">
      <h1>Coding credentials</h1>
      <table className="table stacked">
        <thead>
          <tr>
            <th scope="col">Credential</th>
            <th scope="col">Name</th>
            <th scope="col">Issuer</th>
          </tr>
        </thead>
        <tbody>
          {credentials.map((c) => (
            <tr key={c.code}>
              <td>
                <Link to={`/credentials/${c.slug}`}>{c.code}</Link>
              </td>
              <td data-label="Name">{c.name}</td>
              <td data-label="Issuer">{c.issuer}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
