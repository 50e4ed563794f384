import { Heading, Link, Section, Text } from "@react-email/components";
import { EmailLayout, styles } from "./layout";

export type ApplicationsDigestProps = {
  companyName: string;
  day: string;
  jobs: { title: string; count: number; url: string }[];
};

export const subject = ({ jobs, day }: ApplicationsDigestProps) => {
  const total = jobs.reduce((sum, job) => sum + job.count, 0);
  return `MedCode Jobs: ${total} new ${total === 1 ? "application" : "applications"} on ${day}`;
};

export default function ApplicationsDigest({ companyName, day, jobs }: ApplicationsDigestProps) {
  return (
    <EmailLayout preview={subject({ companyName, day, jobs })}>
      <Heading style={styles.heading}>New applications for {companyName}</Heading>
      <Text style={styles.text}>Applications received on {day} (UTC):</Text>
      <Section>
        {jobs.map((job) => (
          <Text key={job.url} style={styles.text}>
            <Link href={job.url} style={styles.link}>
              {job.title}
            </Link>
            : {job.count} new
          </Text>
        ))}
      </Section>
      <Text style={styles.muted}>
        Your company chose one daily summary; an owner can switch to an email per application in the
        employer settings.
      </Text>
    </EmailLayout>
  );
}

ApplicationsDigest.PreviewProps = {
  companyName: "Riverbend Health",
  day: "2026-11-27",
  jobs: [
    {
      title: "Remote Risk Adjustment Coder",
      count: 3,
      url: "http://localhost:3000/employer/jobs/1/applicants",
    },
  ],
};
