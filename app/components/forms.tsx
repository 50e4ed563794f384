import type { FieldMetadata } from "@conform-to/react";
import { getInputProps } from "@conform-to/react";
import { useId } from "react";

export function ErrorList({ id, errors }: { id?: string; errors?: string[] | null }) {
  const list = errors?.filter(Boolean);
  if (!list?.length) return null;
  return (
    <ul id={id} className="field-errors" role="alert">
      {list.map((error) => (
        <li key={error}>{error}</li>
      ))}
    </ul>
  );
}

/** A labelled input with its help text and errors, wired for screen readers. */
export function Field({
  label,
  meta,
  type = "text",
  help,
  autoComplete,
  value,
}: {
  label: string;
  meta: FieldMetadata<string | undefined>;
  type?: "text" | "email" | "password" | "url" | "tel" | "search";
  help?: string;
  autoComplete?: string;
  value?: string;
}) {
  const helpId = useId();
  const props = getInputProps(meta, { type, ariaDescribedBy: help ? helpId : undefined });
  return (
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      <input
        {...props}
        key={props.key}
        autoComplete={autoComplete}
        {...(value !== undefined ? { defaultValue: value } : {})}
      />
      {help ? (
        <p id={helpId} className="field-help">
          {help}
        </p>
      ) : null}
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </div>
  );
}

/** A field people never see; bots that fill every input give themselves away. */
export function Honeypot() {
  return (
    <div className="honeypot" aria-hidden="true">
      <label htmlFor="website-hp">Leave this empty</label>
      <input id="website-hp" name="website" type="text" tabIndex={-1} autoComplete="off" />
    </div>
  );
}
