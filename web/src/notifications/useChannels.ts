/** The signed-in person's channels (app always; SMS and voice call if chosen) and message language. */
import { useState } from "react";
import { get, messageOf, put } from "../shared/api.ts";
import type { NotificationPreferences } from "../shared/api-types.ts";
import { useResource } from "../shared/useResource.ts";

const PATH = "/api/notifications/preferences";

export function useChannels() {
  const loaded = useResource(() => get<NotificationPreferences>(PATH), []);
  const [saved, setSaved] = useState<NotificationPreferences | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const value = saved ?? loaded.data;

  /** Saves one change at once: each switch is its own decision, there is no form to submit. */
  async function change(patch: Partial<NotificationPreferences>): Promise<boolean> {
    if (!value) return false;
    setBusy(true);
    setError(null);
    try {
      setSaved(await put<NotificationPreferences>(PATH, { ...value, ...patch }));
      return true;
    } catch (caught) {
      setError(messageOf(caught));
      return false;
    } finally {
      setBusy(false);
    }
  }

  return { value, error: error ?? loaded.error, busy, change };
}
