// What the public job page and the employer's preview render, built once for both.
import { describeCodes } from "~/codes/codes.server";
import { findCodes } from "~/codes/detect";
import { getDb } from "~/utils/db.server";
import { markdownToText, renderMarkdown } from "~/utils/markdown.server";
import { type JobPageRow, listSimilarJobs } from "./jobs.server";

/**
 * The description as sanitized HTML and plain text: as stored when the job was saved
 * (migration 2026-12-01T1300), or, for a row written without them (a trigger clears both when
 * the description changes alone), rendered now and stored for the next view.
 */
export function renderedDescription(
  row: Pick<JobPageRow, "id" | "description" | "description_html" | "description_text">,
) {
  if (row.description_html != null && row.description_text != null)
    return { html: row.description_html, text: row.description_text };
  const html = renderMarkdown(row.description);
  const text = markdownToText(row.description);
  void getDb()
    .updateTable("jobs")
    .set({ description_html: html, description_text: text })
    .where("id", "=", row.id)
    .where("description", "=", row.description)
    .execute()
    .catch(() => {});
  return { html, text };
}

/**
 * The job without its raw text, its description as sanitized HTML and a plain summary, the
 * code families the posting names, and similar open jobs.
 */
export async function buildJobView(row: JobPageRow, { similarLimit }: { similarLimit: number }) {
  const { description, description_html: _html, description_text: _text, ...job } = row;
  const [similar, codes] = await Promise.all([
    listSimilarJobs({ jobId: row.id, limit: similarLimit }),
    describeCodes(findCodes(`${row.title}\n${description}`).slice(0, 24)),
  ]);
  const rendered = renderedDescription(row);
  return {
    job,
    similar,
    codes,
    descriptionHtml: rendered.html,
    summary: rendered.text.slice(0, 200),
  };
}
