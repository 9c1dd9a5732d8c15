/**
 * The self-service terminal (自助服务终端) at /kiosk, for people who read slowly, see poorly and
 * have never used an app: big type, targets of 64 px and more, choices instead of typing, every
 * screen read aloud (朗读) with text composed for the ear. Screens are state, not addresses, so
 * nothing piles up in the history; after 60 s untouched a countdown clears everything.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { deviceGet, devicePost, deviceToken, forgetDevice } from "../devices/device.ts";
import { Enrol } from "../devices/Enrol.tsx";
import { ApiError } from "../shared/api.ts";
import type {
  ApplicationSlip,
  DeviceSelf,
  GigPostedSlip,
  KioskGigs,
  KioskPerson,
  QueueSlip,
  Reference,
} from "../shared/api-types.ts";
import { clock, dateTime, payLabel, timeRange } from "../shared/format.ts";
import { categoryName, readReferenceWith, useReference } from "../shared/reference.ts";
import { EmployerStep, PostedSlip, PostGig } from "./Employer.tsx";
import { AppliedSlip, NameStep, PERSON_HEADER, SignIn } from "./Person.tsx";
import { speak, stopSpeaking } from "./speech.ts";
import { useIdle } from "./useIdle.ts";
import "./kiosk.locales.ts";
import "./kiosk.css";

type Screen =
  | { name: "start" }
  | { name: "gigs"; day: "today" | "tomorrow" }
  | { name: "queue" }
  | { name: "signIn"; gigId: string | null }
  | { name: "profile"; gigId: string | null }
  | { name: "applied"; slip: ApplicationSlip }
  | { name: "employerSignIn" }
  | { name: "employerProfile" }
  | { name: "post" }
  | { name: "posted"; slip: GigPostedSlip };
/** The picker shows the most asked-for kinds of work; the rest at the counter. */
const PICKER_CATEGORIES = 8;

// The terminal's city is its station's: the reference it shows is asked for with its token.
readReferenceWith(() => deviceGet<Reference>("/api/reference"));

export default function KioskApp() {
  const [enrolled, setEnrolled] = useState(() => deviceToken() !== null);
  const [device, setDevice] = useState<DeviceSelf | null>(null);
  const { t } = useTranslation();
  useEffect(() => {
    document.title = t("kiosk.welcome");
  }, [t]);
  useEffect(() => {
    if (!enrolled) return;
    deviceGet<DeviceSelf>("/api/devices/self")
      .then(setDevice)
      .catch((error: unknown) => {
        if (error instanceof ApiError && error.status === 401) {
          forgetDevice();
          setEnrolled(false);
        }
      });
  }, [enrolled]);
  if (!enrolled) return <Enrol kind="terminal" onEnrolled={() => setEnrolled(true)} />;
  if (!device) return <main className="lg-kiosk" aria-busy="true" />;
  return <Terminal device={device} />;
}

/** Leaves nothing of the last person: storage (but the device token), history, speech. */
function clearTraces(): void {
  const token = deviceToken();
  sessionStorage.clear();
  localStorage.clear();
  if (token) localStorage.setItem("linggong.device-token", token);
  window.history.replaceState(null, "", "/kiosk");
  stopSpeaking();
}

