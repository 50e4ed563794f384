// What a POST to an alert's page does, for both ways of holding one: its token
// (/alerts/manage/:token) or the account that owns it (/me/alerts/:id). The route has already
// decided who is asking; ownership is in every domain call's WHERE clause.
import { parseWithZod } from "@conform-to/zod/v4";
import { data } from "@remix-run/node";
import { loadReference } from "~/search/search.server";
import { emptyFilters, type SearchFilters } from "~/search/search-schemas";
import { askToConfirm, isConfirmed } from "~/utils/confirm.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { invariantResponse } from "~/utils/http";
import type { EditorAlert, EditorAnswer } from "./alert-editor";
import {
  type AlertOwner,
  deleteAlert,
  getAlert,
  pauseAlert,
  resumeAlert,
  updateAlertFilters,
  updateAlertSettings,
} from "./alerts.server";
import { ALERT_INTENTS, type AlertIntent, AlertSettingsSchema } from "./alerts-schemas";

const GONE = "We could not find that alert. It may have been deleted.";

/** What an alert's page shows, or a 404 for an unknown token or another person's alert. */
export async function loadAlertPage(owner: AlertOwner) {
  const [alert, reference] = await Promise.all([getAlert(owner), loadReference()]);
  invariantResponse(alert, GONE);
  const editor: EditorAlert = {
    name: alert.name,
    description: alert.description,
    query: alert.query,
    filters: { ...emptyFilters, ...(alert.filters as Partial<SearchFilters>) },
    frequency: alert.frequency,
    time_zone: alert.time_zone,
    confirmed: alert.confirmed_at != null,
    paused_reason: alert.paused_reason,
    recipient: alert.recipient,
    confirmAction: "token" in owner ? `/alerts/confirm/${owner.token}` : null,
  };
  return {
    alert: editor,
    reference: {
      specialties: reference.specialties.map(({ slug, name }) => ({ slug, name })),
      credentials: reference.credentials.map(({ code, name }) => ({ code, name })),
    },
  };
}

/** The /jobs parameters of the filters form: everything it posted except the intent. */
function filterParams(formData: FormData) {
  const params = new URLSearchParams();
  for (const [name, value] of formData) {
    if (name !== "intent" && typeof value === "string") params.append(name, value);
  }
  return params;
}

export async function handleAlertAction({
  owner,
  formData,
  here,
  afterDelete,
}: {
  owner: AlertOwner;
  formData: FormData;
  /** This page, where changes come back to. */
  here: string;
  afterDelete: string;
}) {
  const intent = String(formData.get("intent") ?? "");
  invariantResponse(ALERT_INTENTS.includes(intent as AlertIntent), "Unknown action.", {
    status: 400,
  });
  const answer = (body: EditorAnswer, status = 400) => data(body, { status });
  switch (intent as AlertIntent) {
    case "settings": {
      const submission = parseWithZod(formData, { schema: AlertSettingsSchema });
      if (submission.status !== "success") return answer({ settings: submission.reply() });
      const result = await updateAlertSettings(owner, submission.value);
      invariantResponse(result.ok, GONE);
      return redirectWithFlash(here, "Alert saved.");
    }
    case "filters": {
      const result = await updateAlertFilters(owner, filterParams(formData));
      if (!result.ok && result.reason === "invalid")
        return answer({ filterProblems: result.problems });
      if (!result.ok && result.reason === "duplicate")
        return answer({ filterProblems: ["You already have an alert for exactly that search."] });
      invariantResponse(result.ok, GONE);
      return redirectWithFlash(here, "Filters saved. New matching jobs follow the new filters.");
    }
    case "pause": {
      invariantResponse((await pauseAlert(owner)).ok, GONE);
      return redirectWithFlash(here, "Alert paused: no emails until you resume it.");
    }
    case "resume": {
      const result = await resumeAlert(owner);
      if (!result.ok && result.reason === "undeliverable")
        return answer({
          error:
            "We cannot send to this address any more: an email to it bounced or was reported as spam. Create the alert again with another address.",
        });
      invariantResponse(result.ok, GONE);
      return redirectWithFlash(here, "Alert resumed: new matching jobs from now on.");
    }
    case "delete": {
      if (!isConfirmed(formData)) {
        const alert = await getAlert(owner);
        invariantResponse(alert, GONE);
        return askToConfirm(formData, {
          title: `Delete the alert “${alert.name}”?`,
          message: "You will get no more emails for this search. This cannot be undone.",
          confirmLabel: "Yes, delete it",
          cancelHref: here,
        });
      }
      invariantResponse((await deleteAlert(owner)).ok, GONE);
      return redirectWithFlash(afterDelete, "Alert deleted. No more emails for that search.");
    }
  }
}
