/**
 * A person at the terminal: signs in (or registers) with her mobile number and the SMS code on a
 * numeric keypad, accepting the 用户协议 and 隐私政策, or, with the worker app, by scanning the
 * terminal's QR code and confirming on her phone (扫码登录); a new worker gives her name and the work she
 * wants; the application slip (报名回执) printed on 80 mm thermal paper or A4. Her session token
 * lives in the terminal's memory only and is ended when she leaves.
 */
import QRCode from "qrcode";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { devicePost } from "../devices/device.ts";
import { ApiError, api } from "../shared/api.ts";
import type {
  ApplicationSlip,
  CodeSent,
  DeviceSelf,
  KioskPerson,
  LegalDocument,
  LegalVersions,
  QrSignInClaim,
  QrSignInStarted,
} from "../shared/api-types.ts";
import { dateTime, payLabel, timeRange } from "../shared/format.ts";
import { categoryName, useReference } from "../shared/reference.ts";
import { speak } from "./speech.ts";

export const PERSON_HEADER = "x-person-token";

export function Keypad({
  onDigit,
  onBack,
  onClear,
}: {
  onDigit: (d: string) => void;
  onBack: () => void;
  onClear: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="lg-kiosk-keypad">
      {["1", "2", "3", "4", "5", "6", "7", "8", "9"].map((d) => (
        <button key={d} type="button" className="lg-kiosk-button lg-kiosk-key" onClick={() => onDigit(d)}>
          {d}
        </button>
      ))}
      <button type="button" className="lg-kiosk-button lg-kiosk-key" onClick={onClear}>
        {t("kiosk.keyClear")}
      </button>
      <button type="button" className="lg-kiosk-button lg-kiosk-key" onClick={() => onDigit("0")}>
        0
      </button>
      <button type="button" className="lg-kiosk-button lg-kiosk-key" onClick={onBack}>
        {t("kiosk.keyBack")}
      </button>
    </div>
  );
}

/** Digits read one by one, so the speech synthesiser does not say "thirteen billion". */
export const spell = (digits: string) => digits.split("").join(" ");

export function messageOf(error: unknown): string {
  return error instanceof ApiError || error instanceof Error ? error.message : String(error);
}

/** How often the terminal asks whether she has confirmed on her phone. */
const QR_POLL_MS = 2_000;

/**
 * 扫码登录: the QR code of a fresh sign-in, asked after every two seconds until she confirms. A new
 * code is a new mount (`onRenew` changes its key).
 */
function QrSignIn({
  onSignedIn,
  onBack,
  onRenew,
}: {
  onSignedIn: (person: KioskPerson) => void;
  onBack: () => void;
  onRenew: () => void;
}) {
  const { t } = useTranslation();
  const [image, setImage] = useState<string | null>(null);
  const [expired, setExpired] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // The parent hands a new function each render; the polling keeps to one QR code per round.
  const signedIn = useRef(onSignedIn);
  signedIn.current = onSignedIn;

  useEffect(() => speak(t("kiosk.qrSpoken")), [t]);
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ask = async (id: string) => {
      try {
        const answer = await devicePost<QrSignInClaim>(`/api/devices/self/qr-sign-ins/${id}/claim`);
        if (stopped) return;
        if (answer.status === "signed_in") signedIn.current(answer.person);
        else timer = setTimeout(() => void ask(id), QR_POLL_MS);
      } catch (e) {
        if (stopped) return;
        if (e instanceof ApiError && e.status === 404) setExpired(true);
        else setError(messageOf(e));
      }
    };
    void (async () => {
      try {
        const started = await devicePost<QrSignInStarted>("/api/devices/self/qr-sign-ins");
        const drawn = await QRCode.toDataURL(started.url, { width: 480, margin: 2 });
        if (stopped) return;
        setImage(drawn);
        timer = setTimeout(() => void ask(started.id), QR_POLL_MS);
      } catch (e) {
        if (!stopped) setError(messageOf(e));
      }
    })();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, []);

  return (
    <section>
      <h1>{t("kiosk.qrTitle")}</h1>
      <p className="lg-kiosk-hint">{t("kiosk.qrHint")}</p>
      {expired ? (
        <p className="lg-kiosk-error" role="alert">
          {t("kiosk.qrExpired")}
        </p>
      ) : (
        image && <img className="lg-kiosk-qr" src={image} alt={t("kiosk.qrImage")} data-testid="kiosk-qr" />
      )}
      {error && (
        <p className="lg-kiosk-error" role="alert">
          {error}
        </p>
      )}
      {(expired || error) && (
        <button type="button" className="lg-kiosk-button lg-kiosk-primary lg-kiosk-wide" onClick={onRenew}>
          {t("kiosk.qrRenew")}
        </button>
      )}
      <button type="button" className="lg-kiosk-button lg-kiosk-wide" onClick={onBack}>
        {t("kiosk.qrOrPhone")}
      </button>
    </section>
  );
}

