import { Button, Heading, Text } from "@react-email/components";
import { EmailLayout, styles } from "./layout";

export type CompanyVerificationDecidedProps = {
  name: string;
  companyName: string;
  granted: boolean;
  note: string | null;
  url: string;
};

export const subject = ({ companyName, granted }: CompanyVerificationDecidedProps) =>
  granted
    ? `${companyName} is now a verified employer on MedCode Jobs`
    : `We could not verify ${companyName} on MedCode Jobs`;

export default function CompanyVerificationDecided(props: CompanyVerificationDecidedProps) {
  return (
    <EmailLayout preview={props.granted ? "Your company is verified" : "Your verification request"}>
      <Heading style={styles.heading}>
        {props.granted ? "Your company is verified" : "We could not verify your company"}
      </Heading>
      <Text style={styles.text}>Hi {props.name},</Text>
      {props.granted ? (
        <Text style={styles.text}>
          {props.companyName} now shows the verified badge on its company page, its job pages and
          its job cards. Its new jobs go live as soon as they are paid for, without waiting for
          review (unless a posting trips one of our spam rules).
        </Text>
      ) : (
        <Text style={styles.text}>
          We checked the request for {props.companyName} and could not verify it this time. You can
          send a new request from your company profile.
        </Text>
      )}
      {props.note ? <Text style={styles.text}>Note from our team: {props.note}</Text> : null}
      <Button href={props.url} style={styles.button}>
        Open your company profile
      </Button>
    </EmailLayout>
  );
}

CompanyVerificationDecided.PreviewProps = {
  name: "Morgan Lee",
  companyName: "Riverbend Health",
  granted: true,
  note: null,
  url: "http://localhost:3000/employer/company",
} satisfies CompanyVerificationDecidedProps;
