// What makes a posting wait for an operator: the spam rules (data operators edit at
// /admin/rules) applied to a posting's text. Pure, so the rules are tested without a database.

export type SpamConfig = {
  domains: string[];
  phrases: string[];
  maxLinks: number;
  flagOffsiteContact: boolean;
  flagApplicantFees: boolean;
};

export type TriggerCode =
  | "unverified_company"
  | "moderation_all"
  | "blocked_domain"
  | "blocked_phrase"
  | "too_many_links"
  | "offsite_contact"
  | "applicant_fee"
  | "edited_while_live"
  | "resubmitted";

export type Trigger = { code: TriggerCode; detail: string };

export const TRIGGER_LABELS: Record<TriggerCode, string> = {
  unverified_company: "Company not verified",
  moderation_all: "Every posting is reviewed (MODERATION=all)",
  blocked_domain: "Blocked domain",
  blocked_phrase: "Blocked phrase",
  too_many_links: "Too many links",
  offsite_contact: "Contact by text, Telegram or WhatsApp",
  applicant_fee: "Asks applicants to pay",
  edited_while_live: "Edited while live",
  resubmitted: "Resubmitted after changes were requested",
};

export type PostingText = {
  title: string;
  description: string;
  apply_url?: string | null;
  apply_email?: string | null;
};

const URL_PATTERN = /\bhttps?:\/\/[^\s<>()[\]"']+|\bwww\.[^\s<>()[\]"']+/gi;
const HOST_PATTERN = /\b((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24})\b/gi;

// Moving the conversation to a phone or a messaging app is how most coding-job scams start.
const OFFSITE_CONTACT = [
  /\bwhats\s?app\b|\bwa\.me\//i,
  /\btelegram\b|\bt\.me\//i,
  /\b(?:text|txt|sms)\s+(?:me|us|only|the\s+(?:recruiter|hiring\s+manager))\b/i,
  /\b(?:text|txt|sms)\s*(?:at|to|on)?\s*:?\s*\+?1?[\s.(-]*\d{3}[\s.)-]*\d{3}[\s.-]*\d{4}\b/i,
];

// Real employers never charge applicants. Phrases are narrow on purpose: "fee schedule" and
// "pro-fee" are everyday coding words, and "we reimburse certification fees" is a benefit.
const APPLICANT_FEES = [
  /\b(?:application|registration|training|processing|onboarding|enrollment|background[\s-]check|equipment|starter[\s-]kit)\s+fees?\b/i,
  /\b(?:you|applicants?|candidates?|new\s+hires?)\s+(?:must|will|need\s+to|are\s+required\s+to)\s+(?:first\s+)?(?:pay|purchase|buy|deposit)\b/i,
  /\bpay\s+(?:a|an|the)\s+(?:small\s+|one[\s-]time\s+|refundable\s+)?(?:fee|deposit)\b/i,
  /\brefundable\s+deposit\b/i,
  /\b(?:gift\s*cards?|zelle|cash\s?app|venmo|western\s+union|money\s*gram)\b/i,
];

const normalize = (text: string) => text.toLowerCase().replace(/\s+/g, " ");

/** The hosts a posting names: in links, email addresses and bare mentions (bit.ly/x). */
export function hostsIn(text: string): string[] {
  const hosts = new Set<string>();
  for (const match of text.matchAll(HOST_PATTERN)) hosts.add(match[1].toLowerCase());
  return [...hosts];
}

export function countLinks(text: string): number {
  return text.match(URL_PATTERN)?.length ?? 0;
}

/** A domain as operators type it ("https://www.Bit.ly/x" → "bit.ly"); null if it is none. */
export function normalizeDomain(input: string): string | null {
  const trimmed = input.trim().toLowerCase();
  const host = trimmed
    .replace(/^[a-z]+:\/\//, "")
    .replace(/^www\./, "")
    .split(/[/?#:]/)[0];
  return /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}$/.test(host) ? host : null;
}

function firstMatch(patterns: RegExp[], text: string) {
  for (const pattern of patterns) {
    const match = text.match(pattern);
    if (match) return match[0];
  }
  return null;
}

/** Every spam rule the posting trips, with what tripped it (shown to the operator). */
export function checkPosting(posting: PostingText, config: SpamConfig): Trigger[] {
  const triggers: Trigger[] = [];
  const everything = [
    posting.title,
    posting.description,
    posting.apply_url ?? "",
    posting.apply_email ?? "",
  ].join("\n");

  const hosts = hostsIn(everything);
  for (const domain of config.domains) {
    const hit = hosts.find((host) => host === domain || host.endsWith(`.${domain}`));
    if (hit) triggers.push({ code: "blocked_domain", detail: hit });
  }
  const text = normalize(`${posting.title}\n${posting.description}`);
  for (const phrase of config.phrases) {
    if (text.includes(normalize(phrase))) triggers.push({ code: "blocked_phrase", detail: phrase });
  }
  const links = countLinks(posting.description);
  if (links > config.maxLinks) {
    triggers.push({
      code: "too_many_links",
      detail: `${links} links (more than ${config.maxLinks})`,
    });
  }
  if (config.flagOffsiteContact) {
    const hit = firstMatch(OFFSITE_CONTACT, everything);
    if (hit) triggers.push({ code: "offsite_contact", detail: hit.trim() });
  }
  if (config.flagApplicantFees) {
    const hit = firstMatch(APPLICANT_FEES, everything);
    if (hit) triggers.push({ code: "applicant_fee", detail: hit.trim() });
  }
  return triggers;
}
