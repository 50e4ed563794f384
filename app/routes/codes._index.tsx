import { data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { codePath, parseCode } from "~/codes/code-systems";
import { CodeSearch } from "~/components/code-search";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Notice } from "~/components/notice";

const EXAMPLES = [
  { code: "99213", note: "E/M office visit range" },
  { code: "33208", note: "cardiovascular surgery" },
  { code: "0624T", note: "a Category III code, since replaced" },
  { code: "J9035", note: "HCPCS chemotherapy drugs" },
  { code: "I25.10", note: "ICD-10-CM circulatory chapter" },
  { code: "02703ZZ", note: "ICD-10-PCS heart and great vessels" },
];

/** The code lookup: /codes?code=99213 goes to /codes/99213; anything else shows the form. */
export function loader({ request }: LoaderFunctionArgs) {
  const raw = new URL(request.url).searchParams.get("code")?.trim() ?? "";
  if (!raw) return { query: "", invalid: false };
  const code = parseCode(raw);
  if (code) throw redirect(codePath(code.canonical));
  return data({ query: raw.slice(0, 40), invalid: true }, { status: 404 });
}

export const meta: MetaFunction = () => [
  { title: "Look up a code: coding jobs by CPT, HCPCS and ICD-10 code | MedCode Jobs" },
  {
    name: "description",
    content:
      "Find the coding specialty behind a CPT, HCPCS Level II, ICD-10-CM or ICD-10-PCS code, and the open jobs that code it.",
  },
];

export default function CodeLookup() {
  const { query, invalid } = useLoaderData<typeof loader>();
  return (
    <div className="narrow stack">
      <h1>Look up a code</h1>
      <p>
        Enter a CPT (Category I, II, III or PLA), HCPCS Level II, ICD-10-CM or ICD-10-PCS code to
        see its code family, the coding specialties it belongs to and the open jobs that code it.
      </p>
      {invalid ? (
        <Notice kind="error">
          “{query}” is not a code we can read. CPT codes have five characters (99213, 0624T), HCPCS
          codes a letter and four digits (J9035), ICD-10-CM codes a letter, two characters and an
          optional dot (I25.10), ICD-10-PCS codes seven characters (02703ZZ).
        </Notice>
      ) : null}
      <CodeSearch defaultValue={query} />
      <section aria-labelledby="examples-title">
        <h2 id="examples-title">Examples</h2>
        <ul>
          {EXAMPLES.map((e) => (
            <li key={e.code}>
              <Link to={codePath(e.code)}>{e.code}</Link> <span className="muted">({e.note})</span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
