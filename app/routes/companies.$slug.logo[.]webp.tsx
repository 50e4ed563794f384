import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { logoResponse, readCompanyLogo } from "~/companies/logo.server";

// GET /companies/:slug/logo.webp: the company's logo, always a WebP we encoded ourselves.
export async function loader({ params }: LoaderFunctionArgs) {
  const slug = params.slug ?? "";
  const bytes = /^[a-z0-9-]{1,100}$/.test(slug) ? await readCompanyLogo(slug) : null;
  if (!bytes) throw data("This company has no logo.", { status: 404 });
  return logoResponse(bytes);
}
