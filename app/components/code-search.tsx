import { Form } from "@remix-run/react";

/** A GET form to /codes that redirects to the code's page; works without JavaScript. */
export function CodeSearch({
  defaultValue,
  id = "code-search",
}: {
  defaultValue?: string;
  id?: string;
}) {
  return (
    <Form method="get" action="/codes" className="search-bar code-search" role="search">
      <label htmlFor={id} className="visually-hidden">
        A CPT, HCPCS or ICD-10 code
      </label>
      <input
        id={id}
        name="code"
        type="search"
        defaultValue={defaultValue}
        placeholder="e.g. 99213, 0624T, J9035, I25.10"
        maxLength={20}
        autoComplete="off"
        spellCheck={false}
      />
      <button type="submit" className="button secondary">
        Look up code
      </button>
    </Form>
  );
}
