/**
 * 大屏: the wall display. A 1920×1080 stage scaled to the screen, dark, with type large enough to
 * read across a room: the key figures, 求人倍率 by category and on the map, today's bookings by
 * district, 30 days of the ratio, bookings, pay and 岗位满足率, wage arrears, station services and
 * terminal use, and a running feed of the newest gigs and today's bookings. It follows the live stream and also reloads every minute, so a dropped
 * connection never leaves stale figures up for long.
 */
import "./bigscreen.css";
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { OverviewPage, ScreenFeed, ScreenPage, SupplyDemandPage } from "../../shared/api-types.ts";
import { clock, dateTime, localDate, payLabel, yuan } from "../../shared/format.ts";
import { categoryName, useReference } from "../../shared/reference.ts";
import { useResource } from "../../shared/useResource.ts";
import { Chart } from "../charts/Chart.tsx";
import { DistrictMap } from "../charts/DistrictMap.tsx";
import { type FigureKind, formatValue } from "../format.ts";
import { useLive } from "../live.ts";
import { monitoring } from "../monitoring.ts";
import { useCity } from "../period.ts";
import { useScopeName } from "../province.tsx";
import { ratioBars } from "../RatioTable.tsx";
import { districtBars, payAndFillChart, trendChart } from "./screenCharts.ts";

const REFRESH_MS = 60_000;
const STAGE = { width: 1920, height: 1080 };
/** The height of a chart in one of the two rows of panels. */
const PANEL_CHART = 300;

