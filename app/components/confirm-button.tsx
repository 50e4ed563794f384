// Destructive actions ask twice. With JavaScript the button arms on the first click and acts on
// the second (Epic Stack's useDoubleCheck); without it the form posts without `confirmed`, and
// the action answers with <ConfirmPage> instead of acting (app/utils/confirm.server.ts).
import { Form, Link } from "@remix-run/react";
import { type ReactNode, useState } from "react";
import type { Confirmation } from "~/utils/confirm";

export function ConfirmButton({
  children,
  confirmLabel,
  name = "intent",
  value,
  className = "button danger",
  disabled,
}: {
  children: ReactNode;
  /** What the armed button says, e.g. "Yes, withdraw for good". */
  confirmLabel: string;
  name?: string;
  value?: string;
  className?: string;
  disabled?: boolean;
}) {
  const [armed, setArmed] = useState(false);
  return (
    <>
      {armed ? <input type="hidden" name="confirmed" value="yes" /> : null}
      <button
        type="submit"
        name={name}
        value={value}
        className={className}
        disabled={disabled}
        aria-live="polite"
        data-armed={armed || undefined}
        onClick={(event) => {
          if (!armed) {
            event.preventDefault();
            setArmed(true);
          }
        }}
        onBlur={() => setArmed(false)}
        onKeyUp={(event) => {
          if (event.key === "Escape") setArmed(false);
        }}
      >
        {armed ? confirmLabel : children}
      </button>
    </>
  );
}

/** The page a destructive form lands on without JavaScript: the same fields, confirmed. */
export function ConfirmPage({ confirmation }: { confirmation: Confirmation }) {
  return (
    <div className="container narrow stack confirm-page">
      <h1>{confirmation.title}</h1>
      <p>{confirmation.message}</p>
      <Form method="post" action={confirmation.action} className="actions">
        {confirmation.fields.map(([name, value], index) => (
          <input key={`${name}-${index}`} type="hidden" name={name} value={value} />
        ))}
        <input type="hidden" name="confirmed" value="yes" />
        <button type="submit" className="button danger">
          {confirmation.confirmLabel}
        </button>{" "}
        <Link to={confirmation.cancelHref}>Cancel</Link>
      </Form>
    </div>
  );
}
