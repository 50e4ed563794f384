import { Button, Heading, Text } from "@react-email/components";
import { EmailLayout, styles } from "./layout";

export type CredentialExpiringProps = {
  name: string;
  code: string;
  credentialName: string;
  issuer: string;
  expiresOn: string;
  url: string;
};

export const subject = ({ code, expiresOn }: CredentialExpiringProps) =>
  `Your ${code} expires on ${expiresOn}: MedCode Jobs reminder`;

export default function CredentialExpiring(props: CredentialExpiringProps) {
  return (
    <EmailLayout preview={`${props.code} expires on ${props.expiresOn}`}>
      <Heading style={styles.heading}>
        Your {props.code} expires on {props.expiresOn}
      </Heading>
      <Text style={styles.text}>Hi {props.name},</Text>
      <Text style={styles.text}>
        Your profile says your {props.credentialName} ({props.code}) from {props.issuer} expires on{" "}
        {props.expiresOn}. After that date employers see it marked as expired. Once you have renewed
        it with {props.issuer}, enter the new expiry date in your profile (a changed date is checked
        again before it shows as verified).
      </Text>
      <Button href={props.url} style={styles.button}>
        Update your profile
      </Button>
    </EmailLayout>
  );
}

CredentialExpiring.PreviewProps = {
  name: "Casey Coder",
  code: "CPC",
  credentialName: "Certified Professional Coder",
  issuer: "AAPC",
  expiresOn: "January 31, 2027",
  url: "http://localhost:3000/me/profile",
} satisfies CredentialExpiringProps;
