import { Button, Heading, Link, Text } from "@react-email/components";
import { EmailLayout, styles } from "./layout";

export type CompanyVerificationProps = {
  companyName: string;
  domain: string;
  url: string;
};

export const subject = ({ companyName }: CompanyVerificationProps) =>
  `Confirm this address to verify ${companyName} on MedCode Jobs`;

export default function CompanyVerification({
  companyName,
  domain,
  url,
}: CompanyVerificationProps) {
  return (
    <EmailLayout preview={`Confirm your work address for ${companyName}`}>
      <Heading style={styles.heading}>Confirm your work address</Heading>
      <Text style={styles.text}>
        Someone asked to verify {companyName} on MedCode Jobs with this address on {domain}. Open
        the link below to confirm that you received it; an operator then checks the request and
        grants the verified badge or tells you why not.
      </Text>
      <Button href={url} style={styles.button}>
        Confirm this address
      </Button>
      <Text style={styles.muted}>
        Or open{" "}
        <Link href={url} style={styles.link}>
          {url}
        </Link>
        . The link works for 24 hours. If you did not ask for this, ignore this email: nothing
        happens without the confirmation.
      </Text>
    </EmailLayout>
  );
}

CompanyVerification.PreviewProps = {
  companyName: "Riverbend Health",
  domain: "riverbendhealth.org",
  url: "http://localhost:3000/verify-company?token=abc",
} satisfies CompanyVerificationProps;
