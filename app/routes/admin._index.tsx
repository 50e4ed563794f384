import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireAdmin } from "~/auth/guards.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";

export const meta: MetaFunction = () => [
  { title: "Operations | MedCode Jobs" },
  { name: "robots", content: "noindex" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireAdmin(request);
  return { name: user.name };
}

export default function Admin() {
  const { name } = useLoaderData<typeof loader>();
  return (
    <div className="container narrow">
      <h1>Operations</h1>
      <p>Signed in as {name}, operator.</p>
      <p className="notice">
        The moderation queue, reports, employer verification and refunds arrive with the
        operators&apos; issue. Only accounts with the admin role reach this page.
      </p>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
