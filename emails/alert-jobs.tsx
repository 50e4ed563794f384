import { Button, Heading, Hr, Link, Section, Text } from "@react-email/components";
import { EmailLayout, styles } from "./layout";

export type AlertEmailJob = {
  title: string;
  company: string;
  /** "Remote (US)", "Columbus, OH (hybrid)" */
  where: string;
  pay: string | null;
  credentials: string[];
  codeFamilies: string[];
  featured: boolean;
  url: string;
};

export type AlertJobsProps = {
  kind: "instant" | "daily" | "weekly";
  alertName: string;
  description: string;
  jobs: AlertEmailJob[];
  /** Matching jobs left out by the cap of the email. */
  more: number;
  searchUrl: string;
  manageUrl: string;
  unsubscribeUrl: string;
};

const plural = (n: number) => `${n} new ${n === 1 ? "job" : "jobs"}`;

export const subject = ({ kind, alertName, jobs, more }: AlertJobsProps) => {
  const total = jobs.length + more;
  if (kind === "instant" && total === 1)
    return `MedCode Jobs: ${jobs[0].title} at ${jobs[0].company}`;
  const when = kind === "weekly" ? " this week" : kind === "daily" ? " today" : "";
  return `MedCode Jobs: ${plural(total)}${when} for “${alertName}”`;
};

export default function AlertJobs(props: AlertJobsProps) {
  const { jobs, more } = props;
  return (
    <EmailLayout
      preview={subject(props)}
      footer={
        <Text style={styles.footer}>
          {`You get this email because you set up the MedCode Jobs alert “${props.alertName}” (${props.kind}). `}
          <Link href={props.manageUrl} style={styles.link}>
            Manage this alert
          </Link>{" "}
          ·{" "}
          <Link href={props.unsubscribeUrl} style={styles.link}>
            Unsubscribe
          </Link>
        </Text>
      }
    >
      <Heading style={styles.heading}>{`${plural(jobs.length + more)} for your alert`}</Heading>
      <Text style={styles.muted}>{props.description}</Text>
      {jobs.map((job) => (
        <Section key={job.url} style={card}>
          <Text style={title}>
            <Link href={job.url} style={titleLink}>
              {job.title}
            </Link>
            {job.featured ? <span style={badge}> Featured</span> : null}
          </Text>
          <Text style={line}>{[job.company, job.where, job.pay].filter(Boolean).join(" · ")}</Text>
          {job.credentials.length ? (
            <Text style={line}>{`Requires ${job.credentials.join(", ")}`}</Text>
          ) : null}
          {job.codeFamilies.length ? (
            <Text style={line}>{`Code families: ${job.codeFamilies.join(", ")}`}</Text>
          ) : null}
        </Section>
      ))}
      {more > 0 ? (
        <Text style={styles.text}>
          <Link href={props.searchUrl} style={styles.link}>
            {`And ${more} more ${more === 1 ? "job" : "jobs"}`}
          </Link>{" "}
          matching this search.
        </Text>
      ) : null}
      <Hr />
      <Button href={props.searchUrl} style={styles.button}>
        See the search
      </Button>
    </EmailLayout>
  );
}

const card = { borderBottom: "1px solid #e2e8f0", padding: "8px 0" };
const title = { fontSize: "16px", fontWeight: 600, margin: "0 0 4px" };
const titleLink = { color: "#0f5fa8", textDecoration: "none" };
const line = { fontSize: "14px", lineHeight: "20px", color: "#334155", margin: "0" };
const badge = { color: "#92400e", fontSize: "12px", fontWeight: 600 };

AlertJobs.PreviewProps = {
  kind: "daily",
  alertName: "Remote CPC risk adjustment",
  description: "Remote CPC “risk adjustment” jobs",
  jobs: [
    {
      title: "Remote Risk Adjustment Coder",
      company: "Riverbend Health",
      where: "Remote (US)",
      pay: "$58,000–$66,000 a year",
      credentials: ["CRC"],
      codeFamilies: ["Risk Adjustment (HCC)"],
      featured: true,
      url: "http://localhost:3000/jobs/1/remote-risk-adjustment-coder?utm_source=alert",
    },
  ],
  more: 14,
  searchUrl: "http://localhost:3000/jobs?q=risk+adjustment&utm_source=alert",
  manageUrl: "http://localhost:3000/alerts/manage/abc",
  unsubscribeUrl: "http://localhost:3000/alerts/unsubscribe/abc",
} satisfies AlertJobsProps;
