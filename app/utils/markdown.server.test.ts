import { expect, it } from "vitest";
import { htmlForCdata, markdownToText, renderMarkdown } from "./markdown.server";

it("renders job Markdown and strips scripts, handlers and javascript: links", () => {
  const html = renderMarkdown(
    "## Duties\n\n- Code **E/M**\n\n<script>alert(1)</script><img src=x onerror=alert(1)>\n\n[x](javascript:alert(1)) [site](https://example.com)",
  );
  expect(html).toContain("<h2>Duties</h2>");
  expect(html).toContain("<strong>E/M</strong>");
  expect(html).not.toMatch(/<script|onerror|href="javascript|<img/);
  expect(html).toContain(
    '<a href="https://example.com" rel="nofollow noopener noreferrer ugc">site</a>',
  );
});

it("gives plain text with real characters, never entities", () => {
  expect(markdownToText('**E/M** & HCC: the coder\'s "desk"')).toBe(
    `E/M & HCC: the coder's "desk"`,
  );
});

it("keeps only the entities that stop text reading as markup, for HTML inside CDATA", () => {
  const html = renderMarkdown('Pay & <b>bonus</b>, it\'s "fine" if x < y');
  expect(htmlForCdata(html).trim()).toBe(`<p>Pay &amp; bonus, it's "fine" if x &lt; y</p>`);
});
