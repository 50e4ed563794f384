import { decodeHTML } from "entities";
import { marked } from "marked";
import sanitizeHtml from "sanitize-html";

// Employers write Markdown; readers get HTML limited to what a job description needs.
const allowed: sanitizeHtml.IOptions = {
  allowedTags: [
    "p",
    "br",
    "strong",
    "em",
    "ul",
    "ol",
    "li",
    "h2",
    "h3",
    "h4",
    "blockquote",
    "a",
    "code",
    "hr",
  ],
  allowedAttributes: { a: ["href", "rel"] },
  allowedSchemes: ["https", "http", "mailto"],
  transformTags: {
    h1: "h2",
    a: sanitizeHtml.simpleTransform("a", { rel: "nofollow noopener noreferrer ugc" }),
  },
};

export function renderMarkdown(markdown: string): string {
  const html = marked.parse(markdown, { async: false, gfm: true, breaks: false }) as string;
  return sanitizeHtml(html, allowed);
}

/**
 * Plain text of a Markdown document, for meta descriptions and feeds: real characters, not
 * entities ("E/M & HCC", never "E/M &amp; HCC"); whoever prints it escapes it for its format.
 */
export function markdownToText(markdown: string): string {
  const text = sanitizeHtml(marked.parse(markdown, { async: false }) as string, {
    allowedTags: [],
    allowedAttributes: {},
  });
  return decodeHTML(text).replace(/\s+/g, " ").trim();
}

/**
 * The sanitized HTML with every entity turned back into its character except the three that
 * keep text from reading as markup (&lt; &gt; &amp;): for feeds that put HTML inside CDATA,
 * where consumers show entities such as &#39; literally.
 */
export function htmlForCdata(html: string): string {
  return html.replace(/&(#x?[0-9a-f]+|[a-z][a-z0-9]*);/gi, (entity) => {
    if (/^&(lt|gt|amp|#0*(60|62|38)|#x0*(3c|3e|26));$/i.test(entity)) return entity;
    return decodeHTML(entity);
  });
}
