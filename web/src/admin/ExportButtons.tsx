/** Downloads of the official tables (.xlsx, CSV) for the chosen period, and the printable page. */
import { DownloadOutlined, PrinterOutlined } from "@ant-design/icons";
import { Button, Space } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { monitoring } from "./monitoring.ts";
import { usePeriod, usePeriodSearch } from "./period.ts";

export function ExportButtons() {
  const { t } = useTranslation();
  const [query] = usePeriod();
  const search = usePeriodSearch();
  const navigate = useNavigate();
  const link = (table: "supply-demand" | "summary", format: "xlsx" | "csv", label: string) => (
    <Button icon={<DownloadOutlined />} href={monitoring.exportUrl(table, format, query)} download>
      {label}
    </Button>
  );
  return (
    <Space wrap className="lg-admin-exports">
      {link("supply-demand", "xlsx", t("admin.exports.supplyDemandXlsx"))}
      {link("supply-demand", "csv", t("admin.exports.supplyDemandCsv"))}
      {link("summary", "xlsx", t("admin.exports.summaryXlsx"))}
      {link("summary", "csv", t("admin.exports.summaryCsv"))}
      <Button icon={<PrinterOutlined />} onClick={() => navigate(`/admin/print${search}`)}>
        {t("admin.exports.print")}
      </Button>
    </Space>
  );
}
