/**
 * The worker's profile: what work, where, when, for how much. First-timers land here after sign-in;
 * everyone can come back from 我的. Choices are big tappable chips, not typing.
 */
import { ConfigProvider as AntdTheme } from "antd";
import { Button, Input, Selector, TextArea } from "antd-mobile";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation, useNavigate } from "react-router-dom";
import { type ApiError, get, put } from "../../shared/api.ts";
import type { Availability, WorkerProfile } from "../../shared/api-types.ts";
import { PageLoading } from "../../shared/PageLoading.tsx";
import { AddressFields, type PlaceValue } from "../../shared/places/AddressFields.tsx";
import { useReference } from "../../shared/reference.ts";
import { nextPath, useSession } from "../../shared/session.tsx";
import { useAction } from "../../shared/useResource.ts";
import { Field } from "../Field.tsx";
import { ErrorLine, PageHeader } from "../parts.tsx";

/** Shifts people ask for at the counter, instead of two hour pickers. */
const HOUR_RANGES = {
  day: { fromHour: 8, toHour: 18 },
  morning: { fromHour: 6, toHour: 12 },
  afternoon: { fromHour: 12, toHour: 18 },
  evening: { fromHour: 18, toHour: 23 },
  any: { fromHour: 0, toHour: 24 },
} as const;
type HourRange = keyof typeof HOUR_RANGES;
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 0];

function rangeOf(availability: Availability | null): HourRange {
  const match = Object.entries(HOUR_RANGES).find(
    ([, range]) => range.fromHour === availability?.fromHour && range.toHour === availability?.toHour,
  );
  return (match?.[0] as HourRange | undefined) ?? "day";
}

async function loadProfile(): Promise<WorkerProfile | null> {
  try {
    return await get<WorkerProfile>("/api/workers/me/profile");
  } catch (error) {
    if ((error as ApiError).status === 404) return null;
    throw error;
  }
}

/** The home area as the address form holds it; a pin saved before addresses has no district. */
function homeOf(profile: WorkerProfile): PlaceValue {
  return {
    districtCode: profile.homeDistrictCode ?? undefined,
    townshipCode: profile.homeTownshipCode ?? undefined,
    street: profile.homeStreet ?? undefined,
    lat: profile.homeLat ?? undefined,
    lng: profile.homeLng ?? undefined,
  };
}

