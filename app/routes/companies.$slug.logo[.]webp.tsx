import type { LoaderFunctionArgs } from "@remix-run/node";
import { logoResponse, readCompanyLogo } from "~/companies/logo.server";
import { invariantResponse } from "~/utils/http";

// GET /companies/:slug/logo.webp: the company's logo, always a WebP we encoded ourselves.
export async function loader({ params }: LoaderFunctionArgs) {
  const slug = params.slug ?? "";
  const bytes = /^[a-z0-9-]{1,100}$/.test(slug) ? await readCompanyLogo(slug) : null;
  invariantResponse(bytes, "This company has no logo.");
  return logoResponse(bytes);
}
