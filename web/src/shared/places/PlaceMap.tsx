/**
 * A small map without a foreign tile server: 天地图's WMTS tiles (Web Mercator, CGCS2000 ≈ WGS-84,
 * so no datum shift) when the deployment has a key, otherwise the bundled district boundaries drawn
 * as the base. Shows a pin the person can drag (or move with the arrow keys) and/or gig markers.
 * Loaded on demand (React.lazy): it is never part of a first screen.
 */
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { DistrictFeature } from "../api-types.ts";
import { loadBoundaries, loadMapConfig } from "./places.api.ts";
import "./locales.ts";

export interface LatLng {
  lat: number;
  lng: number;
}

export interface MapMarker extends LatLng {
  id: string;
  label: string;
  onSelect?: () => void;
}

interface Props {
  center: LatLng;
  zoom?: number;
  pin?: LatLng | null;
  /** Given: the pin can be dragged, and reports where it was left. */
  onPinMove?: (point: LatLng) => void;
  markers?: MapMarker[];
  highlightDistrict?: string;
}

const TILE = 256;
const MIN_ZOOM = 8;
const MAX_ZOOM = 18;

const zoomButton: React.CSSProperties = {
  minWidth: 44,
  height: 44,
  marginLeft: 6,
  fontSize: 20,
  border: "1px solid #d9d9d9",
  borderRadius: 6,
  background: "#fff",
  cursor: "pointer",
};

const scale = (z: number) => TILE * 2 ** z;
const worldX = (lng: number, z: number) => ((lng + 180) / 360) * scale(z);
function worldY(lat: number, z: number): number {
  const phi = (lat * Math.PI) / 180;
  return ((1 - Math.log(Math.tan(phi) + 1 / Math.cos(phi)) / Math.PI) / 2) * scale(z);
}
const lngOf = (x: number, z: number) => (x / scale(z)) * 360 - 180;
const latOf = (y: number, z: number) =>
  (Math.atan(Math.sinh(Math.PI * (1 - (2 * y) / scale(z)))) * 180) / Math.PI;

function tiandituTile(layer: "vec" | "cva", z: number, x: number, y: number, key: string): string {
  const server = (x + y) % 8;
  return (
    `https://t${server}.tianditu.gov.cn/${layer}_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0` +
    `&LAYER=${layer}&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX=${z}&TILEROW=${y}&TILECOL=${x}&tk=${key}`
  );
}

function PinShape() {
  return (
    <>
      <path
        d="M0 0 C-4 -12 -13 -16 -13 -26 A13 13 0 1 1 13 -26 C13 -16 4 -12 0 0Z"
        fill="#cf1322"
        stroke="#fff"
        strokeWidth={2}
      />
      <circle cy={-26} r={5} fill="#fff" />
      {/* A 44 px target for fingers around the pin's head. */}
      <circle cy={-20} r={22} fill="transparent" />
    </>
  );
}