export default function BigScreen() {
  const { t } = useTranslation();
  const scopeName = useScopeName();
  const city = useCity();
  const reference = useReference();
  const scale = useStageScale();
  const [tick, setTick] = useState(0);
  const live = useLive();
  useEffect(() => {
    const timer = setInterval(() => setTick((n) => n + 1), REFRESH_MS);
    return () => clearInterval(timer);
  }, []);
  const version = [live.figures?.asOfEventId ?? 0, tick, city];
  const month = { period: "month" as const, city };
  const overview = useResource(() => monitoring.page<OverviewPage>("overview", month), version);
  const sd = useResource(() => monitoring.page<SupplyDemandPage>("supply-demand", month), version);
  // Thirty days read day by day are heavy and change slowly: once a minute, not at every event.
  const screen = useResource(
    () => monitoring.page<ScreenPage>("screen", { period: "day", city }),
    [tick, city],
  );
  const feed = useResource(() => monitoring.page<ScreenFeed>("feed", { period: "day", city }), version);
  const now = useClock();

  const f = overview.data?.figures;
  const today = live.figures?.figures;
  const cards: Array<[string, number | null | undefined, FigureKind, string?]> = [
    [t("admin.figures.registeredWorkers"), f?.registeredWorkers.value, "count"],
    [t("admin.figures.validSeekers"), f?.validSeekers.value, "count"],
    [t("admin.figures.validVacancies"), f?.validVacancies.value, "count"],
    [t("admin.figures.jobsToSeekersRatio"), f?.jobsToSeekersRatio.value, "ratio", "ratio"],
    [t("admin.figures.fillRate"), f?.fillRate.value, "rate"],
    [t("admin.screen.todayBookings"), today?.bookings, "count", "today-bookings"],
    [t("admin.screen.todayGigsPosted"), today?.gigsPosted, "count"],
  ];
  const categories = useMemo(
    () =>
      (sd.data?.byCategory ?? [])
        .filter((r) => r.ratio !== null)
        .sort((a, b) => (b.ratio ?? 0) - (a.ratio ?? 0))
        .slice(0, 8)
        .map((r) => ({ name: categoryName(reference.data, r.key, r.name), ratio: r.ratio })),
    [sd.data, reference.data],
  );
  const mapValues = useMemo(
    () => (sd.data?.byDistrict ?? []).map((r) => ({ name: r.name, value: r.ratio })),
    [sd.data],
  );
  const items = feed.data?.items ?? [];
  const days = screen.data?.days ?? [];
  const trend = useMemo(
    () =>
      trendChart(days, {
        ratio: t("admin.figures.jobsToSeekersRatio"),
        bookings: t("admin.figures.bookings"),
      }),
    [days, t],
  );
  const pay = useMemo(
    () => payAndFillChart(days, { pay: t("admin.screen.medianPay"), fill: t("admin.figures.fillRate") }),
    [days, t],
  );
  const hires = useMemo(() => districtBars(screen.data?.bookingsByDistrict ?? []), [screen.data]);
  const arrears = screen.data?.arrears;
  const stations = screen.data?.stations.slice(0, 3) ?? [];

  return (
    <div className="lg-screen-viewport">
      <main
        className="lg-screen"
        style={{ width: STAGE.width, height: STAGE.height, transform: `scale(${scale})` }}
        data-testid="big-screen"
      >
        <header className="lg-screen-header">
          <h1>
            {scopeName} · {t("admin.screen.title")}
          </h1>
          <div className="lg-screen-status">
            <span className={`lg-screen-live${live.connected ? " on" : ""}`}>
              <span className="lg-screen-dot" aria-hidden="true" />
              {live.connected ? t("admin.live.on") : t("admin.live.off")}
            </span>
            <time>{now}</time>
          </div>
        </header>
        <section className="lg-screen-figures" aria-label={t("admin.overview.title")}>
          {cards.map(([label, value, kind, id]) => (
            <div className="lg-screen-figure" key={label} data-testid={id ? `screen-${id}` : undefined}>
              <div className="lg-screen-figure-label">{label}</div>
              <div className="lg-screen-figure-value">{formatValue(value, kind)}</div>
            </div>
          ))}
        </section>
        <section className="lg-screen-panels">
          <div className="lg-screen-panel">
            <h2>{t("admin.screen.categoryRatio")}</h2>
            <Chart
              option={ratioBars(categories, { dark: true })}
              label={t("admin.screen.categoryRatio")}
              height={PANEL_CHART}
            />
          </div>
          <div className="lg-screen-panel lg-screen-map">
            <h2>{t("admin.supplyDemand.map")}</h2>
            <DistrictMap
              values={mapValues}
              label={t("admin.supplyDemand.map")}
              height={PANEL_CHART * 2 + 80}
              dark
              format={(v) => formatValue(v, "ratio")}
            />
          </div>
          <div className="lg-screen-panel">
            <h2>{t("admin.screen.trend")}</h2>
            <Chart option={trend} label={t("admin.screen.trend")} height={PANEL_CHART} />
          </div>
          <div className="lg-screen-panel">
            <h2>{t("admin.screen.arrears")}</h2>
            <dl className="lg-screen-arrears" data-testid="screen-arrears">
              <div>
                <dt>{t("admin.screen.arrearsOpened")}</dt>
                <dd>{formatValue(arrears?.opened, "count")}</dd>
              </div>
              <div>
                <dt>{t("admin.screen.arrearsResolved")}</dt>
                <dd>{formatValue(arrears?.resolved, "count")}</dd>
              </div>
              <div>
                <dt>{t("admin.screen.arrearsRecovered")}</dt>
                <dd>{arrears ? yuan(arrears.recoveredFen) : "—"}</dd>
              </div>
              <div>
                <dt>{t("admin.screen.arrearsOpen")}</dt>
                <dd>{arrears ? yuan(arrears.openFen) : "—"}</dd>
              </div>
            </dl>
            <h2>{t("admin.screen.stations")}</h2>
            <ul className="lg-screen-stations" data-testid="screen-stations">
              {stations.length === 0 && <li>{t("admin.screen.noStations")}</li>}
              {stations.map((station) => (
                <li key={station.stationId}>
                  <span>{station.name}</span>
                  <span className="lg-screen-gig-pay">
                    {t("admin.screen.services", {
                      count: station.services,
                      terminal: station.terminalSessions,
                    })}
                  </span>
                </li>
              ))}
            </ul>
          </div>
          <div className="lg-screen-panel">
            <h2>{t("admin.screen.bookingsByDistrict")}</h2>
            <Chart option={hires} label={t("admin.screen.bookingsByDistrict")} height={PANEL_CHART} />
          </div>
          <div className="lg-screen-panel">
            <h2>{t("admin.screen.payTrend")}</h2>
            <Chart option={pay} label={t("admin.screen.payTrend")} height={PANEL_CHART} />
          </div>
          <div className="lg-screen-panel lg-screen-ticker">
            <h2>{t("admin.screen.ticker")}</h2>
            <div className="lg-screen-ticker-window">
              <ul
                className={items.length > 4 ? "lg-screen-ticker-roll" : undefined}
                data-testid="screen-ticker"
              >
                {[
                  ...items.map((item) => ({ item, copy: false })),
                  ...(items.length > 4 ? items.map((item) => ({ item, copy: true })) : []),
                ].map(({ item, copy }) => (
                  <li key={`${item.kind}-${item.id}-${copy}`} aria-hidden={copy || undefined}>
                    <div className="lg-screen-gig-title">
                      <span className={`lg-screen-feed-kind ${item.kind}`}>
                        {t(`admin.screen.feed.${item.kind}`)}
                      </span>
                      {item.gigTitle}
                    </div>
                    <div className="lg-screen-gig-meta">
                      <span>{item.employerName}</span>
                      <span>{item.districtName}</span>
                      <span>{categoryName(reference.data, item.categoryCode, item.categoryName)}</span>
                      <span className="lg-screen-gig-pay">{payLabel(item.payFen, item.payUnit)}</span>
                      {item.kind === "gig_posted" && (
                        <span>{t("admin.screen.feed.places", { count: item.places })}</span>
                      )}
                      <time>
                        {localDate(item.at) === feed.data?.day ? clock(item.at) : dateTime(item.at)}
                      </time>
                    </div>
                  </li>
                ))}
              </ul>
            </div>
          </div>
        </section>
      </main>
    </div>
  );
}

/** The stage keeps its 1920×1080 layout and is scaled to whatever screen shows it. */
const fit = () => Math.min(window.innerWidth / STAGE.width, window.innerHeight / STAGE.height);

function useStageScale(): number {
  const [scale, setScale] = useState(fit);
  useEffect(() => {
    const onResize = () => setScale(fit());
    window.addEventListener("resize", onResize);
    return () => window.removeEventListener("resize", onResize);
  }, []);
  return scale;
}

const clockText = () => dateTime(new Date().toISOString());

function useClock(): string {
  const [now, setNow] = useState(clockText);
  useEffect(() => {
    const timer = setInterval(() => setNow(clockText()), 10_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}
