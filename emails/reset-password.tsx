import { Button, Heading, Link, Text } from "@react-email/components";
import { EmailLayout, styles } from "./layout";

export type ResetPasswordProps = { name: string; url: string };

export const subject = (_props: ResetPasswordProps) => "Reset your MedCode Jobs password";

export default function ResetPassword({ name, url }: ResetPasswordProps) {
  return (
    <EmailLayout preview="A link to choose a new MedCode Jobs password">
      <Heading style={styles.heading}>Reset your password</Heading>
      <Text style={styles.text}>Hi {name},</Text>
      <Text style={styles.text}>
        We received a request to reset the password for your MedCode Jobs account. Choose a new
        password with the button below.
      </Text>
      <Button href={url} style={styles.button}>
        Choose a new password
      </Button>
      <Text style={styles.muted}>
        If the button does not work, paste this link into your browser:{" "}
        <Link href={url} style={styles.link}>
          {url}
        </Link>
      </Text>
      <Text style={styles.muted}>
        The link works once and expires soon. If you did not ask for a reset, ignore this email:
        your password stays the same.
      </Text>
    </EmailLayout>
  );
}

ResetPassword.PreviewProps = {
  name: "Dana Whitfield",
  url: "http://localhost:3000/reset-password?token=preview",
} satisfies ResetPasswordProps;
