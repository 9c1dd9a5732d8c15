/**
 * 附近的工作 on a map: the listed gigs as markers around the worker (or the city's centre); tapping
 * one shows its card. Loaded only when the worker switches to the map.
 */
import { Suspense, useState } from "react";
import { useTranslation } from "react-i18next";
import type { GigSummary, Reference } from "../../shared/api-types.ts";
import type { Point } from "../../shared/location.ts";
import PlaceMap from "../../shared/places/PlaceMap.tsx";
import { GigCard } from "./GigCard.tsx";

interface Props {
  gigs: GigSummary[];
  point: Point | null;
  reference: Reference | undefined;
}

export default function GigsMap({ gigs, point, reference }: Props) {
  const { t } = useTranslation();
  const [chosenId, setChosenId] = useState<string | null>(null);
  const chosen = gigs.find((g) => g.id === chosenId);
  const centre =
    point ?? (reference ? { lat: reference.city.centerLat, lng: reference.city.centerLng } : null);
  if (!centre) return null;
  return (
    <section aria-label={t("gigsMap.map")} className="lg-gigs-map">
      {!point && <p className="lg-gig-line">{t("gigsMap.noPosition")}</p>}
      <Suspense fallback={<p role="status">{t("gigsMap.loading")}</p>}>
        <PlaceMap
          center={centre}
          zoom={point ? 14 : 12}
          pin={point}
          markers={gigs.map((g) => ({
            id: g.id,
            lat: g.lat,
            lng: g.lng,
            label: `${g.title} · ${g.address}`,
            onSelect: () => setChosenId(g.id),
          }))}
        />
      </Suspense>
      {chosen && <GigCard gig={chosen} reference={reference} />}
    </section>
  );
}
