/** Every setting production requires, with harmless values: for tests of production behaviour. */
export const productionSettings = {
  NODE_ENV: "production",
  APP_URL: "https://medcodejobs.example",
  STRIPE_SECRET_KEY: "sk_test_x",
  STRIPE_WEBHOOK_SECRET: "whsec_x",
  RESEND_API_KEY: "re_live_example",
  RESEND_WEBHOOK_SECRET: "whsec_x",
  EMAIL_FROM: "MedCode Jobs <jobs@medcodejobs.example>",
  S3_BUCKET: "uploads",
  TRUST_PROXY: "1",
};
