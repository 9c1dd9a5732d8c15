/**
 * An employer without a computer posts a gig at the terminal (招工): says who is hiring the first
 * time (a person or household, or a business with its credit code), then chooses the work, the day,
 * the hours, how many people and the pay with big buttons; the one typed field is the street and
 * number. She checks what will be posted, hears it read, posts it and prints the posting slip
 * (发布回执) with the check-in code she shows on site. The server posts it as the portal would.
 */
import { type ReactNode, useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { deviceGet, devicePost } from "../devices/device.ts";
import type { DeviceSelf, GigPostedSlip, KioskGigBody, KioskPerson, Township } from "../shared/api-types.ts";
import { dateTime, dayDate, payLabel, timeRange, yuan } from "../shared/format.ts";
import { categoryName, useReference } from "../shared/reference.ts";
import { messageOf, PERSON_HEADER, PrintButtons, spell, useSlipQr } from "./Person.tsx";
import { speak } from "./speech.ts";

/** The kinds of work shown first; the rest behind 更多工种. */
const FIRST_CATEGORIES = 12;
const DAYS = 7;

/** Who is hiring, asked once: the name workers see, and a business's 统一社会信用代码. */
export function EmployerStep({ person, onDone }: { person: KioskPerson; onDone: () => void }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<"individual" | "enterprise">("individual");
  const [name, setName] = useState("");
  const [creditCode, setCreditCode] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => speak(t("kiosk.employerSpoken")), [t]);
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      await devicePost(
        "/api/devices/self/employer-profile",
        {
          kind,
          name: name.trim(),
          ...(kind === "enterprise" ? { creditCode: creditCode.trim().toUpperCase() } : {}),
        },
        { [PERSON_HEADER]: person.personToken },
      );
      onDone();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  const ready = name.trim().length > 0 && (kind === "individual" || creditCode.trim().length === 18);
  return (
    <section>
      <h1>{t("kiosk.employerTitle")}</h1>
      <fieldset className="lg-kiosk-picker">
        <legend>{t("kiosk.employerKind")}</legend>
        {(["individual", "enterprise"] as const).map((k) => (
          <button
            key={k}
            type="button"
            className="lg-kiosk-button lg-kiosk-chip"
            aria-pressed={kind === k}
            onClick={() => setKind(k)}
          >
            {t(k === "individual" ? "kiosk.employerIndividual" : "kiosk.employerEnterprise")}
          </button>
        ))}
      </fieldset>
      <label className="lg-kiosk-field">
        {t(kind === "individual" ? "kiosk.employerNamePerson" : "kiosk.employerNameBusiness")}
        <input value={name} maxLength={60} onChange={(e) => setName(e.target.value)} autoComplete="off" />
      </label>
      {kind === "enterprise" && (
        <label className="lg-kiosk-field">
          {t("kiosk.creditCode")}
          <input
            value={creditCode}
            maxLength={18}
            onChange={(e) => setCreditCode(e.target.value)}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
          />
        </label>
      )}
      {error && (
        <p className="lg-kiosk-error" role="alert">
          {error}
        </p>
      )}
      <button
        type="button"
        className="lg-kiosk-button lg-kiosk-primary lg-kiosk-wide"
        disabled={!ready || busy}
        onClick={() => void save()}
      >
        {t("kiosk.employerSave")}
      </button>
    </section>
  );
}

/** − value + with big buttons: numbers without a keyboard. */
function Stepper({
  label,
  shown,
  onStep,
  min,
  max,
  value,
}: {
  label: string;
  shown: string;
  onStep: (next: number) => void;
  min: number;
  max: number;
  value: number;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="lg-kiosk-stepper">
      <legend>{label}</legend>
      <button
        type="button"
        className="lg-kiosk-button lg-kiosk-key"
        aria-label={t("kiosk.less", { what: label })}
        disabled={value <= min}
        onClick={() => onStep(value - 1)}
      >
        −
      </button>
      <output aria-live="polite">{shown}</output>
      <button
        type="button"
        className="lg-kiosk-button lg-kiosk-key"
        aria-label={t("kiosk.more", { what: label })}
        disabled={value >= max}
        onClick={() => onStep(value + 1)}
      >
        +
      </button>
    </fieldset>
  );
}

