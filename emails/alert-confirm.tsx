import { Button, Heading, Link, Text } from "@react-email/components";
import { EmailLayout, styles } from "./layout";

export type AlertConfirmProps = {
  description: string;
  frequency: "instant" | "daily" | "weekly";
  confirmUrl: string;
};

const WHEN = {
  instant: "as soon as a matching job is posted",
  daily: "once a day, at 7 am, when there are new matching jobs",
  weekly: "once a week, on Monday at 7 am, when there are new matching jobs",
} as const;

export const subject = (_props: AlertConfirmProps) => "Confirm your MedCode Jobs alert";

export default function AlertConfirm({ description, frequency, confirmUrl }: AlertConfirmProps) {
  return (
    <EmailLayout preview={`Confirm your job alert: ${description}`}>
      <Heading style={styles.heading}>Confirm your job alert</Heading>
      <Text style={styles.text}>
        Someone, hopefully you, asked for an email alert for &ldquo;{description}&rdquo;. Once you
        confirm, we will email you {WHEN[frequency]}.
      </Text>
      <Button href={confirmUrl} style={styles.button}>
        Confirm the alert
      </Button>
      <Text style={styles.muted}>
        Or open{" "}
        <Link href={confirmUrl} style={styles.link}>
          {confirmUrl}
        </Link>
      </Text>
      <Text style={styles.muted}>
        Did not ask for this? Ignore this email: nothing will be sent to you unless the alert is
        confirmed.
      </Text>
    </EmailLayout>
  );
}

AlertConfirm.PreviewProps = {
  description: "Remote CPC “risk adjustment” jobs",
  frequency: "daily",
  confirmUrl: "http://localhost:3000/alerts/confirm/abc",
} satisfies AlertConfirmProps;
