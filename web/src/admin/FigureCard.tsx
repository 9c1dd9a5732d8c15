/** A key figure with its 环比 and 同比, and a link to the list behind it. */
import { Card } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import type { DrillFigure, Figure } from "../shared/api-types.ts";
import { direction, type FigureKind, formatChange, formatValue } from "./format.ts";
import { usePeriodSearch } from "./period.ts";

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
  // 求人倍率 changes in points, as the official tables show it; other figures in per cent.
  const points = kind === "ratio";
  const change = (base: number | null | undefined, rate: number | null | undefined) =>
    points && figure?.value != null && base != null ? figure.value - base : rate;
  return (
    <Card size="small" className="lg-admin-figure" data-testid={testId}>
      <div className="lg-admin-figure-title">{title}</div>
      <div className="lg-admin-figure-value">{formatValue(figure?.value, kind)}</div>
      <dl className="lg-admin-figure-changes">
        <Change
          label={t("admin.period.vsPrevious")}
          value={change(figure?.previous, figure?.vsPrevious)}
          points={points}
        />
        <Change
          label={t("admin.period.vsLastYear")}
          value={change(figure?.lastYear, figure?.vsLastYear)}
          points={points}
        />
      </dl>
      {note && <div className="lg-admin-figure-note">{note}</div>}
      {drill && (
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
}: {
  label: string;
  value: number | null | undefined;
  points: boolean;
}) {
  const way = direction(value);
  return (
    <div className={`lg-admin-change lg-admin-change-${way}`}>
      <dt>{label}</dt>
      <dd>
        <span aria-hidden="true">{way === "up" ? "▲" : way === "down" ? "▼" : ""}</span>
        {formatChange(value, points)}
      </dd>
    </div>
  );
}