function Chips<T extends string | number>({
  legend,
  options,
  value,
  onChange,
  label,
  extra,
}: {
  legend: string;
  options: readonly T[];
  value: T | null;
  onChange: (value: T) => void;
  label: (value: T) => string;
  extra?: ReactNode;
}) {
  return (
    <fieldset className="lg-kiosk-picker">
      <legend>{legend}</legend>
      {options.map((option) => (
        <button
          key={option}
          type="button"
          className="lg-kiosk-button lg-kiosk-chip"
          aria-pressed={value === option}
          onClick={() => onChange(option)}
        >
          {label(option)}
        </button>
      ))}
      {extra}
    </fieldset>
  );
}

/** 0 今天, 1 明天, 2 后天, then "12月9日 周三". */
function dayLabel(offset: number, words: (key: string) => string): string {
  if (offset <= 2) return words(["kiosk.dayToday", "kiosk.dayTomorrow", "kiosk.dayAfter"][offset]);
  return dayDate(new Date(Date.now() + offset * 86_400_000).toISOString());
}

const hourText = (hour: number) => `${String(hour % 24).padStart(2, "0")}:00`;

/** Pay steps: ten yuan a day, one yuan an hour. */
const PAY_STEP_FEN = { day: 1_000, hour: 100 } as const;

