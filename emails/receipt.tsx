import { Button, Heading, Link, Text } from "@react-email/components";
import { EmailLayout, styles } from "./layout";

export type ReceiptProps = {
  name: string;
  companyName: string;
  orderId: number;
  planName: string;
  amount: string;
  paidOn: string;
  jobTitle: string | null;
  jobUrl: string | null;
  validThrough: string | null;
  /** The job waits for an operator: its paid days start when it is approved. */
  inReview: boolean;
  credits: number | null;
  receiptUrl: string;
};

export const subject = ({ orderId, planName }: ReceiptProps) =>
  `MedCode Jobs receipt for order #${orderId}: ${planName}`;

export default function Receipt(props: ReceiptProps) {
  return (
    <EmailLayout preview={`Payment received: ${props.amount} for ${props.planName}`}>
      <Heading style={styles.heading}>Payment received, thank you</Heading>
      <Text style={styles.text}>Hi {props.name},</Text>
      <Text style={styles.text}>
        We received {props.amount} from {props.companyName} on {props.paidOn} for {props.planName}{" "}
        (order #{props.orderId}).
      </Text>
      {props.jobTitle && props.inReview ? (
        <Text style={styles.text}>
          Your job &ldquo;{props.jobTitle}&rdquo; is waiting for review by our team before it goes
          live. Its paid days start when it is approved, so none are lost while it waits; we will
          email you when it is decided.
        </Text>
      ) : null}
      {props.jobTitle && props.jobUrl && !props.inReview ? (
        <>
          <Text style={styles.text}>
            Your job &ldquo;{props.jobTitle}&rdquo; is live
            {props.validThrough ? ` until ${props.validThrough}` : ""}.
          </Text>
          <Button href={props.jobUrl} style={styles.button}>
            See your job
          </Button>
        </>
      ) : null}
      {props.credits ? (
        <Text style={styles.text}>
          {props.credits} post credits were added to your account. Use them from the job page:
          “Publish with a credit”.
        </Text>
      ) : null}
      <Text style={styles.muted}>
        Receipt and order details:{" "}
        <Link href={props.receiptUrl} style={styles.link}>
          {props.receiptUrl}
        </Link>
      </Text>
    </EmailLayout>
  );
}

Receipt.PreviewProps = {
  name: "Morgan Lee",
  companyName: "Riverbend Health",
  orderId: 42,
  planName: "Featured",
  amount: "$199",
  paidOn: "December 1, 2026",
  jobTitle: "Remote Inpatient Coder (CCS)",
  jobUrl: "http://localhost:3000/jobs/1/remote-inpatient-coder-ccs",
  validThrough: "December 31, 2026",
  inReview: false,
  credits: null,
  receiptUrl: "http://localhost:3000/checkout/42",
} satisfies ReceiptProps;
