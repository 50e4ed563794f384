import {
  data,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import {
  Form,
  Link,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useMatches,
  useRouteLoaderData,
} from "@remix-run/react";
import { useEffect, useRef } from "react";
import { getUser } from "./auth/guards.server";
import { GeneralErrorBoundary } from "./components/error-boundary";
import { useNonce } from "./components/nonce";
import { Notice } from "./components/notice";
import stylesheet from "./styles/app.css?url";
import { getEnv } from "./utils/env.server";
import { readFlash } from "./utils/flash.server";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [
  { title: "MedCode Jobs: jobs for medical coders" },
  {
    name: "description",
    content:
      "Medical coding jobs by specialty, credential and code family: remote, hybrid and on-site roles for CPC, CCS, CRC and more.",
  },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const [user, { flash, clearCookie }] = await Promise.all([getUser(request), readFlash(request)]);
  return data(
    {
      user: user
        ? { name: user.name, role: user.role, verified: Boolean(user.email_verified_at) }
        : null,
      flash,
      // Only a flag: whether emails are kept at /dev/emails instead of sent (no Resend key).
      localMail: !getEnv().RESEND_API_KEY,
      origin: getEnv().APP_URL,
    },
    clearCookie ? { headers: { "Set-Cookie": clearCookie } } : undefined,
  );
}

type RootUser = { name: string; role: string; verified: boolean } | null;

export function Layout({ children }: { children: React.ReactNode }) {
  const nonce = useNonce();
  // Absent when the root loader itself failed: the error page still gets a header.
  const rootData = useRouteLoaderData<typeof loader>("root");
  const user: RootUser = rootData?.user ?? null;
  const flash = rootData?.flash ?? null;
  const canonical = useCanonical(rootData?.origin ?? "");
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light" />
        <Meta />
        {canonical ? <link rel="canonical" href={canonical} /> : null}
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <SiteHeader user={user} />
        {user && !user.verified ? <VerifyBanner /> : null}
        <main id="main" tabIndex={-1}>
          {flash ? (
            <div className="container flash">
              <Notice kind={flash.kind}>{flash.message}</Notice>
            </div>
          ) : null}
          {children}
        </main>
        <SiteFooter />
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

function VerifyBanner() {
  return (
    <div className="banner" role="status">
      <div className="container">
        Please confirm your email address: open the link we sent you.{" "}
        <Form method="post" action="/verify-email">
          <input type="hidden" name="intent" value="resend" />
          <button type="submit" className="button link">
            Send a new link
          </button>
        </Form>
      </div>
    </div>
  );
}

function SiteHeader({ user }: { user: RootUser }) {
  // A phone folds the links under "Menu" (details/summary: no JavaScript needed). With
  // JavaScript the menu closes after each navigation, and a wide screen opens it for
  // browsers that cannot show it open by CSS alone.
  const menu = useRef<HTMLDetailsElement>(null);
  const location = useLocation();
  useEffect(() => {
    if (!menu.current) return;
    menu.current.open = window.matchMedia(WIDE_SCREEN).matches;
  }, [location.pathname, location.search]);
  return (
    <header className="site-header">
      <div className="container header-inner">
        <Link to="/" className="brand">
          <span className="brand-mark" aria-hidden="true">
            MC
          </span>
          MedCode Jobs
        </Link>
        <nav aria-label="Main" className="site-nav">
          <details className="site-menu" ref={menu}>
            <summary>Menu</summary>
            <ul className="nav-list">
              <li>
                <NavLink to="/jobs">Find jobs</NavLink>
              </li>
              <li>
                <NavLink to="/specialties">Specialties</NavLink>
              </li>
              {!user ? (
                <li>
                  <NavLink to="/pricing">For employers</NavLink>
                </li>
              ) : null}
              {user ? (
                <>
                  {user.role === "candidate" ? (
                    <>
                      <li>
                        <NavLink to="/me" end>
                          Jobs for you
                        </NavLink>
                      </li>
                      <li>
                        <NavLink to="/me/applications">Applications</NavLink>
                      </li>
                      <li>
                        <NavLink to="/me/saved">Saved jobs</NavLink>
                      </li>
                      <li>
                        <NavLink to="/me/alerts">Alerts</NavLink>
                      </li>
                      <li>
                        <NavLink to="/me/profile">Profile</NavLink>
                      </li>
                    </>
                  ) : null}
                  {user.role === "employer" ? (
                    <li>
                      <NavLink to="/employer">Dashboard</NavLink>
                    </li>
                  ) : null}
                  {user.role === "admin" ? (
                    <li>
                      <NavLink to="/admin">Operations</NavLink>
                    </li>
                  ) : null}
                  <li>
                    <NavLink to="/me/settings">Account</NavLink>
                  </li>
                  <li>
                    <Form method="post" action="/logout">
                      <button type="submit" className="button link">
                        Log out
                      </button>
                    </Form>
                  </li>
                </>
              ) : (
                <>
                  <li>
                    <NavLink to="/login">Log in</NavLink>
                  </li>
                  <li>
                    <Link to="/signup" className="button">
                      Sign up
                    </Link>
                  </li>
                </>
              )}
            </ul>
          </details>
        </nav>
      </div>
    </header>
  );
}

const WIDE_SCREEN = "(min-width: 820px)";

/**
 * Every page names its canonical address: the deepest route's `canonical` from its loader
 * (a job's slug URL, a normalized search), else this page's path without its query.
 */
function useCanonical(origin: string) {
  const matches = useMatches();
  const location = useLocation();
  for (const match of [...matches].reverse()) {
    const data = match.data as { canonical?: unknown } | undefined;
    if (data && typeof data.canonical === "string") return data.canonical;
  }
  return origin ? `${origin}${location.pathname}` : null;
}

function SiteFooter() {
  return (
    <footer className="site-footer">
      <div className="container">
        <nav aria-label="Footer">
          <ul className="footer-links">
            <li>
              <Link to="/jobs">All jobs</Link>
            </li>
            <li>
              <Link to="/about">About</Link>
            </li>
            <li>
              <Link to="/pricing">Pricing</Link>
            </li>
          </ul>
        </nav>
        <p className="trademark">
          CPT® is a registered trademark of the American Medical Association. Code numbers and
          ranges are shown for job matching; no AMA descriptors are reproduced.
        </p>
        <p className="muted">© {new Date().getFullYear()} MedCode Jobs</p>
      </div>
    </footer>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