export function PostGig({
  person,
  device,
  onPosted,
}: {
  person: KioskPerson;
  device: DeviceSelf;
  onPosted: (slip: GigPostedSlip) => void;
}) {
  const { t } = useTranslation();
  const reference = useReference();
  const categories = reference.data?.categories ?? [];
  const [allCategories, setAllCategories] = useState(false);
  const [categoryCode, setCategoryCode] = useState<string | null>(null);
  const [dayOffset, setDayOffset] = useState(1);
  const [startHour, setStartHour] = useState(8);
  const [hours, setHours] = useState(8);
  const [headcount, setHeadcount] = useState(1);
  const [payUnit, setPayUnit] = useState<"day" | "hour">("day");
  const [paySteps, setPaySteps] = useState(0);
  const [settlement, setSettlement] = useState<"same_day" | "on_completion">("same_day");
  const [townships, setTownships] = useState<Township[]>([]);
  const [townshipCode, setTownshipCode] = useState<string | null>(null);
  const [street, setStreet] = useState("");
  const [checking, setChecking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => speak(t("kiosk.postSpoken")), [t]);
  useEffect(() => {
    // With the device token: the station's district is found in the terminal's own city.
    void deviceGet<Township[]>(`/api/places/districts/${device.station.districtCode}/townships`)
      .then(setTownships)
      .catch(() => setTownships([]));
  }, [device.station.districtCode]);

  const category = categories.find((c) => c.code === categoryCode) ?? null;
  // The pay starts at the category's reference for the city, in whole tens of yuan a day.
  const referenceFen = category?.referenceDailyPayFen ?? 15_000;
  const baseFen =
    payUnit === "day"
      ? Math.round(referenceFen / PAY_STEP_FEN.day) * PAY_STEP_FEN.day
      : Math.max(PAY_STEP_FEN.hour, Math.round(referenceFen / 8 / PAY_STEP_FEN.hour) * PAY_STEP_FEN.hour);
  const payFen = baseFen + paySteps * PAY_STEP_FEN[payUnit];
  const shownCategories = allCategories ? categories : categories.slice(0, FIRST_CATEGORIES);

  const body: KioskGigBody | null = useMemo(
    () =>
      categoryCode && street.trim().length >= 2
        ? {
            categoryCode,
            dayOffset,
            startHour,
            hours,
            headcount,
            payFen,
            payUnit,
            settlement,
            street: street.trim(),
            ...(townshipCode ? { townshipCode } : {}),
          }
        : null,
    [categoryCode, dayOffset, startHour, hours, headcount, payFen, payUnit, settlement, street, townshipCode],
  );
  const townshipName = townships.find((w) => w.code === townshipCode)?.name ?? "";
  const summary = body
    ? t("kiosk.postSummary", {
        category: categoryName(reference.data, body.categoryCode),
        day: dayLabel(dayOffset, t),
        from: hourText(startHour),
        to: hourText(startHour + hours),
        count: headcount,
        pay: payLabel(payFen, payUnit),
        settlement: t(settlement === "same_day" ? "kiosk.sameDay" : "kiosk.onCompletion"),
        place: `${townshipName}${body.street}`,
      })
    : "";
  useEffect(() => {
    if (checking && summary) speak(`${summary}${t("kiosk.postCheckSpoken")}`);
  }, [checking, summary, t]);

  const post = async () => {
    if (!body) return;
    setBusy(true);
    setError(null);
    try {
      onPosted(
        await devicePost<GigPostedSlip>("/api/devices/self/gigs", body, {
          [PERSON_HEADER]: person.personToken,
        }),
      );
    } catch (e) {
      setError(messageOf(e));
      setChecking(false);
    } finally {
      setBusy(false);
    }
  };

  if (checking && body)
    return (
      <section>
        <h1>{t("kiosk.postCheckTitle")}</h1>
        <p className="lg-kiosk-summary" data-testid="post-summary">
          {summary}
        </p>
        <div className="lg-kiosk-toolbar">
          <button
            type="button"
            className="lg-kiosk-button lg-kiosk-primary"
            disabled={busy}
            onClick={() => void post()}
          >
            {t("kiosk.postConfirm")}
          </button>
          <button type="button" className="lg-kiosk-button" onClick={() => setChecking(false)}>
            {t("kiosk.postChange")}
          </button>
        </div>
      </section>
    );

  return (
    <section>
      <h1>{t("kiosk.postTitle")}</h1>
      {error && (
        <p className="lg-kiosk-error" role="alert">
          {error}
        </p>
      )}
      <Chips
        legend={t("kiosk.postCategory")}
        options={shownCategories.map((c) => c.code)}
        value={categoryCode}
        onChange={(code) => {
          setCategoryCode(code);
          setPaySteps(0);
        }}
        label={(code) => categoryName(reference.data, code)}
        extra={
          !allCategories &&
          categories.length > FIRST_CATEGORIES && (
            <button
              type="button"
              className="lg-kiosk-button lg-kiosk-chip"
              onClick={() => setAllCategories(true)}
            >
              {t("kiosk.moreCategories")}
            </button>
          )
        }
      />
      <Chips
        legend={t("kiosk.postDay")}
        options={Array.from({ length: DAYS }, (_, i) => i)}
        value={dayOffset}
        onChange={setDayOffset}
        label={(offset) => dayLabel(offset, t)}
      />
      <div className="lg-kiosk-steppers">
        <Stepper
          label={t("kiosk.postStart")}
          value={startHour}
          min={0}
          max={23}
          shown={hourText(startHour)}
          onStep={setStartHour}
        />
        <Stepper
          label={t("kiosk.postHours")}
          value={hours}
          min={1}
          max={12}
          shown={t("kiosk.hoursShown", { count: hours })}
          onStep={setHours}
        />
        <Stepper
          label={t("kiosk.postHeadcount")}
          value={headcount}
          min={1}
          max={50}
          shown={t("kiosk.peopleShown", { count: headcount })}
          onStep={setHeadcount}
        />
      </div>
      <Chips
        legend={t("kiosk.postPayUnit")}
        options={["day", "hour"] as const}
        value={payUnit}
        onChange={(unit) => {
          setPayUnit(unit);
          setPaySteps(0);
        }}
        label={(unit) => t(unit === "day" ? "kiosk.perDay" : "kiosk.perHour")}
      />
      <div className="lg-kiosk-steppers">
        <Stepper
          label={t("kiosk.postPay")}
          value={paySteps}
          min={-Math.floor((baseFen - PAY_STEP_FEN[payUnit]) / PAY_STEP_FEN[payUnit])}
          max={200}
          shown={yuan(payFen)}
          onStep={setPaySteps}
        />
      </div>
      <Chips
        legend={t("kiosk.postSettlement")}
        options={["same_day", "on_completion"] as const}
        value={settlement}
        onChange={setSettlement}
        label={(s) => t(s === "same_day" ? "kiosk.sameDay" : "kiosk.onCompletion")}
      />
      {townships.length > 0 && (
        <Chips
          legend={t("kiosk.postTownship")}
          options={townships.map((w) => w.code)}
          value={townshipCode}
          onChange={setTownshipCode}
          label={(code) => townships.find((w) => w.code === code)?.name ?? code}
        />
      )}
      <label className="lg-kiosk-field">
        {t("kiosk.postStreet")}
        <input
          value={street}
          maxLength={100}
          onChange={(e) => setStreet(e.target.value)}
          autoComplete="off"
        />
      </label>
      <button
        type="button"
        className="lg-kiosk-button lg-kiosk-primary lg-kiosk-wide"
        disabled={!body}
        onClick={() => setChecking(true)}
      >
        {t("kiosk.postNext")}
      </button>
    </section>
  );
}

