import { expect, it } from "vitest";
import { renderMarkdown } from "./markdown.server";

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
