import { Button, Heading, Link, Text } from "@react-email/components";
import { EmailLayout, styles } from "./layout";

export type VerifyEmailProps = { name: string; url: string; code: string };

export const subject = (_props: VerifyEmailProps) => "Confirm your email for MedCode Jobs";

export default function VerifyEmail({ name, url, code }: VerifyEmailProps) {
  return (
    <EmailLayout preview={`Your MedCode Jobs confirmation code is ${code}`}>
      <Heading style={styles.heading}>Confirm your email address</Heading>
      <Text style={styles.text}>Hi {name},</Text>
      <Text style={styles.text}>
        Thanks for creating a MedCode Jobs account. Confirm this email address to finish signing up.
        Enter this code on the confirmation page:
      </Text>
      <Text style={styles.code}>{code}</Text>
      <Text style={styles.text}>Or confirm with one click:</Text>
      <Button href={url} style={styles.button}>
        Confirm my email
      </Button>
      <Text style={styles.muted}>
        If the button does not work, paste this link into your browser:{" "}
        <Link href={url} style={styles.link}>
          {url}
        </Link>
      </Text>
      <Text style={styles.muted}>
        The code and link expire soon. If you did not sign up for MedCode Jobs, you can ignore this
        email: no account will be created without confirmation.
      </Text>
    </EmailLayout>
  );
}

VerifyEmail.PreviewProps = {
  name: "Dana Whitfield",
  url: "http://localhost:3000/verify-email?token=preview",
  code: "482913",
} satisfies VerifyEmailProps;
