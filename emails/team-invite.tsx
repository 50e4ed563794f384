import { Button, Heading, Link, Text } from "@react-email/components";
import { EmailLayout, styles } from "./layout";

export type TeamInviteProps = {
  inviterName: string;
  companyName: string;
  role: string;
  url: string;
};

export const subject = ({ inviterName, companyName }: TeamInviteProps) =>
  `${inviterName} invited you to join ${companyName} on MedCode Jobs`;

export default function TeamInvite({ inviterName, companyName, role, url }: TeamInviteProps) {
  return (
    <EmailLayout preview={`Join ${companyName} on MedCode Jobs`}>
      <Heading style={styles.heading}>Join {companyName} on MedCode Jobs</Heading>
      <Text style={styles.text}>
        {inviterName} invited you to join the {companyName} hiring team on MedCode Jobs as{" "}
        {article(role)} {role}. Team members post coding jobs, review applicants and move them
        through the hiring pipeline.
      </Text>
      <Button href={url} style={styles.button}>
        Accept the invitation
      </Button>
      <Text style={styles.muted}>
        If the button does not work, paste this link into your browser:{" "}
        <Link href={url} style={styles.link}>
          {url}
        </Link>
      </Text>
      <Text style={styles.muted}>
        The invitation expires soon. If you were not expecting it, you can ignore this email.
      </Text>
    </EmailLayout>
  );
}

function article(word: string) {
  return /^[aeiou]/i.test(word) ? "an" : "a";
}

TeamInvite.PreviewProps = {
  inviterName: "Marcus Lee",
  companyName: "Riverbend Health",
  role: "recruiter",
  url: "http://localhost:3000/employer/team/accept?token=preview",
} satisfies TeamInviteProps;
