import { Button, Heading, Link, Text } from "@react-email/components";
import { EmailLayout, styles } from "./layout";

export type WelcomeProps = { name: string; role: "candidate" | "employer" };

export const subject = (_props: WelcomeProps) => "Welcome to MedCode Jobs";

// Links in email must be absolute; the registry passes the site's origin.
export default function Welcome({ name, role, appUrl }: WelcomeProps & { appUrl: string }) {
  const next =
    role === "employer"
      ? {
          lead: "Set up your company profile, then post your first job. Tag it with the coding specialties and credentials it needs, and coders who hold them will find it.",
          action: "Post a job",
          href: `${appUrl}/employer/jobs/new`,
        }
      : {
          lead: "Search jobs by specialty, credential, remote or on-site, and pay. Save a search as an alert and we will email you new jobs that match.",
          action: "Browse coding jobs",
          href: `${appUrl}/jobs`,
        };
  return (
    <EmailLayout preview="Your MedCode Jobs account is ready">
      <Heading style={styles.heading}>Welcome to MedCode Jobs</Heading>
      <Text style={styles.text}>Hi {name},</Text>
      <Text style={styles.text}>Your account is ready. {next.lead}</Text>
      <Button href={next.href} style={styles.button}>
        {next.action}
      </Button>
      <Text style={styles.muted}>
        Or open{" "}
        <Link href={next.href} style={styles.link}>
          {next.href}
        </Link>
      </Text>
    </EmailLayout>
  );
}

Welcome.PreviewProps = {
  name: "Dana Whitfield",
  role: "candidate",
  appUrl: "http://localhost:3000",
} satisfies WelcomeProps & { appUrl: string };
