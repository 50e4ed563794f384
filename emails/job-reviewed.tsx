import { Button, Heading, Text } from "@react-email/components";
import { EmailLayout, styles } from "./layout";

export type JobReviewedProps = {
  name: string;
  jobTitle: string;
  decision: "approved" | "rejected" | "changes_requested" | "removed";
  /** The operator's reason or requested changes, in their words. */
  note: string | null;
  /** Approved: when the paid days end. */
  validThrough: string | null;
  /** What was given back on rejection: the payment, a post credit, or nothing. */
  returned: "refund" | "credit" | null;
  url: string;
};

export const subject = ({ jobTitle, decision }: JobReviewedProps) =>
  ({
    approved: `Your job "${jobTitle}" is live on MedCode Jobs`,
    rejected: `Your job "${jobTitle}" was not approved on MedCode Jobs`,
    changes_requested: `Changes needed before "${jobTitle}" goes live on MedCode Jobs`,
    removed: `Your job "${jobTitle}" was taken down from MedCode Jobs`,
  })[decision];

const RETURNED = {
  refund:
    "We have asked Stripe to refund the payment in full; it reaches your card in 5 to 10 days.",
  credit: "The post credit it used is back in your account.",
};

export default function JobReviewed(props: JobReviewedProps) {
  const heading = {
    approved: "Your job is live",
    rejected: "Your job was not approved",
    changes_requested: "A few changes before your job goes live",
    removed: "Your job was taken down",
  }[props.decision];
  return (
    <EmailLayout preview={`${heading}: ${props.jobTitle}`}>
      <Heading style={styles.heading}>{heading}</Heading>
      <Text style={styles.text}>Hi {props.name},</Text>
      {props.decision === "approved" ? (
        <Text style={styles.text}>
          We reviewed &ldquo;{props.jobTitle}&rdquo; and it is now in search, feeds and its
          specialty pages
          {props.validThrough ? `, live until ${props.validThrough}` : ""}. Its paid days started
          today, when it was approved.
        </Text>
      ) : null}
      {props.decision === "rejected" ? (
        <Text style={styles.text}>
          We reviewed &ldquo;{props.jobTitle}&rdquo; and cannot publish it.
          {props.returned ? ` ${RETURNED[props.returned]}` : ""}
        </Text>
      ) : null}
      {props.decision === "changes_requested" ? (
        <Text style={styles.text}>
          We reviewed &ldquo;{props.jobTitle}&rdquo; and need a few changes before it can go live.
          Edit the job, then resubmit it from its page: it goes back in the review queue, and its
          paid days still start only when it is approved.
        </Text>
      ) : null}
      {props.decision === "removed" ? (
        <Text style={styles.text}>
          After reports from visitors, we reviewed &ldquo;{props.jobTitle}&rdquo; and took it down.
          It no longer appears anywhere on the site.
        </Text>
      ) : null}
      {props.note ? (
        <Text style={styles.text}>
          {props.decision === "changes_requested" ? "What to change: " : "Reason: "}
          {props.note}
        </Text>
      ) : null}
      <Button href={props.url} style={styles.button}>
        {props.decision === "approved" ? "See your job" : "Open the job"}
      </Button>
      <Text style={styles.muted}>If you think this is a mistake, reply to this email.</Text>
    </EmailLayout>
  );
}

JobReviewed.PreviewProps = {
  name: "Morgan Lee",
  jobTitle: "Remote Inpatient Coder (CCS)",
  decision: "rejected",
  note: "The posting asks applicants to pay for training.",
  validThrough: null,
  returned: "refund",
  url: "http://localhost:3000/employer/jobs/1",
} satisfies JobReviewedProps;