function Terminal({ device }: { device: DeviceSelf }) {
  const { t, i18n } = useTranslation();
  const [screen, setScreen] = useState<Screen>({ name: "start" });
  const [session, setSession] = useState(0);
  // The person's session token: in memory only, ended with the visit.
  const [person, setPerson] = useState<KioskPerson | null>(null);
  const personRef = useRef<KioskPerson | null>(null);
  personRef.current = person;
  const [error, setError] = useState<string | null>(null);
  const reset = useCallback(() => {
    const leaving = personRef.current;
    if (leaving)
      void devicePost("/api/devices/self/sign-out", {}, { [PERSON_HEADER]: leaving.personToken }).catch(
        () => undefined,
      );
    setPerson(null);
    setError(null);
    clearTraces();
    void i18n.changeLanguage("zh-CN");
    setScreen({ name: "start" });
    setSession((s) => s + 1);
  }, [i18n]);
  const idle = useIdle(screen.name !== "start", reset);
  useEffect(() => {
    if (idle.left !== null && idle.left >= 9) speak(t("kiosk.idleSpoken"));
  }, [idle.left, t]);

  const applyTo = async (gigId: string, who: KioskPerson | null = person) => {
    if (!who) return setScreen({ name: "signIn", gigId });
    if (!who.hasWorkerProfile) return setScreen({ name: "profile", gigId });
    setError(null);
    try {
      const slip = await devicePost<ApplicationSlip>(
        "/api/devices/self/applications",
        { gigId },
        { [PERSON_HEADER]: who.personToken },
      );
      setScreen({ name: "applied", slip });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setScreen({ name: "gigs", day: "today" });
    }
  };
  const signedIn = (who: KioskPerson, gigId: string | null) => {
    setPerson(who);
    if (!who.hasWorkerProfile) return setScreen({ name: "profile", gigId });
    if (gigId) return void applyTo(gigId, who);
    setScreen({ name: "gigs", day: "today" });
  };
  const registered = (gigId: string | null) => {
    if (!person) return;
    const who = { ...person, hasWorkerProfile: true };
    setPerson(who);
    if (gigId) return void applyTo(gigId, who);
    setScreen({ name: "gigs", day: "today" });
  };

  const employerSignedIn = (who: KioskPerson) => {
    setPerson(who);
    setScreen(who.hasEmployerProfile ? { name: "post" } : { name: "employerProfile" });
  };

  const begin = (next: Screen) => {
    void devicePost("/api/devices/self/uses", { kind: "session" }).catch(() => undefined);
    setScreen(next);
  };

  return (
    <main className="lg-kiosk" key={session}>
      <header className="lg-kiosk-header">
        <span className="lg-kiosk-station">{device.station.name}</span>
        {screen.name !== "start" && (
          <button type="button" className="lg-kiosk-button lg-kiosk-home" onClick={reset}>
            {t("kiosk.home")}
          </button>
        )}
      </header>
      {screen.name === "start" && <Start device={device} onChoose={begin} />}
      {error && (
        <p className="lg-kiosk-error" role="alert">
          {error}
        </p>
      )}
      {screen.name === "gigs" && (
        <Gigs
          day={screen.day}
          onDay={(day) => setScreen({ name: "gigs", day })}
          onApply={(gigId) => void applyTo(gigId)}
        />
      )}
      {screen.name === "queue" && <Queue device={device} />}
      {screen.name === "signIn" && <SignIn as="worker" onSignedIn={(who) => signedIn(who, screen.gigId)} />}
      {screen.name === "profile" && person && (
        <NameStep person={person} onDone={() => registered(screen.gigId)} />
      )}
      {screen.name === "applied" && <AppliedSlip slip={screen.slip} device={device} />}
      {screen.name === "employerSignIn" && <SignIn as="employer" onSignedIn={employerSignedIn} />}
      {screen.name === "employerProfile" && person && (
        <EmployerStep person={person} onDone={() => setScreen({ name: "post" })} />
      )}
      {screen.name === "post" && person && (
        <PostGig person={person} device={device} onPosted={(slip) => setScreen({ name: "posted", slip })} />
      )}
      {screen.name === "posted" && <PostedSlip slip={screen.slip} device={device} />}
      {idle.left !== null && (
        <div
          className="lg-kiosk-idle"
          role="alertdialog"
          aria-modal="true"
          aria-labelledby="lg-kiosk-idle-title"
        >
          <h2 id="lg-kiosk-idle-title">{t("kiosk.idleTitle")}</h2>
          <p data-testid="idle-countdown">{t("kiosk.idleCountdown", { seconds: idle.left })}</p>
          <button type="button" className="lg-kiosk-button lg-kiosk-primary" onClick={idle.stay}>
            {t("kiosk.idleStay")}
          </button>
        </div>
      )}
    </main>
  );
}

