import type { MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";

export const meta: MetaFunction = () => [
  { title: "About | MedCode Jobs" },
  {
    name: "description",
    content:
      "MedCode Jobs ties every coding job to the specialties and code families it needs, so coders find work that fits their credentials.",
  },
];

export default function About() {
  return (
    <div className="container narrow prose">
      <h1>About MedCode Jobs</h1>
      <p>
        MedCode Jobs is a job board for medical coders and the teams that hire them. Every posting
        is tied to the coding specialties and code families it needs, so an E/M coder, an inpatient
        DRG coder and a risk adjustment coder each see the work that fits what they know.
      </p>
      <h2>For coders</h2>
      <p>
        Search by specialty, credential (CPC, CCS, CRC and more), remote or on-site, pay and
        location. <Link to="/jobs">Browse open jobs</Link>.
      </p>
      <h2>For employers</h2>
      <p>
        Post a job, pay once, and reach coders who hold the credentials you need. Pay is shown on
        most listings: postings with pay get more applicants.
      </p>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
