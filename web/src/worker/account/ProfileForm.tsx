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
import type { EducationLevel, Sex, WorkerProfile, WorkerProfileInput } from "../../shared/api-types.ts";
import {
  HOUR_RANGE_KEYS,
  HOUR_RANGES,
  type HourRange,
  rangeOf,
  WEEKDAYS,
} from "../../shared/availability.ts";
import { CERTIFICATES, EDUCATION_LEVELS } from "../../shared/choices.ts";
import { PageLoading } from "../../shared/PageLoading.tsx";
import { AddressFields, type PlaceValue } from "../../shared/places/AddressFields.tsx";
import { useReference } from "../../shared/reference.ts";
import { nextPath, useSession } from "../../shared/session.tsx";
import { useAction } from "../../shared/useResource.ts";
import { Field } from "../Field.tsx";
import { ErrorLine, PageHeader } from "../parts.tsx";

const LISTED = new Set<string>(CERTIFICATES);
const ID_NUMBER = /^[0-9]{17}[0-9Xx]$/;

/** "会开三轮车、会做饭" → two entries: people type lists with 、 or commas. */
function entries(text: string): string[] {
  return text
    .split(/[、,，;；\n]+/)
    .map((v) => v.trim())
    .filter((v) => v.length > 0);
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
  const [idNumber, setIdNumber] = useState("");
  const [idOnFile, setIdOnFile] = useState<string | null>(null);
  const [sex, setSex] = useState<Sex | null>(null);
  const [birthDate, setBirthDate] = useState("");
  const [birthYear, setBirthYear] = useState<number | null>(null);
  const [education, setEducation] = useState<EducationLevel | null>(null);
  const [certificates, setCertificates] = useState<string[]>([]);
  const [otherCertificates, setOtherCertificates] = useState("");
  const [skills, setSkills] = useState("");
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
          setIdOnFile(profile.idNumberMasked);
          setSex(profile.sex as Sex | null);
          setBirthDate(profile.birthDate ?? "");
          setBirthYear(profile.birthYear);
          setEducation(profile.education as EducationLevel | null);
          setCertificates(profile.certificates.filter((c) => LISTED.has(c)));
          setOtherCertificates(profile.certificates.filter((c) => !LISTED.has(c)).join("、"));
          setSkills(profile.skills.join("、"));
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
  const typedId = idNumber.trim();
  // A number typed or on file gives birth date and sex; the server reads them from it.
  const byIdNumber = typedId.length > 0 || idOnFile !== null;
  const missing = !name.trim()
    ? "name"
    : typedId && !ID_NUMBER.test(typedId)
      ? "idNumber"
      : categories.length === 0
        ? "categories"
        : districts.length === 0
          ? "districts"
          : null;

  async function submit() {
    const body: WorkerProfileInput = {
      name: name.trim(),
      // Omitted, the number on file stays; it is never sent back in full to fill the field.
      ...(typedId ? { idNumber: typedId } : {}),
      sex: typedId ? null : sex,
      birthDate: typedId ? null : birthDate || null,
      birthYear: typedId || birthDate ? null : birthYear,
      education,
      certificates: [...certificates, ...entries(otherCertificates)],
      skills: entries(skills),
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
        <Field label={t("traits.idNumber")}>
          {(id) => (
            <Input
              id={id}
              value={idNumber}
              onChange={setIdNumber}
              maxLength={18}
              placeholder={idOnFile ? t("traits.idNumberOnFile", { masked: idOnFile }) : undefined}
            />
          )}
        </Field>
        <p className="lg-gig-line">{t("traits.idNumberHint")}</p>
        <fieldset className="lg-fieldset">
          <legend>{t("profile.sex")}</legend>
          <Selector
            columns={2}
            disabled={byIdNumber}
            value={sex ? [sex] : []}
            onChange={(value) => setSex(value[0] ?? null)}
            options={(["female", "male"] as const).map((value) => ({
              label: t(`traits.sex.${value}`),
              value,
            }))}
          />
        </fieldset>
        <Field label={t("traits.birthDate")}>
          {(id) => (
            <Input id={id} type="date" disabled={byIdNumber} value={birthDate} onChange={setBirthDate} />
          )}
        </Field>
        {byIdNumber && <p className="lg-gig-line">{t("profile.fromIdNumber")}</p>}
        <fieldset className="lg-fieldset">
          <legend>{t("traits.education")}</legend>
          <Selector
            columns={3}
            value={education ? [education] : []}
            onChange={(value) => setEducation(value[0] ?? null)}
            options={EDUCATION_LEVELS.map((level) => ({ label: t(`traits.level.${level}`), value: level }))}
          />
        </fieldset>
        <fieldset className="lg-fieldset">
          <legend>{t("traits.certificates")}</legend>
          <Selector
            multiple
            columns={3}
            value={certificates}
            onChange={setCertificates}
            options={CERTIFICATES.map((c) => ({ label: t(`traits.certificate.${c}`), value: c }))}
          />
        </fieldset>
        <Field label={t("profile.otherCertificates")}>
          {(id) => (
            <Input
              id={id}
              value={otherCertificates}
              onChange={setOtherCertificates}
              placeholder={t("profile.listPlaceholder")}
            />
          )}
        </Field>
        <Field label={t("traits.skills")}>
          {(id) => (
            <Input id={id} value={skills} onChange={setSkills} placeholder={t("profile.skillsPlaceholder")} />
          )}
        </Field>
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
            options={HOUR_RANGE_KEYS.map((key) => ({
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
          <AntdTheme
            theme={{
              // Placeholders and disabled text dark enough to read (WCAG AA on white and on grey).
              token: {
                colorPrimary: "#0958d9",
                controlHeight: 44,
                fontSize: 16,
                colorTextPlaceholder: "#595959",
                colorTextDisabled: "#595959",
              },
            }}
          >
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
