/** The period picker (统计期) in the header: its choice is in the address and drives every page. */
import { DatePicker, Segmented } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";
import { PERIOD_KINDS, type PeriodKind, usePeriod } from "./period.ts";

const DAY = "YYYY-MM-DD";
const PICKERS = { day: "date", week: "week", month: "month", quarter: "quarter" } as const;

export function PeriodPicker() {
  const { t } = useTranslation();
  const [query, setQuery] = usePeriod();
  const date = query.date ? dayjs(query.date) : dayjs();
  const pick = (value: Dayjs | null) => value && setQuery({ ...query, date: value.format(DAY) });
  return (
    <fieldset className="lg-admin-period">
      <legend className="lg-visually-hidden">{t("admin.period.label")}</legend>
      <Segmented<PeriodKind>
        value={query.period}
        options={PERIOD_KINDS.map((kind) => ({ value: kind, label: t(`admin.period.${kind}`) }))}
        onChange={(kind) =>
          setQuery({
            ...query,
            period: kind,
            date: query.date,
            until: kind === "custom" ? (query.until ?? dayjs(query.date).format(DAY)) : undefined,
          })
        }
      />
      {query.period === "custom" ? (
        <DatePicker.RangePicker
          aria-label={t("admin.period.custom")}
          allowClear={false}
          value={[date, query.until ? dayjs(query.until) : date]}
          onChange={(range) =>
            range?.[0] &&
            range[1] &&
            setQuery({ ...query, period: "custom", date: range[0].format(DAY), until: range[1].format(DAY) })
          }
        />
      ) : (
        <DatePicker
          aria-label={t("admin.period.label")}
          allowClear={false}
          picker={PICKERS[query.period]}
          value={date}
          onChange={pick}
        />
      )}
    </fieldset>
  );
}
