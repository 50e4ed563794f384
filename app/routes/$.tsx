import { data } from "@remix-run/node";
import { GeneralErrorBoundary } from "~/components/error-boundary";

// Any path no route claims: a real 404 through the shared error page.
export function loader() {
  throw data("We could not find that page.", { status: 404 });
}

export function action() {
  throw data("We could not find that page.", { status: 404 });
}

export default function NotFound() {
  return null;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