/** Reads `text` when the screen opens and again at each press of 朗读. */
function ReadAloud({ text }: { text: string }) {
  const { t } = useTranslation();
  useEffect(() => {
    if (text) speak(text);
  }, [text]);
  return (
    <button type="button" className="lg-kiosk-button lg-kiosk-read" onClick={() => speak(text)}>
      {t("kiosk.readAloud")}
    </button>
  );
}

function Start({ device, onChoose }: { device: DeviceSelf; onChoose: (screen: Screen) => void }) {
  const { t } = useTranslation();
  return (
    <section className="lg-kiosk-start">
      <h1>{t("kiosk.welcome")}</h1>
      <ReadAloud text={t("kiosk.welcomeSpoken", { station: device.station.name })} />
      <div className="lg-kiosk-choices">
        <button
          type="button"
          className="lg-kiosk-button lg-kiosk-primary"
          onClick={() => onChoose({ name: "gigs", day: "today" })}
        >
          {t("kiosk.today")}
        </button>
        <button
          type="button"
          className="lg-kiosk-button lg-kiosk-primary"
          onClick={() => onChoose({ name: "gigs", day: "tomorrow" })}
        >
          {t("kiosk.tomorrow")}
        </button>
        <button
          type="button"
          className="lg-kiosk-button"
          onClick={() => onChoose({ name: "signIn", gigId: null })}
        >
          {t("kiosk.signInChoice")}
        </button>
        <button type="button" className="lg-kiosk-button" onClick={() => onChoose({ name: "queue" })}>
          {t("kiosk.queue")}
        </button>
        <button
          type="button"
          className="lg-kiosk-button"
          onClick={() => onChoose({ name: "employerSignIn" })}
        >
          {t("kiosk.hireChoice")}
        </button>
      </div>
    </section>
  );
}

function CategoryPicker({
  value,
  onChange,
  anyLabel,
}: {
  value: string | null;
  onChange: (code: string | null) => void;
  anyLabel: string;
}) {
  const { t } = useTranslation();
  const reference = useReference();
  const categories = (reference.data?.categories ?? []).slice(0, PICKER_CATEGORIES);
  return (
    <fieldset className="lg-kiosk-picker">
      <legend>{t("kiosk.category")}</legend>
      {[null, ...categories.map((c) => c.code)].map((code) => (
        <button
          key={code ?? "any"}
          type="button"
          className="lg-kiosk-button lg-kiosk-chip"
          aria-pressed={value === code}
          onClick={() => onChange(code)}
        >
          {code === null ? anyLabel : categoryName(reference.data, code)}
        </button>
      ))}
    </fieldset>
  );
}

