import { Button, Heading, Text } from "@react-email/components";
import { EmailLayout, styles } from "./layout";

export type JobTakenDownProps = {
  name: string;
  orderId: number;
  planName: string;
  reason: "refunded" | "disputed";
  jobTitle: string | null;
  dashboardUrl: string;
};

export const subject = ({ orderId, reason }: JobTakenDownProps) =>
  `MedCode Jobs order #${orderId} was ${reason === "refunded" ? "refunded" : "disputed"}`;

export default function JobTakenDown(props: JobTakenDownProps) {
  const what = props.reason === "refunded" ? "was refunded" : "is disputed with your bank";
  return (
    <EmailLayout preview={`Order #${props.orderId} ${what}`}>
      <Heading style={styles.heading}>
        Order #{props.orderId} {what}
      </Heading>
      <Text style={styles.text}>Hi {props.name},</Text>
      <Text style={styles.text}>
        The payment for {props.planName} (order #{props.orderId}) {what}, so what it paid for has
        been withdrawn
        {props.jobTitle ? `: "${props.jobTitle}" is no longer shown to coders` : ""}.
      </Text>
      <Text style={styles.text}>
        If this is a mistake, reply to this email. You can pay again from your dashboard at any
        time.
      </Text>
      <Button href={props.dashboardUrl} style={styles.button}>
        Open your dashboard
      </Button>
    </EmailLayout>
  );
}

JobTakenDown.PreviewProps = {
  name: "Morgan Lee",
  orderId: 42,
  planName: "Standard",
  reason: "refunded",
  jobTitle: "Remote Inpatient Coder (CCS)",
  dashboardUrl: "http://localhost:3000/employer",
} satisfies JobTakenDownProps;
