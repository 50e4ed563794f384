// What the public job page and the employer's preview render, built once for both.
import { describeCodes } from "~/codes/codes.server";
import { findCodes } from "~/codes/detect";
import { markdownToText, renderMarkdown } from "~/utils/markdown.server";
import { type JobPageRow, listSimilarJobs } from "./jobs.server";

/**
 * The job without its raw text, its description as sanitized HTML and a plain summary, the
 * code families the posting names, and similar open jobs.
 */
export async function buildJobView(row: JobPageRow, { similarLimit }: { similarLimit: number }) {
  const { description, ...job } = row;
  const [similar, codes] = await Promise.all([
    listSimilarJobs({ jobId: row.id, limit: similarLimit }),
    describeCodes(findCodes(`${row.title}\n${description}`).slice(0, 24)),
  ]);
  return {
    job,
    similar,
    codes,
    descriptionHtml: renderMarkdown(description),
    summary: markdownToText(description).slice(0, 200),
  };
}
