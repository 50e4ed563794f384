import { Button, Heading, Text } from "@react-email/components";
import { EmailLayout, styles } from "./layout";

export type ApplicationReceivedProps = { name: string; jobTitle: string; companyName: string };

export const subject = ({ jobTitle, companyName }: ApplicationReceivedProps) =>
  `MedCode Jobs: your application for ${jobTitle} at ${companyName} was sent`;

export default function ApplicationReceived({
  name,
  jobTitle,
  companyName,
  appUrl,
}: ApplicationReceivedProps & { appUrl: string }) {
  return (
    <EmailLayout preview={`${companyName} has your application`}>
      <Heading style={styles.heading}>Your application was sent</Heading>
      <Text style={styles.text}>Hi {name},</Text>
      <Text style={styles.text}>
        {companyName} received your application for {jobTitle}. You can follow its status, and
        withdraw it if your plans change, from your applications page.
      </Text>
      <Button href={`${appUrl}/me/applications`} style={styles.button}>
        See my applications
      </Button>
    </EmailLayout>
  );
}

ApplicationReceived.PreviewProps = {
  name: "Ana",
  jobTitle: "Remote Risk Adjustment Coder",
  companyName: "Riverbend Health",
  appUrl: "http://localhost:3000",
};
