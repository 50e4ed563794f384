// The shared error page as a whole document, for answers Remix does not render as a page:
// a resource route's refusal (a download the asker may not have) or a 503 from one.
import { renderToStaticMarkup } from "react-dom/server";
import { ErrorPage, errorTitle } from "~/components/error-boundary";
import stylesheet from "~/styles/app.css?url";

export function renderRefusal({ status, message }: { status: number; message: string }): string {
  return `<!DOCTYPE html>${renderToStaticMarkup(
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{`${errorTitle(status)} | MedCode Jobs`}</title>
        <link rel="stylesheet" href={stylesheet} />
      </head>
      <body>
        <header className="site-header">
          <div className="container header-inner">
            <a href="/" className="brand" aria-label="MedCode Jobs, home">
              <span className="brand-mark" aria-hidden="true">
                MC
              </span>
              MedCode Jobs
            </a>
          </div>
        </header>
        <main id="main">
          <ErrorPage status={status} message={message || null} />
        </main>
      </body>
    </html>,
  )}`;
}