function Gigs({
  day,
  onDay,
  onApply,
}: {
  day: "today" | "tomorrow";
  onDay: (day: "today" | "tomorrow") => void;
  onApply: (gigId: string) => void;
}) {
  const { t } = useTranslation();
  const [category, setCategory] = useState<string | null>(null);
  const [gigs, setGigs] = useState<KioskGigs | null>(null);
  useEffect(() => {
    setGigs(null);
    const query = `?day=${day}${category ? `&category=${encodeURIComponent(category)}` : ""}`;
    void deviceGet<KioskGigs>(`/api/devices/self/gigs${query}`)
      .then(setGigs)
      .catch(() => setGigs({ day: "", items: [] }));
  }, [day, category]);
  const dayWord = t(day === "today" ? "kiosk.today" : "kiosk.tomorrow");
  const spoken = gigs
    ? [
        t("kiosk.gigsSpoken", { day: day === "today" ? "今天" : "明天", count: gigs.items.length }),
        ...gigs.items.slice(0, 3).map((gig) =>
          t("kiosk.gigSpoken", {
            title: gig.title,
            pay: payLabel(gig.payFen, gig.payUnit),
            time: `${clock(gig.startsAt)}到${clock(gig.endsAt)}`,
            address: gig.address,
            places: gig.openPlaces,
          }),
        ),
      ].join("")
    : "";
  return (
    <section>
      <h1>{dayWord}</h1>
      <div className="lg-kiosk-toolbar">
        <ReadAloud text={spoken} />
        <fieldset className="lg-kiosk-days" aria-label={dayWord}>
          {(["today", "tomorrow"] as const).map((d) => (
            <button
              key={d}
              type="button"
              className="lg-kiosk-button lg-kiosk-chip"
              aria-pressed={d === day}
              onClick={() => onDay(d)}
            >
              {t(d === "today" ? "kiosk.today" : "kiosk.tomorrow")}
            </button>
          ))}
        </fieldset>
      </div>
      <CategoryPicker value={category} onChange={setCategory} anyLabel={t("kiosk.all")} />
      {gigs && gigs.items.length === 0 && <p className="lg-kiosk-none">{t("kiosk.none")}</p>}
      <ul className="lg-kiosk-gigs">
        {gigs?.items.map((gig) => (
          <li key={gig.id} className="lg-kiosk-gig" data-testid="kiosk-gig">
            <h2>{gig.title}</h2>
            <p className="lg-kiosk-pay">{payLabel(gig.payFen, gig.payUnit)}</p>
            <p>{timeRange(gig.startsAt, gig.endsAt)}</p>
            <p>{gig.address}</p>
            <p className="lg-kiosk-places">{t("kiosk.placesLeft", { count: gig.openPlaces })}</p>
            <button
              type="button"
              className="lg-kiosk-button lg-kiosk-primary"
              aria-label={t("kiosk.applyTo", { title: gig.title })}
              onClick={() => onApply(gig.id)}
            >
              {t("kiosk.apply")}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Queue({ device }: { device: DeviceSelf }) {
  const { t } = useTranslation();
  const reference = useReference();
  const [category, setCategory] = useState<string | null>(null);
  const [slip, setSlip] = useState<QueueSlip | null>(null);
  const [busy, setBusy] = useState(false);

  const print = () => {
    window.print();
    void devicePost("/api/devices/self/uses", { kind: "slip_printed" }).catch(() => undefined);
  };
  const take = async () => {
    setBusy(true);
    try {
      const taken = await devicePost<QueueSlip>(
        "/api/devices/self/queue-slips",
        category ? { categoryCode: category } : {},
      );
      setSlip(taken);
      // The slip is on screen before the print dialog opens over it.
      setTimeout(print, 300);
    } finally {
      setBusy(false);
    }
  };

  if (slip)
    return (
      <section>
        <ReadAloud text={t("kiosk.queueSpoken", { number: slip.number })} />
        <article className="lg-kiosk-slip" data-testid="queue-slip">
          <h1>{t("kiosk.slipStation", { station: device.station.name })}</h1>
          <p className="lg-kiosk-slip-label">{t("kiosk.queueNumber")}</p>
          <p className="lg-kiosk-slip-number">{slip.number}</p>
          {slip.categoryCode && (
            <p>{t("kiosk.slipWant", { category: categoryName(reference.data, slip.categoryCode) })}</p>
          )}
          <p>{t("kiosk.slipTime", { time: dateTime(slip.createdAt) })}</p>
          {device.station.phone && <p>{t("kiosk.slipPhone", { phone: device.station.phone })}</p>}
        </article>
        <button type="button" className="lg-kiosk-button" onClick={print}>
          {t("kiosk.printAgain")}
        </button>
      </section>
    );
  return (
    <section>
      <h1>{t("kiosk.queueTitle")}</h1>
      <ReadAloud text={t("kiosk.queueHint")} />
      <p className="lg-kiosk-hint">{t("kiosk.queueHint")}</p>
      <CategoryPicker value={category} onChange={setCategory} anyLabel={t("kiosk.queueAny")} />
      <button
        type="button"
        className="lg-kiosk-button lg-kiosk-primary"
        disabled={busy}
        onClick={() => void take()}
      >
        {t("kiosk.printQueue")}
      </button>
    </section>
  );
}
