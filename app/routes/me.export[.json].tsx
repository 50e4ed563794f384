import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportAccountData } from "~/auth/account-data.server";
import { requireUser } from "~/auth/guards.server";

// GET /me/export.json: the signed-in person's data as one download.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const body = JSON.stringify(await exportAccountData(user.id), null, 2);
  return new Response(body, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": 'attachment; filename="medcode-jobs-my-data.json"',
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
