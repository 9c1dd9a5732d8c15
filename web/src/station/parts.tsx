/** The console page's title with its hint (errors show with shared/ErrorAlert.tsx). */
import type { ReactNode } from "react";

export function PageTitle({ title, hint, extra }: { title: string; hint?: string; extra?: ReactNode }) {
  return (
    <header className="lg-station-title">
      <div style={{ display: "flex", justifyContent: "space-between", alignItems: "center", gap: 16 }}>
        <h1>{title}</h1>
        {extra}
      </div>
      {hint && <p className="lg-station-hint">{hint}</p>}
    </header>
  );
}
