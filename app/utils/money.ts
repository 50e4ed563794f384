// Money as the site writes it ("$99", "$1,250.50"), through the shared formatter cache.
import { numberFormat } from "./intl";

const formatter = (currency: string, digits: number) =>
  numberFormat("en-US", {
    style: "currency",
    currency: currency.toUpperCase(),
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });

/** An amount in cents: cents shown only when there are some, unless `digits` is given. */
export function formatCents(cents: number, currency = "usd", digits = cents % 100 === 0 ? 0 : 2) {
  return formatter(currency, digits).format(cents / 100);
}

/** Whole dollars (pay figures in reports): "$52,000". */
export function formatDollars(amount: number) {
  return formatter("usd", 0).format(amount);
}
