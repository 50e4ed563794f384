/** URL-safe words: "Remote Cardiology Coder II" → "remote-cardiology-coder-ii". */
export function slugify(text: string, fallback = "item") {
  return (
    text
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 80)
      .replace(/-+$/g, "") || fallback
  );
}
