// The one way to show a message in a page: a confirmation, a hint, a warning or an error.
import type { ReactNode } from "react";

export type NoticeKind = "success" | "info" | "warning" | "error";

export function Notice({
  kind = "info",
  children,
  id,
}: {
  kind?: NoticeKind;
  children: ReactNode;
  id?: string;
}) {
  // Errors interrupt a screen reader; everything else waits its turn.
  const role = kind === "error" ? "alert" : "status";
  return (
    <div id={id} className={`notice notice-${kind}`} role={role}>
      {children}
    </div>
  );
}
