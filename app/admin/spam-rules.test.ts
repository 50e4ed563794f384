import { en, Faker } from "@faker-js/faker";
import { describe, expect, it } from "vitest";
import { buildJob } from "../../tests/factories/jobs";
import { checkPosting, countLinks, normalizeDomain, type SpamConfig } from "./spam-rules";

const defaults: SpamConfig = {
  domains: ["bit.ly"],
  phrases: ["guaranteed weekly pay"],
  maxLinks: 3,
  flagOffsiteContact: true,
  flagApplicantFees: true,
};

const posting = (
  description: string,
  extra: Partial<{ apply_url: string; title: string }> = {},
) => ({
  title: extra.title ?? "Remote CPC Coder",
  description,
  apply_url: extra.apply_url ?? null,
});

const codes = (description: string, config = defaults) =>
  checkPosting(posting(description), config).map((t) => t.code);

describe("spam rules", () => {
  it("lets every demo posting through: real coding words are not spam", () => {
    const faker = new Faker({ locale: [en], seed: 42 });
    faker.seed(7);
    for (let i = 0; i < 300; i++) {
      const { row } = buildJob(faker, { companyName: "Northriver Health" });
      expect(checkPosting({ title: row.title, description: row.description }, defaults)).toEqual(
        [],
      );
    }
    expect(
      codes("Pro-fee coding against the fee schedule; we reimburse certification fees and CEUs."),
    ).toEqual([]);
  });

  it("flags blocked domains in links, bare mentions, subdomains and the apply link", () => {
    expect(codes("Apply at bit.ly/cpc-now")).toEqual(["blocked_domain"]);
    expect(codes("See https://go.bit.ly/x for details")).toEqual(["blocked_domain"]);
    expect(
      checkPosting(posting("Apply below.", { apply_url: "https://bit.ly/abc" }), defaults)[0],
    ).toEqual({ code: "blocked_domain", detail: "bit.ly" });
    expect(codes("Our site: notbit.ly.example.com is fine")).toEqual([]);
  });

  it("flags blocked phrases whatever their case and spacing", () => {
    expect(codes("GUARANTEED   weekly\npay for every coder")).toEqual(["blocked_phrase"]);
  });

  it("flags more links than the limit allows", () => {
    const links = "https://a.example https://b.example [c](https://c.example) www.d.example";
    expect(countLinks(links)).toBe(4);
    expect(codes(links)).toEqual(["too_many_links"]);
    expect(codes(links, { ...defaults, maxLinks: 4 })).toEqual([]);
  });

  it("flags contact by text, Telegram or WhatsApp", () => {
    for (const text of [
      "Message us on WhatsApp to start",
      "Reach the recruiter at t.me/coderjobs",
      "Interviews on Telegram only",
      "Text me your name and resume",
      "Text (555) 201-3344 to apply",
      "sms: 555.201.3344",
    ]) {
      expect(codes(text), text).toEqual(["offsite_contact"]);
    }
    expect(codes("Free-text fields in the EHR; SMS reminders for patients.")).toEqual([]);
    expect(codes("Text me", { ...defaults, flagOffsiteContact: false })).toEqual([]);
  });

  it("flags fees asked of applicants", () => {
    for (const text of [
      "A one-time training fee of $150 applies",
      "New hires must purchase the coding software from us",
      "Pay a refundable deposit for your laptop",
      "Payment accepted by Zelle or gift cards",
    ]) {
      expect(codes(text), text).toContain("applicant_fee");
    }
    expect(codes("Training fee $99", { ...defaults, flagApplicantFees: false })).toEqual([]);
  });

  it("reads a domain the way an operator types it", () => {
    expect(normalizeDomain("https://www.Bit.ly/abc")).toBe("bit.ly");
    expect(normalizeDomain("tinyurl.com")).toBe("tinyurl.com");
    expect(normalizeDomain("not a domain")).toBeNull();
  });
});
