/**
 * The information screen by the station's door (信息发布屏) at /display: the station's open gigs
 * nearby, a page at a time, each with pay, time, places left and a QR code to its page in the
 * worker app; today's hires as a count; the station's hours and phone. Live by server-sent
 * events; when the connection drops it keeps the last data under a clear "更新于 HH:MM" mark
 * and catches up when it is back. Landscape 1920×1080 or portrait 1080×1920, read from 5 m.
 */
import QRCode from "qrcode";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { deviceGet, deviceToken, followBoard, forgetDevice, type StreamState } from "../devices/device.ts";
import { Enrol } from "../devices/Enrol.tsx";
import { ApiError } from "../shared/api.ts";
import type { Board, BoardGig } from "../shared/api-types.ts";
import { clock, payLabel, timeRange } from "../shared/format.ts";
import "./display.locales.ts";
import "./display.css";

/** How long each page stays up. */
const PAGE_MS = 12_000;
/** Cards per page: 3 × 2 on a landscape screen, 2 × 4 on a portrait one. */
const PAGE_SIZE = { landscape: 6, portrait: 8 } as const;

export default function DisplayApp() {
  const [enrolled, setEnrolled] = useState(() => deviceToken() !== null);
  const { t } = useTranslation();
  useEffect(() => {
    document.title = t("display.gigs");
  }, [t]);
  const revoked = useCallback(() => {
    forgetDevice();
    setEnrolled(false);
  }, []);
  if (!enrolled) return <Enrol kind="screen" onEnrolled={() => setEnrolled(true)} />;
  return <BoardScreen onRevoked={revoked} />;
}

function useOrientation(): keyof typeof PAGE_SIZE {
  const query = "(orientation: portrait)";
  const [portrait, setPortrait] = useState(() => window.matchMedia(query).matches);
  useEffect(() => {
    const media = window.matchMedia(query);
    const change = () => setPortrait(media.matches);
    media.addEventListener("change", change);
    return () => media.removeEventListener("change", change);
  }, []);
  return portrait ? "portrait" : "landscape";
}

function useNow(everyMs: number): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

function BoardScreen({ onRevoked }: { onRevoked: () => void }) {
  const { t } = useTranslation();
  const [board, setBoard] = useState<Board | null>(null);
  const [stream, setStream] = useState<StreamState>("live");
  const [page, setPage] = useState(0);
  const orientation = useOrientation();
  const now = useNow(15_000);

  useEffect(() => {
    deviceGet<Board>("/api/devices/self/board")
      .then(setBoard)
      .catch((error: unknown) => {
        if (error instanceof ApiError && error.status === 401) onRevoked();
        else setStream("reconnecting");
      });
    return followBoard({ onBoard: setBoard, onState: setStream, onRevoked });
  }, [onRevoked]);

  const size = PAGE_SIZE[orientation];
  const pages = Math.max(1, Math.ceil((board?.gigs.length ?? 0) / size));
  useEffect(() => {
    const timer = setInterval(() => setPage((p) => (p + 1) % pages), PAGE_MS);
    return () => clearInterval(timer);
  }, [pages]);
  const shown = page < pages ? page : 0;

  if (!board) return <main className="lg-display lg-display-loading">{t("display.loading")}</main>;
  const updated = clock(board.asOf);
  const gigs = board.gigs.slice(shown * size, shown * size + size);

  return (
    <main className={`lg-display lg-display-${orientation}`} data-orientation={orientation}>
      <header className="lg-display-header">
        <h1>{t("display.title", { station: board.station.name })}</h1>
        <span className="lg-display-clock">{clock(now.toISOString())}</span>
      </header>
      {stream === "reconnecting" ? (
        <p className="lg-display-stale" role="status" data-testid="stale-mark">
          {t("display.stale", { time: updated })}
        </p>
      ) : null}
      <section className="lg-display-summary" aria-label={t("display.gigs")}>
        <span>{t("display.openGigs", { count: board.openGigs })}</span>
        <span>
          {t("display.hiresToday")}{" "}
          <strong data-testid="hires-today">{t("display.people", { count: board.hiresToday })}</strong>
        </span>
        <span className="lg-display-page" data-testid="display-page">
          {t("display.page", { page: shown + 1, pages })}
        </span>
      </section>
      {gigs.length === 0 ? (
        <p className="lg-display-none">{t("display.none")}</p>
      ) : (
        <ul className="lg-display-gigs">
          {gigs.map((gig) => (
            <GigCard key={gig.id} gig={gig} />
          ))}
        </ul>
      )}
      <footer className="lg-display-footer">
        <span>
          {t("display.hours")}：{board.station.openingHours || "—"}
        </span>
        <span>
          {t("display.phone")}：{board.station.phone || "—"}
        </span>
        <span className={stream === "live" ? "lg-display-updated" : "lg-display-updated lg-stale"}>
          {t("display.updatedAt", { time: updated })}
        </span>
      </footer>
    </main>
  );
}

function GigCard({ gig }: { gig: BoardGig }) {
  const { t } = useTranslation();
  const [qr, setQr] = useState<string | null>(null);
  useEffect(() => {
    const url = `${window.location.origin}/worker/gigs/${gig.id}`;
    void QRCode.toDataURL(url, { margin: 1, width: 220, errorCorrectionLevel: "M" }).then(setQr);
  }, [gig.id]);
  return (
    <li className="lg-display-gig" data-testid="display-gig">
      <div className="lg-display-gig-text">
        <h2>{gig.title}</h2>
        <p className="lg-display-pay">{payLabel(gig.payFen, gig.payUnit)}</p>
        <p>{timeRange(gig.startsAt, gig.endsAt)}</p>
        <p className="lg-display-address">{gig.address}</p>
        <p className="lg-display-places">{t("display.placesLeft", { count: gig.openPlaces })}</p>
      </div>
      <figure className="lg-display-qr">
        {qr && <img src={qr} alt={`${t("display.scan")}：${gig.title}`} />}
        <figcaption>{t("display.scan")}</figcaption>
      </figure>
    </li>
  );
}
