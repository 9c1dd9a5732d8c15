/**
 * 供求分析: 求人倍率 overall, by category and district (table, bars, the district map), the
 * breakdowns by occupation group, age band, sex, education and industry, and the top-10 lists.
 */
import { Card, Col, Row, Switch, Table, Tabs } from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ComparedRatioRow, Figure, RatioRow, SupplyDemandPage } from "../../shared/api-types.ts";
import { ErrorAlert } from "../../shared/ErrorAlert.tsx";
import { categoryName, useReference } from "../../shared/reference.ts";
import { Chart } from "../charts/Chart.tsx";
import { DistrictMap } from "../charts/DistrictMap.tsx";
import { ExportButtons } from "../ExportButtons.tsx";
import { FigureCard } from "../FigureCard.tsx";
import { formatValue } from "../format.ts";
import { type Breakdown, keyLabel } from "../labels.ts";
import { PageTitle } from "../PageTitle.tsx";
import { RatioTable, ratioBars } from "../RatioTable.tsx";
import { usePage } from "../usePage.ts";

const BREAKDOWNS: Breakdown[] = ["byOccupationGroup", "byAgeBand", "bySex", "byEducation", "byIndustry"];

/** A row's figure with its comparisons (the API gives the ratios of both periods). */
function ratioFigure(row: ComparedRatioRow | undefined): Figure | undefined {
  if (!row) return undefined;
  return {
    value: row.ratio,
    previous: row.previousRatio,
    lastYear: row.lastYearRatio,
    vsPrevious: row.ratioChange,
    vsLastYear: row.ratioChangeYoy,
    changeIn: "points",
  };
}

const count = (value: number): Figure => ({
  value,
  previous: null,
  lastYear: null,
  vsPrevious: null,
  vsLastYear: null,
  changeIn: "percent",
});

export default function SupplyDemand() {
  const { t } = useTranslation();
  const page = usePage<SupplyDemandPage>("supply-demand");
  const reference = useReference();
  const data = page.data;
  const named = useMemo(
    () => (row: RatioRow) => ({ ...row, name: categoryName(reference.data, row.key, row.name) }),
    [reference.data],
  );
  const byCategory = useMemo(() => (data?.byCategory ?? []).map(named), [data, named]);
  // 不限工种 seekers are spread into the categories for the ratio; the raw counts on request.
  const [raw, setRaw] = useState(false);
  const categoryRows = useMemo(() => {
    if (!data) return [];
    const anyRow = {
      key: "any",
      name: t("admin.supplyDemand.anyCategory"),
      demand: 0,
      seekers: data.anyCategorySeekers,
      seekersForRatio: 0,
      ratio: null,
      previousRatio: null,
      lastYearRatio: null,
      ratioChange: null,
      ratioChangeYoy: null,
    };
    const total = { ...data.overall, key: "total", name: t("admin.supplyDemand.overall") };
    return [...byCategory, ...(raw && data.anyCategorySeekers > 0 ? [anyRow] : []), total];
  }, [data, byCategory, raw, t]);
  const mapValues = useMemo(
    () => (data?.byDistrict ?? []).map((r) => ({ name: r.name, value: r.ratio })),
    [data],
  );
  const ratio = (value: number | null) => formatValue(value, "ratio");

  return (
    <>
      <PageTitle title={t("admin.supplyDemand.title")} head={data} extra={<ExportButtons />} />
      <ErrorAlert error={page.error} />
      <Row gutter={[16, 16]}>
        <Col xs={12} lg={6}>
          <FigureCard
            title={t("admin.figures.ratio")}
            figure={ratioFigure(data?.overall)}
            kind="ratio"
            testId="sd-ratio"
          />
        </Col>
        <Col xs={12} lg={6}>
          <FigureCard
            title={t("admin.figures.demand")}
            figure={data && count(data.overall.demand)}
            drill="vacancies"
          />
        </Col>
        <Col xs={12} lg={6}>
          <FigureCard
            title={t("admin.figures.seekers")}
            figure={data && count(data.overall.seekers)}
            drill="seekers"
          />
        </Col>
        <Col xs={12} lg={6}>
          <FigureCard
            title={t("admin.supplyDemand.anyCategory")}
            figure={data && count(data.anyCategorySeekers)}
            drill="seekers"
            note={`${t("admin.supplyDemand.anyDistrict")} ${data?.anyDistrictSeekers ?? "—"}`}
          />
        </Col>
      </Row>

      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} xl={12}>
          <Card size="small" title={<h2>{t("admin.supplyDemand.byCategory")}</h2>}>
            <Chart
              option={ratioBars(byCategory)}
              label={t("admin.supplyDemand.byCategory")}
              height={Math.max(240, byCategory.length * 26)}
            />
            <div className="lg-admin-toggle">
              <Switch
                size="small"
                checked={raw}
                onChange={setRaw}
                data-testid="raw-counts"
                aria-label={t("admin.supplyDemand.rawCounts")}
              />{" "}
              <span aria-hidden="true">{t("admin.supplyDemand.rawCounts")}</span>
            </div>
            <RatioTable
              rows={categoryRows}
              keyTitle={t("admin.supplyDemand.category")}
              testId="table-category"
              spread={!raw}
              pageSize={50}
            />
            {data && data.anyCategorySeekers > 0 && (
              <p className="lg-admin-figure-note" data-testid="spread-note">
                {t(raw ? "admin.supplyDemand.rawNote" : "admin.supplyDemand.spreadNote", {
                  count: data.anyCategorySeekers,
                })}
              </p>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={<h2>{t("admin.supplyDemand.map")}</h2>} data-testid="district-map">
            <DistrictMap values={mapValues} label={t("admin.supplyDemand.map")} format={ratio} height={420} />
            <RatioTable rows={data?.byDistrict ?? []} keyTitle={t("admin.supplyDemand.district")} />
          </Card>
        </Col>
      </Row>

      <Card size="small" style={{ marginTop: 16 }}>
        <Tabs
          items={BREAKDOWNS.map((b) => {
            const rows = (data?.[b] ?? []).map((r) => ({ ...r, name: keyLabel(b, r.key, r.name) }));
            return {
              key: b,
              label: t(`admin.supplyDemand.${b}`),
              children: (
                <Row gutter={16}>
                  <Col xs={24} lg={10}>
                    <Chart
                      option={ratioBars(rows)}
                      label={t(`admin.supplyDemand.${b}`)}
                      height={Math.max(200, rows.length * 30)}
                    />
                  </Col>
                  <Col xs={24} lg={14}>
                    <RatioTable rows={rows} keyTitle={t("admin.supplyDemand.group")} />
                  </Col>
                </Row>
              ),
            };
          })}
        />
      </Card>

      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        {(["shortages", "surpluses"] as const).map((list) => (
          <Col xs={24} lg={12} key={list}>
            <Card size="small" title={<h2>{t(`admin.supplyDemand.${list}`)}</h2>}>
              <Table<RatioRow>
                size="small"
                rowKey="key"
                data-testid={`table-${list}`}
                pagination={false}
                dataSource={(data?.[list] ?? []).map(named)}
                columns={[
                  { title: "#", key: "rank", width: 40, render: (_, __, i) => i + 1 },
                  { title: t("admin.supplyDemand.category"), dataIndex: "name" },
                  { title: t("admin.figures.demand"), dataIndex: "demand", align: "right" },
                  { title: t("admin.figures.seekers"), dataIndex: "seekers", align: "right" },
                  { title: t("admin.figures.ratio"), dataIndex: "ratio", align: "right", render: ratio },
                ]}
              />
            </Card>
          </Col>
        ))}
      </Row>
    </>
  );
}
