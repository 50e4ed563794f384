import { Button, Heading, Text } from "@react-email/components";
import { EmailLayout, styles } from "./layout";

export type ApplicationStatusProps = {
  name: string;
  jobTitle: string;
  companyName: string;
  status: "interview" | "rejected";
};

export const subject = ({ jobTitle, companyName, status }: ApplicationStatusProps) =>
  status === "interview"
    ? `MedCode Jobs: ${companyName} would like to interview you for ${jobTitle}`
    : `MedCode Jobs: an update on your application for ${jobTitle}`;

export default function ApplicationStatus({
  name,
  jobTitle,
  companyName,
  status,
  appUrl,
}: ApplicationStatusProps & { appUrl: string }) {
  return (
    <EmailLayout preview={subject({ name, jobTitle, companyName, status })}>
      <Heading style={styles.heading}>
        {status === "interview" ? "You are invited to interview" : "An update on your application"}
      </Heading>
      <Text style={styles.text}>Hi {name},</Text>
      <Text style={styles.text}>
        {status === "interview"
          ? `${companyName} moved your application for ${jobTitle} to the interview stage. Expect them to contact you to arrange it.`
          : `${companyName} has decided not to move forward with your application for ${jobTitle}. Thank you for applying, and good luck with your search.`}
      </Text>
      <Button href={`${appUrl}/me/applications`} style={styles.button}>
        See my applications
      </Button>
    </EmailLayout>
  );
}

ApplicationStatus.PreviewProps = {
  name: "Ana",
  jobTitle: "Remote Risk Adjustment Coder",
  companyName: "Riverbend Health",
  status: "interview" as const,
  appUrl: "http://localhost:3000",
};
