/**
 * 批量导入: the workers, employers or stations a bureau already keeps, from a .xlsx or .csv sheet.
 * Choose what, download its template, upload; every row comes back imported, already there or
 * rejected with its reasons, and the rejected rows download as a .csv to fix and import again.
 * The server keeps a district admin to her district (src/imports).
 */
import "./administration.css";
import { DownloadOutlined, InboxOutlined } from "@ant-design/icons";
import {
  Alert,
  Badge,
  type BadgeProps,
  Button,
  Card,
  Checkbox,
  Radio,
  Space,
  Table,
  Typography,
  Upload,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ImportKind, ImportResult, ImportRowReport } from "../../shared/api-types.ts";
import { ErrorAlert } from "../../shared/ErrorAlert.tsx";
import { useAction } from "../../shared/useResource.ts";
import { PageTitle } from "../PageTitle.tsx";
import { useAdmin } from "../session.tsx";
import { administration } from "./api.ts";
import { AdministrationTheme } from "./parts.tsx";
import "./imports.locales.ts";

const KINDS: ImportKind[] = ["workers", "employers", "stations"];
/** A dot beside dark text, like the other 系统管理 lists: tags' pale green text is too faint to read. */
const OUTCOME_STATUS: Record<ImportRowReport["outcome"], BadgeProps["status"]> = {
  imported: "success",
  existing: "default",
  rejected: "error",
  not_imported: "warning",
};

/** The file as base64, as the import takes it. */
function base64Of(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ""));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

export default function ImportsPage() {
  const { t } = useTranslation();
  const { isCityAdmin, scopeName } = useAdmin();
  const [kind, setKind] = useState<ImportKind>("workers");
  const [file, setFile] = useState<File | null>(null);
  const [allOrNothing, setAllOrNothing] = useState(false);
  const [result, setResult] = useState<ImportResult | null>(null);
  const upload = useAction(async (chosen: File) =>
    administration.importSheet(kind, {
      fileName: chosen.name,
      contentBase64: await base64Of(chosen),
      allOrNothing,
    }),
  );

  async function start() {
    if (!file) return;
    setResult(null);
    const answer = await upload.run(file);
    if (answer) setResult(answer.value);
  }

  function choose(next: ImportKind) {
    setKind(next);
    setResult(null);
    upload.setError(null);
  }

  return (
    <AdministrationTheme>
      <PageTitle title={t("admin.menu.imports")} />
      <Card size="small" style={{ maxWidth: 880, marginBottom: 16 }}>
        <p className="lg-admin-help">
          {t("admin.imports.intro")}
          <br />
          {t(isCityAdmin ? "admin.imports.scopeCity" : "admin.imports.scopeDistrict", { scope: scopeName })}
        </p>
        <Space direction="vertical" size="middle" style={{ width: "100%" }}>
          <Radio.Group
            aria-label={t("admin.imports.what")}
            optionType="button"
            buttonStyle="solid"
            value={kind}
            onChange={(event) => choose(event.target.value as ImportKind)}
            options={KINDS.map((k) => ({ value: k, label: t(`admin.imports.kinds.${k}`) }))}
          />
          <Typography.Paragraph style={{ margin: 0 }}>
            {t(`admin.imports.columns.${kind}`)}
          </Typography.Paragraph>
          <Button icon={<DownloadOutlined />} href={administration.importTemplateUrl(kind)} download>
            {t("admin.imports.template")}
          </Button>
          <Upload.Dragger
            accept=".xlsx,.csv"
            maxCount={1}
            fileList={file ? [{ uid: "chosen", name: file.name, status: "done" }] : []}
            beforeUpload={(chosen) => {
              setFile(chosen);
              setResult(null);
              return false;
            }}
            onRemove={() => setFile(null)}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined aria-hidden />
            </p>
            <p>{t("admin.imports.dropHint")}</p>
          </Upload.Dragger>
          <Checkbox checked={allOrNothing} onChange={(event) => setAllOrNothing(event.target.checked)}>
            {t("admin.imports.allOrNothing")}
          </Checkbox>
          <ErrorAlert error={upload.error} />
          <Button type="primary" disabled={!file} loading={upload.busy} onClick={() => void start()}>
            {t("admin.imports.start")}
          </Button>
        </Space>
      </Card>
      {result && <ImportReport result={result} />}
    </AdministrationTheme>
  );
}

function ImportReport({ result }: { result: ImportResult }) {
  const { t } = useTranslation();
  const rejected = result.report.filter((r) => r.outcome === "rejected").length;
  return (
    <Card size="small" title={<h2>{t("admin.imports.result")}</h2>} data-testid="import-result">
      <Space direction="vertical" size="middle" style={{ width: "100%" }}>
        <Typography.Text strong data-testid="import-summary">
          {t("admin.imports.summary", {
            rows: result.rows,
            imported: result.imported,
            existing: result.alreadyThere,
            rejected,
          })}
        </Typography.Text>
        {result.rolledBack && <Alert type="warning" showIcon message={t("admin.imports.rolledBack")} />}
        {result.rejectsCsv && (
          <Button
            icon={<DownloadOutlined />}
            href={`data:text/csv;charset=utf-8,${encodeURIComponent(result.rejectsCsv)}`}
            download={`${result.kind}-rejected.csv`}
          >
            {t("admin.imports.downloadRejects")}
          </Button>
        )}
        <Table<ImportRowReport>
          size="small"
          rowKey="row"
          dataSource={result.report}
          pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
          columns={[
            { title: t("admin.imports.row"), dataIndex: "row", width: 80 },
            { title: t("admin.imports.label"), dataIndex: "label" },
            {
              title: t("admin.imports.outcome"),
              dataIndex: "outcome",
              width: 140,
              filters: (["imported", "existing", "rejected", "not_imported"] as const).map((o) => ({
                text: t(`admin.imports.outcomes.${o}`),
                value: o,
              })),
              onFilter: (value, row) => row.outcome === value,
              render: (outcome: ImportRowReport["outcome"]) => (
                <Badge status={OUTCOME_STATUS[outcome]} text={t(`admin.imports.outcomes.${outcome}`)} />
              ),
            },
            {
              title: t("admin.imports.reasons"),
              dataIndex: "reasons",
              render: (reasons: ImportRowReport["reasons"]) =>
                reasons.map((r) => (
                  <div key={r.message} title={r.code}>
                    {r.message}
                  </div>
                )),
            },
          ]}
        />
      </Space>
    </Card>
  );
}
