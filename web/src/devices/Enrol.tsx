/** The page a device shows until staff have enrolled it: type the one-time code from the console. */
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { messageOf } from "../shared/api.ts";
import type { DeviceSelf } from "../shared/api-types.ts";
import { enrolDevice } from "./device.ts";
import "./devices.locales.ts";
import "./devices.css";

export function Enrol({
  kind,
  onEnrolled,
}: {
  kind: DeviceSelf["kind"];
  onEnrolled: (device: DeviceSelf) => void;
}) {
  const { t } = useTranslation();
  const [code, setCode] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onEnrolled(await enrolDevice(code));
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="lg-enrol">
      <h1>
        {t("device.enrol.title")} · {t(`device.enrol.kinds.${kind}`)}
      </h1>
      <p>{t("device.enrol.hint")}</p>
      <form onSubmit={submit}>
        <label htmlFor="lg-enrol-code">{t("device.enrol.code")}</label>
        <input
          id="lg-enrol-code"
          value={code}
          onChange={(event) => setCode(event.target.value)}
          autoComplete="off"
          autoCapitalize="characters"
          maxLength={20}
          required
        />
        <button type="submit" disabled={busy}>
          {t("device.enrol.submit")}
        </button>
      </form>
      {error && (
        <p role="alert" className="lg-enrol-error">
          {error}
        </p>
      )}
    </main>
  );
}
