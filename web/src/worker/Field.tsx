/** A labelled input for the worker app: the label sits above, big, and is tied to the control by id. */
import { type ReactNode, useId } from "react";

export function Field({ label, children }: { label: string; children: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <div className="lg-field">
      <label htmlFor={id}>{label}</label>
      {children(id)}
    </div>
  );
}