/** The posting slip (发布回执): her gig, the check-in code she shows on site, whom to call. */
export function PostedSlip({ slip, device }: { slip: GigPostedSlip; device: DeviceSelf }) {
  const { t } = useTranslation();
  const qr = useSlipQr(`/employer/gigs/${slip.gigId}`);
  useEffect(
    () =>
      speak(
        t("kiosk.postedSpoken", {
          title: slip.title,
          time: timeRange(slip.startsAt, slip.endsAt),
          code: spell(slip.checkInCode),
        }),
      ),
    [slip, t],
  );
  return (
    <section>
      <h1>{t("kiosk.postedTitle")}</h1>
      <article className="lg-kiosk-slip" data-testid="posted-slip">
        <h2>{t("kiosk.postedSlipTitle", { station: slip.stationName || device.station.name })}</h2>
        <p className="lg-kiosk-slip-gig">{slip.title}</p>
        <p>{t("kiosk.slipWhen", { time: timeRange(slip.startsAt, slip.endsAt) })}</p>
        <p>{t("kiosk.slipWhere", { address: slip.address })}</p>
        <p>{t("kiosk.slipPay", { pay: payLabel(slip.payFen, slip.payUnit) })}</p>
        <p>{t("kiosk.slipHeadcount", { count: slip.headcount })}</p>
        <p className="lg-kiosk-slip-label">{t("kiosk.checkInCode")}</p>
        <p className="lg-kiosk-slip-number" data-testid="check-in-code">
          {slip.checkInCode}
        </p>
        <p className="lg-kiosk-slip-note">{t("kiosk.checkInCodeNote")}</p>
        {slip.precision !== "address" && <p className="lg-kiosk-slip-note">{t("kiosk.pinRough")}</p>}
        {slip.verification !== "verified" && <p className="lg-kiosk-slip-note">{t("kiosk.notVerified")}</p>}
        {qr && <img className="lg-kiosk-slip-qr" src={qr} alt={t("kiosk.postedQr")} />}
        {slip.stationPhone && <p>{t("kiosk.slipPhone", { phone: slip.stationPhone })}</p>}
        <p>{t("kiosk.postedAt", { time: dateTime(slip.postedAt) })}</p>
      </article>
      <PrintButtons label={t("kiosk.printPosted")} />
    </section>
  );
}
