import { isRouteErrorResponse, useRouteError } from "@remix-run/react";

/** The one error page of the site: 404s, 403s, 410s, 503s and unexpected failures all land here. */
export function GeneralErrorBoundary() {
  const error = useRouteError();
  if (isRouteErrorResponse(error)) {
    const message =
      typeof error.data === "string" && error.data.length < 300 && !error.data.startsWith("<")
        ? error.data
        : null;
    return <ErrorPage status={error.status} statusText={error.statusText} message={message} />;
  }
  return (
    <ErrorPage
      status={500}
      message="An unexpected error happened on our side. It has been logged; please try again in a moment."
    />
  );
}

const TITLES: Record<number, string> = {
  404: "Page not found",
  500: "Something went wrong",
  503: "Temporarily unavailable",
};

const FALLBACK_MESSAGES: Record<number, string> = {
  404: "We could not find that page. It may have moved, or the link may be mistyped.",
};

/**
 * The page itself, also rendered outside Remix for refusals of downloads
 * (app/utils/refusal.server.tsx): plain links, so it needs no router.
 */
export function ErrorPage({
  status,
  statusText,
  message,
}: {
  status: number;
  statusText?: string;
  message: string | null;
}) {
  return (
    <section className="error-page" aria-labelledby="error-title">
      <p className="error-status">{status}</p>
      <h1 id="error-title">{errorTitle(status, statusText)}</h1>
      <p>{message ?? FALLBACK_MESSAGES[status] ?? "This request could not be completed."}</p>
      <p className="error-actions">
        <a href="/jobs" className="button">
          Browse jobs
        </a>{" "}
        <a href="/">Home</a>
      </p>
    </section>
  );
}

export function errorTitle(status: number, statusText?: string) {
  return TITLES[status] ?? (statusText || "Something went wrong");
}
