import { Button, Heading, Text } from "@react-email/components";
import { EmailLayout, styles } from "./layout";

export type NewApplicationProps = {
  jobTitle: string;
  companyName: string;
  candidateName: string;
  credentials: string[];
  url: string;
};

export const subject = ({ jobTitle, candidateName }: NewApplicationProps) =>
  `MedCode Jobs: new applicant for ${jobTitle}, ${candidateName}`;

export default function NewApplication({
  jobTitle,
  companyName,
  candidateName,
  credentials,
  url,
}: NewApplicationProps) {
  return (
    <EmailLayout preview={`${candidateName} applied to ${jobTitle}`}>
      <Heading style={styles.heading}>New applicant for {jobTitle}</Heading>
      <Text style={styles.text}>
        {candidateName} applied to {jobTitle} at {companyName}
        {credentials.length ? `, holding ${credentials.join(", ")}` : ""}.
      </Text>
      <Button href={url} style={styles.button}>
        Review the application
      </Button>
      <Text style={styles.muted}>
        Your company chose to hear about each application at once; an owner can switch to one daily
        summary in the employer settings.
      </Text>
    </EmailLayout>
  );
}

NewApplication.PreviewProps = {
  jobTitle: "Remote Risk Adjustment Coder",
  companyName: "Riverbend Health",
  candidateName: "Ana Coder",
  credentials: ["CPC", "CRC"],
  url: "http://localhost:3000/employer/jobs/1/applicants/1",
};
