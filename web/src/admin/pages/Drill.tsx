/** The list behind a figure (明细): vacancies, seekers or complaints of the period, personal data masked by the API. */
import { Button, Card, Space, Table, Tag } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useParams } from "react-router-dom";
import type { DrillFigure } from "../../shared/api-types.ts";
import { ErrorAlert } from "../../shared/ErrorAlert.tsx";
import { categoryName, districtName, useReference } from "../../shared/reference.ts";
import { useResource } from "../../shared/useResource.ts";
import { formatValue, recordTime } from "../format.ts";
import { monitoring } from "../monitoring.ts";
import { PageTitle } from "../PageTitle.tsx";
import { usePeriod } from "../period.ts";

const PAGE_SIZE = 50;
const FIGURES: DrillFigure[] = ["vacancies", "seekers", "complaints"];
type Item = Record<string, unknown>;

export default function Drill() {
  const { figure } = useParams();
  if (!FIGURES.includes(figure as DrillFigure)) return <Navigate to="../overview" replace />;
  return <DrillList figure={figure as DrillFigure} key={figure} />;
}

function DrillList({ figure }: { figure: DrillFigure }) {
  const { t } = useTranslation();
  const [query] = usePeriod();
  const [offset, setOffset] = useState(0);
  const list = useResource(() => monitoring.drill(figure, query, offset, PAGE_SIZE), [figure, query, offset]);
  const columns = useColumns(figure);
  const items = list.data?.items ?? [];
  return (
    <>
      <PageTitle
        title={t(`admin.drill.${figure}`)}
        extra={<Tag color="blue">{t("admin.drill.masked")}</Tag>}
      />
      <ErrorAlert error={list.error} />
      <Card size="small">
        <Table<Item>
          size="small"
          rowKey={(row) => String(row.gigId ?? row.workerId ?? row.complaintId)}
          loading={list.loading}
          dataSource={items}
          columns={columns}
          pagination={false}
          scroll={{ x: true }}
          data-testid="drill-table"
        />
        <Space style={{ marginTop: 12 }}>
          <Button disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}>
            {t("admin.drill.previous")}
          </Button>
          <Button disabled={items.length < PAGE_SIZE} onClick={() => setOffset(offset + PAGE_SIZE)}>
            {t("admin.drill.more")}
          </Button>
        </Space>
      </Card>
    </>
  );
}

function useColumns(figure: DrillFigure): ColumnsType<Item> {
  const { t } = useTranslation();
  const reference = useReference();
  const text = (v: unknown) => (v === null || v === undefined || v === "" ? "—" : String(v));
  const category = (code: unknown) => categoryName(reference.data, String(code));
  const district = (code: unknown) => districtName(reference.data, code as string) || "—";
  if (figure === "vacancies")
    return [
      { title: t("admin.drill.gig"), dataIndex: "title" },
      { title: t("admin.supplyDemand.category"), dataIndex: "categoryCode", render: category },
      { title: t("admin.supplyDemand.district"), dataIndex: "districtCode", render: district },
      { title: t("admin.drill.employer"), dataIndex: "employerName" },
      { title: t("admin.drill.headcount"), dataIndex: "headcount", align: "right" },
      { title: t("admin.drill.filled"), dataIndex: "filledCount", align: "right" },
      {
        title: t("admin.drill.status"),
        dataIndex: "status",
        render: (s) => t(`admin.gigStatus.${s}`, { defaultValue: text(s) }),
      },
      { title: t("admin.drill.postedAt"), dataIndex: "postedAt", render: (v) => recordTime(v as string) },
    ];
  if (figure === "seekers")
    return [
      { title: t("admin.drill.name"), dataIndex: "name" },
      { title: t("admin.drill.phone"), dataIndex: "phone", render: text },
      { title: t("admin.drill.sex"), dataIndex: "sex", render: (s) => (s ? t(`admin.sex.${s}`) : "—") },
      { title: t("admin.drill.birthYear"), dataIndex: "birthYear", render: text },
      {
        title: t("admin.drill.education"),
        dataIndex: "education",
        render: (e) => (e ? t(`admin.education.${e}`) : "—"),
      },
      {
        title: t("admin.drill.categories"),
        dataIndex: "categoryCodes",
        render: (codes: string[] | null, row) =>
          row.anyCategory
            ? t("admin.supplyDemand.anyCategory")
            : (codes ?? []).map(category).join("、") || "—",
      },
      {
        title: t("admin.supplyDemand.district"),
        dataIndex: "districtCodes",
        render: (codes: string[] | null) => (codes ?? []).map(district).join("、") || "—",
      },
      { title: t("admin.drill.lastActive"), dataIndex: "lastActiveDay", render: text },
    ];
  return [
    {
      title: t("admin.complaints.kind"),
      dataIndex: "kind",
      render: (k) => t(`admin.complaints.kinds.${k}`, { defaultValue: text(k) }),
    },
    {
      title: t("admin.drill.status"),
      dataIndex: "status",
      render: (s) => t(`admin.complaints.statuses.${s}`, { defaultValue: text(s) }),
    },
    { title: t("admin.supplyDemand.district"), dataIndex: "districtCode", render: district },
    { title: t("admin.drill.complainant"), dataIndex: "complainantName", render: text },
    { title: t("admin.drill.phone"), dataIndex: "complainantPhone", render: text },
    {
      title: t("admin.drill.amount"),
      dataIndex: "amountFen",
      align: "right",
      render: (v) => (v == null ? "—" : formatValue(v as number, "fen")),
    },
    { title: t("admin.drill.createdAt"), dataIndex: "createdAt", render: (v) => recordTime(v as string) },
    { title: t("admin.drill.dueAt"), dataIndex: "dueAt", render: (v) => recordTime(v as string) },
  ];
}
