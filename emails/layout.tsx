import { Body, Container, Head, Hr, Html, Preview, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";

// The frame every MedCode Jobs email shares: brand line, content, footer. Inline styles only:
// mail clients ignore most stylesheets.
export function EmailLayout({
  preview,
  children,
  footer,
}: {
  preview: string;
  children: ReactNode;
  /** Replaces the default footer (alert emails put their manage and unsubscribe links there). */
  footer?: ReactNode;
}) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={body}>
        <Container style={container}>
          <Text style={brand}>MedCode Jobs</Text>
          <Section>{children}</Section>
          <Hr style={rule} />
          {footer ?? (
            <Text style={styles.footer}>
              MedCode Jobs, the job board for medical coders and the teams that hire them. You are
              receiving this email because of an action taken with this address on MedCode Jobs.
            </Text>
          )}
        </Container>
      </Body>
    </Html>
  );
}

export const styles = {
  heading: { fontSize: "22px", fontWeight: 600, color: "#0f172a", margin: "16px 0" },
  text: { fontSize: "15px", lineHeight: "24px", color: "#1e293b" },
  muted: { fontSize: "13px", lineHeight: "20px", color: "#64748b" },
  button: {
    backgroundColor: "#0f5fa8",
    borderRadius: "6px",
    color: "#ffffff",
    fontSize: "15px",
    fontWeight: 600,
    padding: "12px 20px",
    textDecoration: "none",
    display: "inline-block",
  },
  code: {
    fontFamily: "ui-monospace, Menlo, Consolas, monospace",
    fontSize: "24px",
    letterSpacing: "4px",
    fontWeight: 600,
    color: "#0f172a",
  },
  link: { color: "#0f5fa8", wordBreak: "break-all" as const },
  footer: { fontSize: "12px", lineHeight: "18px", color: "#64748b" },
};

const body = {
  backgroundColor: "#f4f6f8",
  fontFamily: "-apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif",
  margin: 0,
  padding: "24px 0",
};
const container = {
  backgroundColor: "#ffffff",
  borderRadius: "8px",
  margin: "0 auto",
  maxWidth: "560px",
  padding: "24px 32px",
};
const brand = { fontSize: "18px", fontWeight: 700, color: "#0f5fa8", margin: 0 };
const rule = { borderColor: "#e2e8f0", margin: "24px 0 12px" };
