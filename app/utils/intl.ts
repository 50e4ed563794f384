// Intl formatters are expensive to build and cheap to use: one per locale and options, kept
// for the life of the process (Number#toLocaleString builds a new one on every call).
const numberFormats = new Map<string, Intl.NumberFormat>();

export function numberFormat(locale = "en-US", options?: Intl.NumberFormatOptions) {
  const key = `${locale}|${options ? JSON.stringify(options) : ""}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    numberFormats.set(key, format);
  }
  return format;
}

const plain = numberFormat("en-US");

/** "1,234": a count as the site writes numbers. */
export function formatNumber(n: number) {
  return plain.format(n);
}
