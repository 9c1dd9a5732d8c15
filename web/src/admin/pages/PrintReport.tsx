/** A printable report of the period (print CSS hides the frame): key figures and the supply-and-demand table. */
import { PrinterOutlined } from "@ant-design/icons";
import { Button } from "antd";
import { useTranslation } from "react-i18next";
import type {
  Figure,
  OverviewPage as Overview,
  QualityPage as Quality,
  SupplyDemandPage as SupplyDemand,
} from "../../shared/api-types.ts";
import { categoryName, useReference } from "../../shared/reference.ts";
import { type FigureKind, formatChange, formatValue } from "../format.ts";
import { lastDay } from "../PageTitle.tsx";
import { useScopeName } from "../province.tsx";
import { usePage } from "../usePage.ts";

const SUMMARY: Array<[string, FigureKind, "overview" | "quality"]> = [
  ["registeredWorkers", "count", "overview"],
  ["activeWorkers", "count", "overview"],
  ["validSeekers", "count", "overview"],
  ["employers", "count", "overview"],
  ["validVacancies", "count", "overview"],
  ["jobsToSeekersRatio", "ratio", "overview"],
  ["gigsPosted", "count", "overview"],
  ["applications", "count", "overview"],
  ["bookings", "count", "overview"],
  ["completedShifts", "count", "overview"],
  ["fillRate", "rate", "quality"],
  ["cancellationRate", "rate", "quality"],
  ["noShowRate", "rate", "quality"],
  ["complaintsOpened", "count", "quality"],
];

/** Ratios and rates change in points (this − that), counts in per cent: the figure says which. */
function change(f: Figure | undefined, base: "previous" | "lastYear", kind: FigureKind): string {
  const value = base === "previous" ? f?.vsPrevious : f?.vsLastYear;
  return formatChange(value, f?.changeIn === "points", kind === "rate");
}

export default function PrintReport() {
  const { t } = useTranslation();
  const scopeName = useScopeName();
  const overview = usePage<Overview>("overview");
  const quality = usePage<Quality>("quality");
  const sd = usePage<SupplyDemand>("supply-demand");
  const reference = useReference();
  const head = overview.data;
  const figures = { overview: overview.data?.figures, quality: quality.data?.figures };
  return (
    <article className="lg-admin-print">
      <div className="lg-admin-print-actions">
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
          {t("admin.exports.print")}
        </Button>
      </div>
      <h1>
        {scopeName} {t("admin.print.title")}
      </h1>
      {head && <p>{t("admin.period.range", { from: head.period.from, to: lastDay(head.period.to) })}</p>}
      <table className="lg-admin-print-table">
        <thead>
          <tr>
            <th scope="col">{t("admin.figures.name")}</th>
            <th scope="col">{t("admin.period.current")}</th>
            <th scope="col">{t("admin.period.vsPrevious")}</th>
            <th scope="col">{t("admin.period.vsLastYear")}</th>
          </tr>
        </thead>
        <tbody>
          {SUMMARY.map(([name, kind, page]) => {
            const f = figures[page]?.[name];
            return (
              <tr key={name}>
                <th scope="row">{t(`admin.figures.${name}`)}</th>
                <td>{formatValue(f?.value, kind)}</td>
                <td>{change(f, "previous", kind)}</td>
                <td>{change(f, "lastYear", kind)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <h2>{t("admin.supplyDemand.byCategory")}</h2>
      <table className="lg-admin-print-table">
        <thead>
          <tr>
            <th scope="col">{t("admin.supplyDemand.category")}</th>
            <th scope="col">{t("admin.figures.demand")}</th>
            <th scope="col">{t("admin.figures.seekers")}</th>
            <th scope="col">{t("admin.figures.ratio")}</th>
            <th scope="col">{t("admin.figures.ratioChange")}</th>
          </tr>
        </thead>
        <tbody>
          {(sd.data?.byCategory ?? []).map((r) => (
            <tr key={r.key}>
              <th scope="row">{categoryName(reference.data, r.key, r.name)}</th>
              <td>{r.demand}</td>
              <td>{r.seekers}</td>
              <td>{formatValue(r.ratio, "ratio")}</td>
              <td>{formatChange(r.ratioChange, true)}</td>
            </tr>
          ))}
          {sd.data && (
            <tr className="lg-admin-print-total">
              <th scope="row">{t("admin.supplyDemand.overall")}</th>
              <td>{sd.data.overall.demand}</td>
              <td>{sd.data.overall.seekers}</td>
              <td>{formatValue(sd.data.overall.ratio, "ratio")}</td>
              <td>{formatChange(sd.data.overall.ratioChange, true)}</td>
            </tr>
          )}
        </tbody>
      </table>
      <p className="lg-admin-print-foot">
        {t("admin.print.printedAt", { time: new Date().toLocaleString("zh-CN") })}
      </p>
    </article>
  );
}