export default function ProfileForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const first = new URLSearchParams(location.search).has("first");
  const reference = useReference();
  const { refresh } = useSession();
  const [loaded, setLoaded] = useState(false);
  const [name, setName] = useState("");
  const [categories, setCategories] = useState<string[]>([]);
  const [districts, setDistricts] = useState<string[]>([]);
  const [weekdays, setWeekdays] = useState<number[]>([1, 2, 3, 4, 5, 6, 0]);
  const [hours, setHours] = useState<HourRange>("day");
  const [pay, setPay] = useState("");
  const [years, setYears] = useState("0");
  const [intro, setIntro] = useState("");
  const [home, setHome] = useState<PlaceValue>({});
  const save = useAction((body: unknown) => put("/api/workers/me/profile", body));

  useEffect(() => {
    void loadProfile()
      .then((profile) => {
        if (profile) {
          setName(profile.name);
          setCategories(profile.categoryCodes);
          setDistricts(profile.districtCodes);
          if (profile.availability) setWeekdays(profile.availability.weekdays);
          setHours(rangeOf(profile.availability));
          setPay(profile.expectedDailyPayFen ? String(profile.expectedDailyPayFen / 100) : "");
          setYears(String(profile.experienceYears));
          setIntro(profile.intro);
          setHome(homeOf(profile));
        }
      })
      .catch((error: Error) => save.setError(error.message))
      .finally(() => setLoaded(true));
  }, [save.setError]);

  if (!loaded || !reference.data) return <PageLoading />;
  const missing = !name.trim()
    ? "name"
    : categories.length === 0
      ? "categories"
      : districts.length === 0
        ? "districts"
        : null;

  async function submit() {
    const body = {
      name: name.trim(),
      categoryCodes: categories,
      districtCodes: districts,
      availability: { weekdays, ...HOUR_RANGES[hours] },
      expectedDailyPayFen: pay ? Math.round(Number(pay) * 100) : null,
      experienceYears: Number(years) || 0,
      intro: intro.trim(),
      homeDistrictCode: home.districtCode ?? null,
      homeTownshipCode: home.townshipCode ?? null,
      homeStreet: home.street?.trim() || null,
      homeLat: home.lat ?? null,
      homeLng: home.lng ?? null,
    };
    if (!(await save.run(body))) return;
    await refresh();
    navigate(nextPath(location.search, "/worker", first ? "/worker" : "/worker/me"), { replace: true });
  }

  const zh = t("language.code") === "zh-CN";
  return (
    <div className="lg-worker">
      <PageHeader title={first ? t("profile.firstTitle") : t("profile.title")} back={!first} />
      {first && <p className="lg-notice">{t("profile.firstHint")}</p>}
      <form
        className="lg-worker-section"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Field label={t("profile.name")}>
          {(id) => (
            <Input
              id={id}
              value={name}
              onChange={setName}
              maxLength={20}
              placeholder={t("profile.namePlaceholder")}
            />
          )}
        </Field>
        <fieldset className="lg-fieldset">
          <legend>{t("profile.categories")}</legend>
          <Selector
            multiple
            columns={3}
            value={categories}
            onChange={setCategories}
            options={reference.data.categories.map((c) => ({
              label: zh ? c.nameZh : c.nameEn,
              value: c.code,
            }))}
          />
        </fieldset>
        <fieldset className="lg-fieldset">
          <legend>{t("profile.districts")}</legend>
          <Selector
            multiple
            columns={3}
            value={districts}
            onChange={setDistricts}
            options={reference.data.divisions.map((d) => ({ label: d.name, value: d.code }))}
          />
        </fieldset>
        <fieldset className="lg-fieldset">
          <legend>{t("profile.weekdays")}</legend>
          <Selector
            multiple
            columns={4}
            value={weekdays}
            onChange={setWeekdays}
            options={WEEKDAYS.map((day) => ({ label: t(`weekday.${day}`), value: day }))}
          />
        </fieldset>
        <fieldset className="lg-fieldset">
          <legend>{t("profile.hours")}</legend>
          <Selector
            columns={2}
            value={[hours]}
            onChange={(value) => value[0] && setHours(value[0])}
            options={(Object.keys(HOUR_RANGES) as HourRange[]).map((key) => ({
              label: t(`profile.hourRange.${key}`),
              value: key,
            }))}
          />
        </fieldset>
        <Field label={t("profile.pay")}>
          {(id) => (
            <Input
              id={id}
              type="number"
              inputMode="numeric"
              min={0}
              value={pay}
              onChange={setPay}
              placeholder={t("profile.payPlaceholder")}
            />
          )}
        </Field>
        <Field label={t("profile.years")}>
          {(id) => (
            <Input
              id={id}
              type="number"
              inputMode="numeric"
              min={0}
              max={60}
              value={years}
              onChange={setYears}
            />
          )}
        </Field>
        <fieldset className="lg-fieldset">
          <legend>{t("profile.home")}</legend>
          <p className="lg-gig-line">{t("profile.homeHint")}</p>
          {/* The address form is antd's (shared with the staff apps): made as tall as the worker
              app's own controls (44 px to tap) and its blue darkened for contrast. */}
          <AntdTheme theme={{ token: { colorPrimary: "#0958d9", controlHeight: 44, fontSize: 16 } }}>
            <AddressFields value={home} onChange={setHome} />
          </AntdTheme>
          <p className="lg-gig-line" aria-live="polite">
            {home.lat !== undefined ? t("profile.homeSet") : t("profile.homeUnset")}
          </p>
        </fieldset>
        <Field label={t("profile.intro")}>
          {(id) => (
            <TextArea
              id={id}
              value={intro}
              onChange={setIntro}
              maxLength={200}
              rows={3}
              placeholder={t("profile.introPlaceholder")}
            />
          )}
        </Field>
        {missing && <p className="lg-gig-line">{t(`profile.missing.${missing}`)}</p>}
        <ErrorLine message={save.error} />
        <Button
          block
          size="large"
          color="primary"
          type="submit"
          disabled={missing !== null}
          loading={save.busy}
        >
          {first ? t("profile.saveFirst") : t("profile.save")}
        </Button>
      </form>
    </div>
  );
}
