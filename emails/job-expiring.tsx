import { Button, Heading, Link, Text } from "@react-email/components";
import { EmailLayout, styles } from "./layout";

export type JobExpiringProps = {
  name: string;
  jobTitle: string;
  expiresOn: string;
  renewUrl: string;
};

export const subject = ({ jobTitle }: JobExpiringProps) =>
  `Your MedCode Jobs posting "${jobTitle}" ends in 3 days`;

export default function JobExpiring({ name, jobTitle, expiresOn, renewUrl }: JobExpiringProps) {
  return (
    <EmailLayout preview={`${jobTitle} leaves search on ${expiresOn}`}>
      <Heading style={styles.heading}>Your job ends on {expiresOn}</Heading>
      <Text style={styles.text}>Hi {name},</Text>
      <Text style={styles.text}>
        &ldquo;{jobTitle}&rdquo; leaves search, alerts and feeds on {expiresOn}. Renew it now to add
        30 days: the days it has left are kept.
      </Text>
      <Button href={renewUrl} style={styles.button}>
        Renew for 30 days
      </Button>
      <Text style={styles.muted}>
        Or open{" "}
        <Link href={renewUrl} style={styles.link}>
          {renewUrl}
        </Link>
        . If the job is filled, you can close it from your dashboard instead.
      </Text>
    </EmailLayout>
  );
}

JobExpiring.PreviewProps = {
  name: "Morgan Lee",
  jobTitle: "Remote Inpatient Coder (CCS)",
  expiresOn: "December 31, 2026",
  renewUrl: "http://localhost:3000/employer/jobs/1/renew",
} satisfies JobExpiringProps;
