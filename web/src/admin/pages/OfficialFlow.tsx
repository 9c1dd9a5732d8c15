/**
 * 供求状况（官方口径）: the MOHRSS table of the public employment services — 需求人数 and 求职人数
 * registered in the period and 求人倍率 — by occupation group and category, demand by the
 * employer's industry and requirements (each with 无要求), seekers by their own traits.
 * Not the valid-stock ratio of 供求分析.
 */
import { Card, Col, Row, Table } from "antd";
import { useTranslation } from "react-i18next";
import type { OfficialFlowPage } from "../../shared/api-types.ts";
import { ErrorAlert } from "../../shared/ErrorAlert.tsx";
import { categoryName, useReference } from "../../shared/reference.ts";
import { FigureCard } from "../FigureCard.tsx";
import { formatValue } from "../format.ts";
import { type Breakdown, keyLabel } from "../labels.ts";
import { PageTitle } from "../PageTitle.tsx";
import { usePage } from "../usePage.ts";
import "./official.locales.ts";

type FlowLine = OfficialFlowPage["byCategory"][number];
type Split = OfficialFlowPage["demandBySex"][number];

function FlowTable({ rows, keyTitle, testId }: { rows: FlowLine[]; keyTitle: string; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Table<FlowLine>
      size="small"
      rowKey="key"
      data-testid={testId}
      pagination={false}
      dataSource={rows}
      columns={[
        { title: keyTitle, dataIndex: "name" },
        { title: t("admin.official.demand"), dataIndex: "demand", align: "right" },
        { title: t("admin.official.seekers"), dataIndex: "seekers", align: "right" },
        {
          title: t("admin.official.ratio"),
          dataIndex: "ratio",
          align: "right",
          render: (v: number | null) => formatValue(v, "ratio"),
        },
      ]}
    />
  );
}

/** One line of counts, a column per group, as the official table lays out a breakdown. */
function SplitTable({ splits, breakdown, title }: { splits: Split[]; breakdown: Breakdown; title: string }) {
  const { t } = useTranslation();
  const label = (key: string) =>
    key === "any" ? t("admin.official.noRequirement") : keyLabel(breakdown, key, key);
  const total = splits.reduce((n, s) => n + s.people, 0);
  return (
    <Table
      size="small"
      rowKey="row"
      pagination={false}
      scroll={{ x: true }}
      dataSource={[{ row: title, ...Object.fromEntries(splits.map((s) => [s.key, s.people])), total }]}
      columns={[
        { title: "", dataIndex: "row" },
        ...splits.map((s) => ({ title: label(s.key), dataIndex: s.key, align: "right" as const })),
        { title: t("admin.official.total"), dataIndex: "total", align: "right" as const },
      ]}
    />
  );
}

export default function OfficialFlow() {
  const { t } = useTranslation();
  const page = usePage<OfficialFlowPage>("official-flow");
  const reference = useReference();
  const data = page.data;
  const count = (value: number | undefined, previous?: number, lastYear?: number) =>
    data && {
      value: value ?? null,
      previous: previous ?? null,
      lastYear: lastYear ?? null,
      vsPrevious: previous ? ((value ?? 0) - previous) / previous : null,
      vsLastYear: lastYear ? ((value ?? 0) - lastYear) / lastYear : null,
      changeIn: "percent" as const,
    };
  const anyRow = (seekers: number): FlowLine => ({
    key: "any",
    name: t("admin.official.anyCategory"),
    demand: 0,
    seekers,
    ratio: null,
  });
  const totalRow = (): FlowLine | null =>
    data ? { ...data.total, key: "total", name: t("admin.official.total") } : null;
  const withTotals = (rows: FlowLine[]) =>
    data ? [...rows, anyRow(data.anyCategorySeekers), totalRow() as FlowLine] : [];
  const groups = withTotals(
    (data?.byOccupationGroup ?? []).map((r) => ({
      ...r,
      name: keyLabel("byOccupationGroup", r.key, r.name),
    })),
  );
  const categories = withTotals(
    (data?.byCategory ?? []).map((r) => ({ ...r, name: categoryName(reference.data, r.key, r.name) })),
  );

  return (
    <>
      <PageTitle title={t("admin.official.title")} head={data} />
      <p className="lg-admin-period-text">{t("admin.official.definition")}</p>
      <ErrorAlert error={page.error} />
      <Row gutter={[16, 16]}>
        <Col xs={12} lg={8}>
          <FigureCard
            title={t("admin.official.demand")}
            figure={count(data?.total.demand, data?.previousTotal.demand, data?.lastYearTotal.demand)}
          />
        </Col>
        <Col xs={12} lg={8}>
          <FigureCard
            title={t("admin.official.seekers")}
            figure={count(data?.total.seekers, data?.previousTotal.seekers, data?.lastYearTotal.seekers)}
          />
        </Col>
        <Col xs={12} lg={8}>
          <FigureCard
            title={t("admin.official.ratio")}
            kind="ratio"
            testId="official-ratio"
            figure={
              data && {
                value: data.total.ratio,
                previous: data.previousTotal.ratio,
                lastYear: data.lastYearTotal.ratio,
                vsPrevious: data.ratioChange,
                vsLastYear: data.ratioChangeYoy,
                changeIn: "points",
              }
            }
          />
        </Col>
      </Row>
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} xl={12}>
          <Card size="small" title={<h2>{t("admin.supplyDemand.byOccupationGroup")}</h2>}>
            <FlowTable rows={groups} keyTitle={t("admin.official.group")} testId="official-groups" />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={<h2>{t("admin.supplyDemand.byCategory")}</h2>}>
            <FlowTable
              rows={categories}
              keyTitle={t("admin.supplyDemand.category")}
              testId="official-categories"
            />
          </Card>
        </Col>
      </Row>
      <Card size="small" style={{ marginTop: 16 }} title={<h2>{t("admin.official.demandByRequirement")}</h2>}>
        <SplitTable
          splits={data?.demandBySex ?? []}
          breakdown="bySex"
          title={t("admin.supplyDemand.bySex")}
        />
        <SplitTable
          splits={data?.demandByAgeBand ?? []}
          breakdown="byAgeBand"
          title={t("admin.supplyDemand.byAgeBand")}
        />
        <SplitTable
          splits={data?.demandByEducation ?? []}
          breakdown="byEducation"
          title={t("admin.supplyDemand.byEducation")}
        />
        <SplitTable
          splits={data?.demandByIndustry ?? []}
          breakdown="byIndustry"
          title={t("admin.supplyDemand.byIndustry")}
        />
      </Card>
      <Card size="small" style={{ marginTop: 16 }} title={<h2>{t("admin.official.seekersByTraits")}</h2>}>
        <SplitTable
          splits={data?.seekersBySex ?? []}
          breakdown="bySex"
          title={t("admin.supplyDemand.bySex")}
        />
        <SplitTable
          splits={data?.seekersByAgeBand ?? []}
          breakdown="byAgeBand"
          title={t("admin.supplyDemand.byAgeBand")}
        />
        <SplitTable
          splits={data?.seekersByEducation ?? []}
          breakdown="byEducation"
          title={t("admin.supplyDemand.byEducation")}
        />
      </Card>
    </>
  );
}
