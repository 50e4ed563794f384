import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";

/** The one error page of the site: 404s, 403s, 410s and unexpected failures all land here. */
export function GeneralErrorBoundary() {
  const error = useRouteError();
  if (isRouteErrorResponse(error)) {
    const message =
      typeof error.data === "string" && error.data.length < 300 && !error.data.startsWith("<")
        ? error.data
        : null;
    if (error.status === 404) {
      return (
        <ErrorPage title="Page not found" status={404}>
          <p>
            {message ??
              "We could not find that page. It may have moved, or the link may be mistyped."}
          </p>
        </ErrorPage>
      );
    }
    return (
      <ErrorPage title={error.statusText || "Something went wrong"} status={error.status}>
        <p>{message ?? "This request could not be completed."}</p>
      </ErrorPage>
    );
  }
  return (
    <ErrorPage title="Something went wrong" status={500}>
      <p>
        An unexpected error happened on our side. It has been logged; please try again in a moment.
      </p>
    </ErrorPage>
  );
}

function ErrorPage({
  title,
  status,
  children,
}: {
  title: string;
  status: number;
  children: React.ReactNode;
}) {
  return (
    <section className="error-page" aria-labelledby="error-title">
      <p className="error-status">{status}</p>
      <h1 id="error-title">{title}</h1>
      {children}
      <p className="error-actions">
        <Link to="/jobs" className="button">
          Browse jobs
        </Link>{" "}
        <Link to="/">Home</Link>
      </p>
    </section>
  );
}
