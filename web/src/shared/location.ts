/** The phone's position, asked for only when the person taps something that needs it. */
export interface Point {
  lat: number;
  lng: number;
  /** How sure the phone is, in metres; the server allows for it at the geofence's edge. */
  accuracyM?: number;
}

export type LocationFailure = "denied" | "unavailable";

export function currentPosition(timeoutMs = 10_000): Promise<Point> {
  return new Promise((resolve, reject) => {
    if (!("geolocation" in navigator)) {
      reject("unavailable" satisfies LocationFailure);
      return;
    }
    navigator.geolocation.getCurrentPosition(
      (position) =>
        resolve({
          lat: position.coords.latitude,
          lng: position.coords.longitude,
          accuracyM: position.coords.accuracy,
        }),
      (error) =>
        reject((error.code === error.PERMISSION_DENIED ? "denied" : "unavailable") satisfies LocationFailure),
      { enableHighAccuracy: true, timeout: timeoutMs, maximumAge: 60_000 },
    );
  });
}
