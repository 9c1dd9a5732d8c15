/** 找活: open gigs near the worker, sorted as they choose, filters one tap away. The app's first screen. */
import { Button, DotLoading } from "antd-mobile";
import { lazy, Suspense, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router-dom";
import { get, itemsOf } from "../../shared/api.ts";
import type { GigPage } from "../../shared/api-types.ts";
import { currentPosition, type Point } from "../../shared/location.ts";
import { useReference } from "../../shared/reference.ts";
import { useSession } from "../../shared/session.tsx";
import { useResource } from "../../shared/useResource.ts";
import { EmptyState, ErrorLine, PageHeader } from "../parts.tsx";
import { type GigFilters, needsLocation, readFilters, type Sort, writeFilters } from "./filters.ts";
import { GigCard } from "./GigCard.tsx";
import { Recommended } from "./Recommended.tsx";

// The map and its drawing code load only when the worker switches to it.
const GigsMap = lazy(() => import("./GigsMap.tsx"));
// The filter sheet and its pickers load when first opened, not with the first screen.
const FilterPopup = lazy(() => import("./FilterPopup.tsx").then((m) => ({ default: m.FilterPopup })));

const SORTS: Sort[] = ["soonest", "nearest", "best_paid"];
let rememberedPoint: Point | null = null;

function loadGigs(filters: GigFilters, point: Point | null): Promise<GigPage> {
  const wantsPoint = needsLocation(filters) ? point : null;
  return get<GigPage>("/api/gigs", {
    ...filters,
    sameDayPayOnly: filters.sameDayPayOnly || undefined,
    lat: wantsPoint?.lat,
    lng: wantsPoint?.lng,
  });
}

/**
 * The first page of gigs, asked for as soon as this chunk arrives, alongside the session and the
 * reference data rather than after them: on a slow phone line each wait is half a second. The
 * list's first load takes it if it asked for the same thing.
 */
let early: { key: string; answer: Promise<GigPage> } | null = (() => {
  if (window.location.pathname !== "/worker") return null;
  const params = new URLSearchParams(window.location.search);
  const filters = readFilters(params);
  if (needsLocation(filters)) return null;
  const answer = loadGigs(filters, null);
  answer.catch(() => undefined);
  return { key: params.toString(), answer };
})();

export function GigList() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const reference = useReference();
  const { me } = useSession();
  const [point, setPoint] = useState<Point | null>(rememberedPoint);
  const [locationError, setLocationError] = useState<string | null>(null);
  const [filtersOpen, setFiltersOpen] = useState(false);
  // Stays mounted once opened, so the sheet can animate closed.
  const [filtersWanted, setFiltersWanted] = useState(false);
  const [view, setView] = useState<"list" | "map">("list");
  const key = params.toString();

  const gigs = useResource(async () => {
    const first = early;
    early = null;
    if (first?.key === key && !needsLocation(filters)) return itemsOf(await first.answer);
    return itemsOf(await loadGigs(filters, point));
  }, [key, point]);

  async function apply(next: GigFilters) {
    setFiltersOpen(false);
    if (needsLocation(next) && !point) {
      try {
        rememberedPoint = await currentPosition();
        setPoint(rememberedPoint);
        setLocationError(null);
      } catch {
        setLocationError(t("gigs.locationNeeded"));
        return;
      }
    }
    setParams(writeFilters(next), { replace: true });
  }

  const activeCount = [
    filters.category,
    filters.district,
    filters.withinKm,
    filters.date,
    filters.minDailyPayFen,
  ].filter((v) => v !== undefined).length;

  return (
    <>
      <PageHeader title={t("gigs.title")} />
      <div className="lg-filters">
        <fieldset className="lg-filters-row">
          <legend className="lg-visually-hidden">{t("gigs.sortLabel")}</legend>
          {SORTS.map((sort) => (
            <button
              key={sort}
              type="button"
              className="lg-chip"
              aria-pressed={filters.sort === sort}
              onClick={() => void apply({ ...filters, sort })}
            >
              {t(`gigs.sort.${sort}`)}
            </button>
          ))}
        </fieldset>
        <div className="lg-filters-row">
          <button
            type="button"
            className="lg-chip"
            aria-pressed={filters.sameDayPayOnly}
            onClick={() => void apply({ ...filters, sameDayPayOnly: !filters.sameDayPayOnly })}
          >
            {t("gigs.sameDayOnly")}
          </button>
          <button
            type="button"
            className="lg-chip"
            aria-pressed={activeCount > 0}
            onClick={() => {
              setFiltersWanted(true);
              setFiltersOpen(true);
            }}
          >
            {activeCount > 0 ? t("gigs.filtersCount", { count: activeCount }) : t("gigs.filters")}
          </button>
          {(["list", "map"] as const).map((v) => (
            <button
              key={v}
              type="button"
              className="lg-chip"
              aria-pressed={view === v}
              onClick={() => setView(v)}
            >
              {t(`gigsMap.${v}`)}
            </button>
          ))}
        </div>
      </div>
      <ErrorLine message={locationError ?? gigs.error ?? reference.error} />
      {gigs.loading && !gigs.data && (
        <p className="lg-page-loading" role="status">
          <DotLoading color="primary" /> {t("common.loading")}
        </p>
      )}
      {gigs.data?.length === 0 && (
        <EmptyState
          title={t("gigs.emptyTitle")}
          hint={activeCount > 0 || filters.sameDayPayOnly ? t("gigs.emptyFiltered") : t("gigs.emptyHint")}
          action={
            activeCount > 0 || filters.sameDayPayOnly ? (
              <Button
                color="primary"
                onClick={() => void apply({ sort: filters.sort, sameDayPayOnly: false })}
              >
                {t("filters.clear")}
              </Button>
            ) : undefined
          }
        />
      )}
      {me?.role === "worker" && <Recommended />}
      {view === "map" ? (
        <Suspense fallback={<p role="status">{t("gigsMap.loading")}</p>}>
          <GigsMap gigs={gigs.data ?? []} point={point} reference={reference.data} />
        </Suspense>
      ) : (
        <div aria-busy={gigs.loading}>
          {gigs.data?.map((gig) => (
            <GigCard key={gig.id} gig={gig} reference={reference.data} />
          ))}
        </div>
      )}
      {filtersWanted && (
        <Suspense fallback={null}>
          <FilterPopup
            open={filtersOpen}
            filters={filters}
            reference={reference.data}
            onClose={() => setFiltersOpen(false)}
            onApply={(next) => void apply(next)}
          />
        </Suspense>
      )}
    </>
  );
}
