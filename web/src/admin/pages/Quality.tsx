/** 就业质量: fill, cancellation and no-show rates, time to fill, disputes and ratings. */
import { Col, Row } from "antd";
import { useTranslation } from "react-i18next";
import type { DrillFigure, QualityPage } from "../../shared/api-types.ts";
import { ErrorAlert } from "../../shared/ErrorAlert.tsx";
import { FigureCard } from "../FigureCard.tsx";
import type { FigureKind } from "../format.ts";
import { PageTitle } from "../PageTitle.tsx";
import { usePage } from "../usePage.ts";

const FIGURES: Array<[string, FigureKind, DrillFigure]> = [
  ["fillRate", "rate", "vacancies"],
  ["medianHoursToFill", "hours", "vacancies"],
  ["cancellationRate", "rate", "vacancies"],
  ["noShowRate", "rate", "vacancies"],
  ["completedShifts", "count", "vacancies"],
  ["disputes", "count", "complaints"],
  ["averageRating", "stars", "vacancies"],
  ["complaintsOpened", "count", "complaints"],
];

export default function Quality() {
  const { t } = useTranslation();
  const page = usePage<QualityPage>("quality");
  return (
    <>
      <PageTitle title={t("admin.quality.title")} head={page.data} />
      <ErrorAlert error={page.error} />
      <Row gutter={[16, 16]}>
        {FIGURES.map(([name, kind, drill]) => (
          <Col xs={12} md={8} xl={6} key={name}>
            <FigureCard
              title={t(`admin.figures.${name}`)}
              figure={page.data?.figures[name]}
              kind={kind}
              drill={drill}
            />
          </Col>
        ))}
      </Row>
    </>
  );
}