export function SignIn({
  as: role,
  onSignedIn,
}: {
  as: "worker" | "employer";
  onSignedIn: (person: KioskPerson) => void;
}) {
  const { t } = useTranslation();
  const [phone, setPhone] = useState("");
  const [code, setCode] = useState("");
  const [step, setStep] = useState<"phone" | "code" | "qr">("phone");
  const [qrRound, setQrRound] = useState(0);
  const [demoCode, setDemoCode] = useState<string | null>(null);
  const [versions, setVersions] = useState<LegalVersions | null>(null);
  const [agreed, setAgreed] = useState(false);
  const [reading, setReading] = useState<LegalDocument | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void api<LegalVersions>("GET", "/api/legal/current", undefined, { signedOutIsAnswer: true }).then(
      setVersions,
    );
  }, []);
  useEffect(() => {
    if (step === "qr") return;
    speak(step === "phone" ? t("kiosk.phoneSpoken") : t("kiosk.codeSpoken", { phone: spell(phone) }));
  }, [step, phone, t]);

  const value = step === "phone" ? phone : code;
  const set = step === "phone" ? setPhone : setCode;
  const max = step === "phone" ? 11 : 6;

  const sendCode = async () => {
    setBusy(true);
    setError(null);
    try {
      // With the device token, so the code is for the account in the terminal's own city.
      const sent = await devicePost<CodeSent>("/api/auth/codes", { phone });
      setDemoCode(sent.demoCode ?? null);
      setStep("code");
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  const signIn = async () => {
    if (!versions) return;
    setBusy(true);
    setError(null);
    try {
      onSignedIn(
        await devicePost<KioskPerson>("/api/devices/self/sign-in", {
          phone,
          code,
          role,
          consent: { termsVersion: versions.termsVersion, privacyVersion: versions.privacyVersion },
        }),
      );
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  const read = async (kind: "terms" | "privacy") =>
    setReading(await api<LegalDocument>("GET", `/api/legal/${kind}`, undefined, { signedOutIsAnswer: true }));

  if (step === "qr")
    return (
      <QrSignIn
        key={qrRound}
        onSignedIn={onSignedIn}
        onBack={() => setStep("phone")}
        onRenew={() => setQrRound((n) => n + 1)}
      />
    );

  if (reading)
    return (
      <section>
        <h1>{reading.title}</h1>
        <div className="lg-kiosk-legal">
          {reading.body.split("\n\n").map((paragraph) => (
            <p key={paragraph.slice(0, 40)}>{paragraph.replace(/^## /, "")}</p>
          ))}
        </div>
        <button type="button" className="lg-kiosk-button lg-kiosk-primary" onClick={() => setReading(null)}>
          {t("kiosk.back")}
        </button>
      </section>
    );

  return (
    <section>
      <h1>{t(role === "worker" ? "kiosk.signInTitle" : "kiosk.employerSignInTitle")}</h1>
      <p className="lg-kiosk-hint" id="lg-kiosk-entry-label">
        {t(step === "phone" ? "kiosk.phoneHint" : "kiosk.codeHint", { phone })}
      </p>
      <output className="lg-kiosk-entry" aria-labelledby="lg-kiosk-entry-label" data-testid="kiosk-entry">
        {value || "\u00a0"}
      </output>
      {step === "code" && demoCode && (
        <p className="lg-kiosk-demo">{t("kiosk.demoCode", { code: demoCode })}</p>
      )}
      <Keypad
        onDigit={(d) => set((v) => (v.length < max ? v + d : v))}
        onBack={() => set((v) => v.slice(0, -1))}
        onClear={() => set("")}
      />
      {step === "code" && (
        <div className="lg-kiosk-consent">
          <label className="lg-kiosk-check">
            <input type="checkbox" checked={agreed} onChange={(e) => setAgreed(e.target.checked)} />
            {t("kiosk.consent")}
          </label>
          <div className="lg-kiosk-toolbar">
            <button type="button" className="lg-kiosk-button" onClick={() => void read("terms")}>
              {t("kiosk.readTerms")}
            </button>
            <button type="button" className="lg-kiosk-button" onClick={() => void read("privacy")}>
              {t("kiosk.readPrivacy")}
            </button>
          </div>
        </div>
      )}
      {error && (
        <p className="lg-kiosk-error" role="alert">
          {error}
        </p>
      )}
      {step === "phone" ? (
        <>
          <button
            type="button"
            className="lg-kiosk-button lg-kiosk-primary lg-kiosk-wide"
            disabled={busy || phone.length !== 11}
            onClick={() => void sendCode()}
          >
            {t("kiosk.sendCode")}
          </button>
          {role === "worker" && (
            <button type="button" className="lg-kiosk-button lg-kiosk-wide" onClick={() => setStep("qr")}>
              {t("kiosk.qrSignIn")}
            </button>
          )}
        </>
      ) : (
        <button
          type="button"
          className="lg-kiosk-button lg-kiosk-primary lg-kiosk-wide"
          disabled={busy || code.length !== 6 || !agreed || !versions}
          onClick={() => void signIn()}
        >
          {t("kiosk.signIn")}
        </button>
      )}
    </section>
  );
}

/** A worker who registered here: her name (the one typed field) and the work she wants. */
export function NameStep({ person, onDone }: { person: KioskPerson; onDone: () => void }) {
  const { t } = useTranslation();
  const reference = useReference();
  const [name, setName] = useState("");
  const [category, setCategory] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => speak(t("kiosk.nameSpoken")), [t]);
  const save = async () => {
    try {
      await devicePost(
        "/api/devices/self/worker-profile",
        { name: name.trim(), categoryCodes: category ? [category] : [] },
        { [PERSON_HEADER]: person.personToken },
      );
      onDone();
    } catch (e) {
      setError(messageOf(e));
    }
  };
  const categories = (reference.data?.categories ?? []).slice(0, 8);
  return (
    <section>
      <h1>{t("kiosk.nameTitle")}</h1>
      <label className="lg-kiosk-field">
        {t("kiosk.name")}
        <input value={name} maxLength={30} onChange={(e) => setName(e.target.value)} autoComplete="off" />
      </label>
      <fieldset className="lg-kiosk-picker">
        <legend>{t("kiosk.wantWork")}</legend>
        {[null, ...categories.map((c) => c.code)].map((code) => (
          <button
            key={code ?? "any"}
            type="button"
            className="lg-kiosk-button lg-kiosk-chip"
            aria-pressed={category === code}
            onClick={() => setCategory(code)}
          >
            {code === null ? t("kiosk.queueAny") : categoryName(reference.data, code)}
          </button>
        ))}
      </fieldset>
      {error && (
        <p className="lg-kiosk-error" role="alert">
          {error}
        </p>
      )}
      <button
        type="button"
        className="lg-kiosk-button lg-kiosk-primary lg-kiosk-wide"
        disabled={!name.trim()}
        onClick={() => void save()}
      >
        {t("kiosk.register")}
      </button>
    </section>
  );
}

export type Paper = "80mm" | "a4";

/**
 * Prints the slip on the paper chosen: the stylesheet prints only the slip; A4 gets its own
 * page size and larger type (`html[data-paper]`), put back after the print dialog closes.
 */
export function printSlip(paper: Paper): void {
  const root = document.documentElement;
  root.dataset.paper = paper;
  const page = document.createElement("style");
  page.textContent =
    paper === "a4" ? "@page { size: A4; margin: 15mm; }" : "@page { size: 80mm auto; margin: 3mm; }";
  document.head.append(page);
  try {
    window.print();
  } finally {
    page.remove();
    delete root.dataset.paper;
  }
  void devicePost("/api/devices/self/uses", { kind: "slip_printed" }).catch(() => undefined);
}

/** A QR code of an address in this app (a gig's page), drawn for the slip; null until drawn. */
export function useSlipQr(path: string): string | null {
  const [qr, setQr] = useState<string | null>(null);
  useEffect(() => {
    const url = `${window.location.origin}${path}`;
    void QRCode.toDataURL(url, { margin: 1, width: 200, errorCorrectionLevel: "M" }).then(setQr);
  }, [path]);
  return qr;
}

/** Print on the thermal roll (the main button) or on A4. */
export function PrintButtons({ label }: { label: string }) {
  const { t } = useTranslation();
  return (
    <div className="lg-kiosk-toolbar">
      <button type="button" className="lg-kiosk-button lg-kiosk-primary" onClick={() => printSlip("80mm")}>
        {label}
      </button>
      <button type="button" className="lg-kiosk-button" onClick={() => printSlip("a4")}>
        {t("kiosk.printA4")}
      </button>
    </div>
  );
}

export function AppliedSlip({ slip, device }: { slip: ApplicationSlip; device: DeviceSelf }) {
  const { t } = useTranslation();
  const qr = useSlipQr(`/worker/gigs/${slip.gigId}`);
  useEffect(
    () =>
      speak(
        t("kiosk.appliedSpoken", {
          title: slip.title,
          time: timeRange(slip.startsAt, slip.endsAt),
          address: slip.address,
        }),
      ),
    [slip, t],
  );
  return (
    <section>
      <h1>{t("kiosk.appliedTitle")}</h1>
      <article className="lg-kiosk-slip" data-testid="application-slip">
        <h2>{t("kiosk.slipTitle", { station: slip.stationName || device.station.name })}</h2>
        <p className="lg-kiosk-slip-gig">{slip.title}</p>
        <p>{t("kiosk.slipWhen", { time: timeRange(slip.startsAt, slip.endsAt) })}</p>
        <p>{t("kiosk.slipWhere", { address: slip.address })}</p>
        <p>{t("kiosk.slipPay", { pay: payLabel(slip.payFen, slip.payUnit) })}</p>
        <p>{t("kiosk.slipEmployer", { name: slip.employerName, phone: slip.employerPhone ?? "—" })}</p>
        {qr && <img className="lg-kiosk-slip-qr" src={qr} alt={t("kiosk.slipQr")} />}
        {slip.stationPhone && <p>{t("kiosk.slipPhone", { phone: slip.stationPhone })}</p>}
        <p>{t("kiosk.slipApplied", { time: dateTime(slip.appliedAt) })}</p>
        <p className="lg-kiosk-slip-note">{t("kiosk.slipNote")}</p>
      </article>
      <PrintButtons label={t("kiosk.printSlip")} />
    </section>
  );
}