export default function PlaceMap({
  center,
  zoom: initialZoom = 14,
  pin,
  onPinMove,
  markers,
  highlightDistrict,
}: Props) {
  const { t } = useTranslation();
  const svg = useRef<SVGSVGElement>(null);
  // One drawing unit is one CSS pixel, so 44 px touch targets stay 44 px on a phone.
  const [{ W, H }, setSize] = useState({ W: 640, H: 380 });
  useEffect(() => {
    const element = svg.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      const W = Math.round(entry.contentRect.width);
      if (W > 0) setSize({ W, H: Math.round(Math.min(420, Math.max(260, W * 0.6))) });
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  const [zoom, setZoom] = useState(initialZoom);
  const [view, setView] = useState(center);
  const [districts, setDistricts] = useState<DistrictFeature[]>([]);
  const [configuredKey, setTileKey] = useState<string | null>(null);
  // Tiles that cannot load (offline, a wrong key) leave the boundaries drawn as the base instead.
  const [tilesFailed, setTilesFailed] = useState(false);
  const tileKey = tilesFailed ? null : configuredKey;
  const drag = useRef<{ kind: "pin" } | { kind: "pan"; x: number; y: number; from: LatLng } | null>(null);

  useEffect(() => {
    void loadBoundaries().then(setDistricts, () => setDistricts([]));
    void loadMapConfig().then(
      (c) => setTileKey(c.tiandituKey),
      () => setTileKey(null),
    );
  }, []);
  // A new search result recentres the map on it.
  const { lat: centreLat, lng: centreLng } = center;
  useEffect(() => setView({ lat: centreLat, lng: centreLng }), [centreLat, centreLng]);

  const cx = worldX(view.lng, zoom);
  const cy = worldY(view.lat, zoom);
  const sx = (lng: number) => worldX(lng, zoom) - cx + W / 2;
  const sy = (lat: number) => worldY(lat, zoom) - cy + H / 2;
  const pointAt = (x: number, y: number): LatLng => ({
    lat: Number(latOf(y + cy - H / 2, zoom).toFixed(6)),
    lng: Number(lngOf(x + cx - W / 2, zoom).toFixed(6)),
  });

  function local(event: React.PointerEvent): { x: number; y: number } {
    const matrix = svg.current?.getScreenCTM()?.inverse();
    if (!matrix) return { x: 0, y: 0 };
    const p = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix);
    return { x: p.x, y: p.y };
  }

  function onPointerDown(event: React.PointerEvent) {
    const target = event.target as Element;
    svg.current?.setPointerCapture(event.pointerId);
    if (onPinMove && target.closest("[data-pin]")) drag.current = { kind: "pin" };
    else drag.current = { kind: "pan", ...local(event), from: view };
  }

  function onPointerMove(event: React.PointerEvent) {
    const current = drag.current;
    if (!current) return;
    const { x, y } = local(event);
    if (current.kind === "pin") onPinMove?.(pointAt(x, y));
    else {
      const fx = worldX(current.from.lng, zoom) - (x - current.x);
      const fy = worldY(current.from.lat, zoom) - (y - current.y);
      setView({ lat: latOf(fy, zoom), lng: lngOf(fx, zoom) });
    }
  }

  function onPinKey(event: React.KeyboardEvent) {
    if (!pin || !onPinMove) return;
    const step = { ArrowUp: [0, -8], ArrowDown: [0, 8], ArrowLeft: [-8, 0], ArrowRight: [8, 0] }[event.key];
    if (!step) return;
    event.preventDefault();
    onPinMove(pointAt(sx(pin.lng) + step[0], sy(pin.lat) + step[1]));
  }

  const tiles: Array<{ x: number; y: number }> = [];
  if (tileKey) {
    const n = 2 ** zoom;
    for (let x = Math.floor((cx - W / 2) / TILE); x <= Math.floor((cx + W / 2) / TILE); x++)
      for (let y = Math.floor((cy - H / 2) / TILE); y <= Math.floor((cy + H / 2) / TILE); y++)
        if (y >= 0 && y < n) tiles.push({ x: ((x % n) + n) % n, y });
  }
  const path = (f: DistrictFeature) =>
    f.geometry.coordinates
      .flatMap((polygon) =>
        polygon.map(
          (ring) => `M${ring.map(([lng, lat]) => `${sx(lng).toFixed(1)},${sy(lat).toFixed(1)}`).join("L")}Z`,
        ),
      )
      .join("");

  return (
    <figure className="lg-place-map" style={{ margin: 0 }}>
      {/* biome-ignore lint/a11y/useSemanticElements: an SVG drawing cannot be a <fieldset>; it is a labelled group of buttons. */}
      <svg
        ref={svg}
        viewBox={`0 0 ${W} ${H}`}
        role="group"
        aria-label={t("places.map.label")}
        style={{
          width: "100%",
          height: H,
          display: "block",
          touchAction: "none",
          background: "#e8eef3",
          borderRadius: 8,
        }}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={() => {
          drag.current = null;
        }}
      >
        {tiles.map(({ x, y }) =>
          (["vec", "cva"] as const).map((layer) => (
            <image
              key={`${layer}${x}-${y}`}
              href={tiandituTile(layer, zoom, x, y, tileKey ?? "")}
              x={x * TILE - cx + W / 2}
              y={y * TILE - cy + H / 2}
              width={TILE}
              height={TILE}
              onError={() => setTilesFailed(true)}
            />
          )),
        )}
        {districts.map((f) => (
          <path
            key={f.properties.code}
            d={path(f)}
            fillRule="evenodd"
            fill={tileKey ? "none" : f.properties.code === highlightDistrict ? "#fffbe6" : "#f7f5ee"}
            stroke="#8c8c8c"
            strokeWidth={1.5}
          />
        ))}
        {!tileKey &&
          districts.map((f) => (
            <text
              key={`name${f.properties.code}`}
              x={sx(f.properties.center[0])}
              y={sy(f.properties.center[1])}
              textAnchor="middle"
              fontSize={14}
              fill="#595959"
            >
              {f.properties.name}
            </text>
          ))}
        {pin && onPinMove && (
          // biome-ignore lint/a11y/useSemanticElements: an SVG shape cannot be a <button>; it gets the role, focus and the arrow keys.
          <g
            data-pin=""
            role="button"
            tabIndex={0}
            aria-label={t("places.map.pin")}
            transform={`translate(${sx(pin.lng)},${sy(pin.lat)})`}
            onKeyDown={onPinKey}
            style={{ cursor: "grab" }}
          >
            <PinShape />
          </g>
        )}
        {pin && !onPinMove && (
          <g transform={`translate(${sx(pin.lng)},${sy(pin.lat)})`}>
            <title>{t("places.map.here")}</title>
            <PinShape />
          </g>
        )}
        {markers?.map((m) => (
          // biome-ignore lint/a11y/useSemanticElements: an SVG shape cannot be a <button>; it gets the role, focus and Enter.
          <g
            key={m.id}
            role="button"
            tabIndex={0}
            aria-label={m.label}
            data-marker={m.id}
            transform={`translate(${sx(m.lng)},${sy(m.lat)})`}
            onClick={m.onSelect}
            onKeyDown={(e) => e.key === "Enter" && m.onSelect?.()}
            style={{ cursor: "pointer" }}
          >
            {/* A 44 px target for fingers around the 18 px dot. */}
            <circle r={22} fill="transparent" />
            <circle r={9} fill="#1677ff" stroke="#fff" strokeWidth={2} />
            <title>{m.label}</title>
          </g>
        ))}
      </svg>
      <figcaption
        style={{
          display: "flex",
          justifyContent: "space-between",
          alignItems: "center",
          fontSize: 13,
          color: "#595959",
        }}
      >
        <span>{tileKey ? t("places.map.tianditu") : t("places.map.offline")}</span>
        <span>
          <button
            type="button"
            style={zoomButton}
            aria-label={t("places.map.zoomOut")}
            onClick={() => setZoom((z) => Math.max(MIN_ZOOM, z - 1))}
          >
            −
          </button>
          <button
            type="button"
            style={zoomButton}
            aria-label={t("places.map.zoomIn")}
            onClick={() => setZoom((z) => Math.min(MAX_ZOOM, z + 1))}
          >
            +
          </button>
        </span>
      </figcaption>
    </figure>
  );
}
