// Money as the site writes it ("$99", "$1,250.50"). Formatters are built once per currency
// and precision: constructing an Intl.NumberFormat costs far more than using one.

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(currency: string, digits: number) {
  const key = `${currency}:${digits}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.NumberFormat("en-US", {
      style: "currency",
      currency: currency.toUpperCase(),
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    formatters.set(key, format);
  }
  return format;
}

/** An amount in cents: cents shown only when there are some, unless `digits` is given. */
export function formatCents(cents: number, currency = "usd", digits = cents % 100 === 0 ? 0 : 2) {
  return formatter(currency, digits).format(cents / 100);
}

/** Whole dollars (pay figures in reports): "$52,000". */
export function formatDollars(amount: number) {
  return formatter("usd", 0).format(amount);
}
