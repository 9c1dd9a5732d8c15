/** A key figure with its 环比 and 同比, and a link to the list behind it. */
import { Card } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import type { DrillFigure, Figure } from "../shared/api-types.ts";
import { direction, type FigureKind, formatChange, formatValue } from "./format.ts";
import { usePeriodSearch } from "./period.ts";
import { useAdmin } from "./session.tsx";

interface FigureCardProps {
  title: string;
  figure: Figure | undefined;
  kind?: FigureKind;
  drill?: DrillFigure;
  note?: ReactNode;
  testId?: string;
}

export function FigureCard({ title, figure, kind = "count", drill, note, testId }: FigureCardProps) {
  const { t } = useTranslation();
  const search = usePeriodSearch();
  // The lists behind figures name people: not shown to the province admin (the API refuses too).
  const { isProvinceAdmin } = useAdmin();
  // Ratios and rates change in points, as the official tables show them; counts in per cent.
  const points = figure ? figure.changeIn === "points" : kind === "ratio" || kind === "rate";
  const unit = t(
    points
      ? kind === "rate"
        ? "admin.period.inPercentPoints"
        : "admin.period.inPoints"
      : "admin.period.inPercent",
  );
  return (
    <Card size="small" className="lg-admin-figure" data-testid={testId}>
      <div className="lg-admin-figure-title">{title}</div>
      <div className="lg-admin-figure-value">{formatValue(figure?.value, kind)}</div>
      <dl className="lg-admin-figure-changes">
        <Change
          label={`${t("admin.period.vsPrevious")}${unit}`}
          value={figure?.vsPrevious}
          points={points}
          rate={kind === "rate"}
        />
        <Change
          label={`${t("admin.period.vsLastYear")}${unit}`}
          value={figure?.vsLastYear}
          points={points}
          rate={kind === "rate"}
        />
      </dl>
      {note && <div className="lg-admin-figure-note">{note}</div>}
      {drill && !isProvinceAdmin && (
        <Link className="lg-admin-figure-drill" to={`../drill/${drill}${search}`} relative="path">
          {t("admin.overview.drill")}
          <span className="lg-visually-hidden">：{title}</span>
        </Link>
      )}
    </Card>
  );
}

function Change({
  label,
  value,
  points,
  rate,
}: {
  label: string;
  value: number | null | undefined;
  points: boolean;
  rate: boolean;
}) {
  const way = direction(value);
  return (
    <div className={`lg-admin-change lg-admin-change-${way}`}>
      <dt>{label}</dt>
      <dd>
        <span aria-hidden="true">{way === "up" ? "▲" : way === "down" ? "▼" : ""}</span>
        {formatChange(value, points, rate)}
      </dd>
    </div>
  );
}
