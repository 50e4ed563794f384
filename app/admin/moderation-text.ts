// What the site tells employers about review before a job goes live, for each MODERATION
// setting: one wording, so every page says what the code does.
export type ModerationSetting = "off" | "new-companies" | "all";

export function goLiveRule(setting: ModerationSetting) {
  switch (setting) {
    case "off":
      return "A job goes live the moment its payment is confirmed, unless its text trips one of our spam rules: then our team looks at it first, and its paid days start when it is approved.";
    case "new-companies":
      return "A verified company's job goes live the moment its payment is confirmed. Jobs from companies that are not verified yet, and any posting that trips our spam rules, are checked by our team first; their paid days start when they are approved, so none are lost while they wait.";
    case "all":
      return "Our team checks every job before it goes live; its paid days start when it is approved, so none are lost while it waits.";
  }
}
