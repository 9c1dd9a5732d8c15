/** 登记零工: a worker without a smartphone, registered at the counter by her phone number. */
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Col,
  Form,
  Input,
  InputNumber,
  Radio,
  Result,
  Row,
  Select,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { ApiError, post } from "../../shared/api.ts";
import type { ExistingRegistration, Sex, WalkInWorker, WalkInWorkerInput } from "../../shared/api-types.ts";
import { HOUR_RANGE_KEYS, HOUR_RANGES, type HourRange, WEEKDAYS } from "../../shared/availability.ts";
import { CERTIFICATES, EDUCATION_LEVELS } from "../../shared/choices.ts";
import { ErrorAlert } from "../../shared/ErrorAlert.tsx";
import { LegalLinks } from "../../shared/privacy/LegalLinks.tsx";
import { categoryName, useReference } from "../../shared/reference.ts";
import { useSession } from "../../shared/session.tsx";
import { useAction } from "../../shared/useResource.ts";
import { PageTitle } from "../parts.tsx";

interface Values {
  phone: string;
  name: string;
  idNumber?: string;
  sex?: Sex;
  birthDate?: string;
  education?: WalkInWorkerInput["education"];
  skills?: string[];
  certificates?: string[];
  weekdays: number[];
  hours: HourRange;
  categoryCodes: string[];
  districtCodes: string[];
  expectedDailyPayYuan?: number;
  note?: string;
  verbalConsent: boolean;
}

const ID_NUMBER = /^[0-9]{17}[0-9Xx]$/;

function bodyOf(values: Values): WalkInWorkerInput {
  const idNumber = values.idNumber?.trim() || undefined;
  return {
    phone: values.phone.trim(),
    name: values.name.trim(),
    idNumber,
    // The ID number gives birth date and sex; the fields are closed while one is typed.
    sex: idNumber ? undefined : values.sex,
    birthDate: idNumber ? undefined : values.birthDate || undefined,
    education: values.education,
    skills: values.skills,
    certificates: values.certificates,
    availability: { weekdays: values.weekdays, ...HOUR_RANGES[values.hours] },
    categoryCodes: values.categoryCodes,
    districtCodes: values.districtCodes,
    expectedDailyPayFen:
      values.expectedDailyPayYuan === undefined ? undefined : Math.round(values.expectedDailyPayYuan * 100),
    note: values.note,
    verbalConsent: true,
  };
}

/** The registration the server found for the same phone or ID number: open it instead. */
function existingOf(error: unknown): ExistingRegistration | null {
  if (!(error instanceof ApiError) || error.status !== 409) return null;
  return (error.details as { existing?: ExistingRegistration } | undefined)?.existing ?? null;
}

export default function WalkIn() {
  const { t } = useTranslation();
  const reference = useReference();
  const { me, base } = useSession();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [done, setDone] = useState<WalkInWorker | null>(null);
  const [existing, setExisting] = useState<ExistingRegistration | null>(null);
  const idNumber = Form.useWatch("idNumber", form);
  const byIdNumber = Boolean(idNumber?.trim());
  const action = useAction(async (values: Values) => {
    setExisting(null);
    try {
      return await post<WalkInWorker>("/api/stations/walk-in-workers", bodyOf(values));
    } catch (error) {
      setExisting(existingOf(error));
      throw error;
    }
  });

  const submit = async (values: Values) => {
    const result = await action.run(values);
    if (result) setDone(result.value);
  };

  if (done)
    return (
      <>
        <PageTitle title={t("station.walkIn.title")} />
        <Card>
          <Result
            status="success"
            title={t("station.walkIn.done", { name: done.name, phone: done.phone })}
            subTitle={done.newAccount ? t("station.walkIn.doneNew") : t("station.walkIn.doneExisting")}
            extra={[
              <Button
                key="desk"
                type="primary"
                size="large"
                onClick={() => navigate(`${base}/workers/${done.userId}`)}
              >
                {t("station.walkIn.findWork")}
              </Button>,
              <Button
                key="another"
                size="large"
                onClick={() => {
                  form.resetFields();
                  setDone(null);
                }}
              >
                {t("station.walkIn.another")}
              </Button>,
            ]}
          />
        </Card>
      </>
    );

  const required = (field: string) => [{ required: true, message: t("station.required", { field }) }];
  const categories = reference.data?.categories ?? [];
  const divisions = reference.data?.divisions ?? [];

  return (
    <>
      <PageTitle title={t("station.walkIn.title")} hint={t("station.walkIn.hint")} />
      <Card className="lg-station-form">
        <ErrorAlert error={action.error} />
        {existing && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title={t("station.walkIn.existing", {
              name: existing.name,
              phone: existing.phone ?? "—",
              id: existing.idNumberMasked ?? "—",
              station: existing.stationName ?? t("station.walkIn.selfRegistered"),
            })}
            action={
              <Button onClick={() => navigate(`${base}/workers/${existing.userId}`)}>
                {t("station.walkIn.openExisting")}
              </Button>
            }
          />
        )}
        <Form
          form={form}
          layout="vertical"
          size="large"
          onFinish={submit}
          initialValues={{
            districtCodes: me?.districtCode ? [me.districtCode] : [],
            weekdays: WEEKDAYS,
            hours: "day",
          }}
        >
          <Form.Item
            label={t("station.walkIn.phone")}
            name="phone"
            rules={[
              ...required(t("station.walkIn.phone")),
              { pattern: /^1[3-9][0-9]{9}$/, message: t("station.walkIn.phoneInvalid") },
            ]}
          >
            <Input inputMode="numeric" maxLength={11} autoComplete="off" />
          </Form.Item>
          <Form.Item label={t("station.walkIn.name")} name="name" rules={required(t("station.walkIn.name"))}>
            <Input maxLength={30} autoComplete="off" />
          </Form.Item>
          <Form.Item
            label={t("traits.idNumber")}
            name="idNumber"
            extra={t("traits.idNumberHint")}
            rules={[{ pattern: ID_NUMBER, message: t("traits.idNumberInvalid") }]}
          >
            <Input maxLength={18} autoComplete="off" style={{ maxWidth: 320 }} />
          </Form.Item>
          <Row gutter={24}>
            <Col xs={24} md={8}>
              <Form.Item
                label={t("station.walkIn.sex")}
                name="sex"
                extra={byIdNumber ? t("traits.fromIdNumber") : undefined}
              >
                <Radio.Group disabled={byIdNumber}>
                  <Radio value="female">{t("station.walkIn.female")}</Radio>
                  <Radio value="male">{t("station.walkIn.male")}</Radio>
                </Radio.Group>
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item
                label={t("traits.birthDate")}
                name="birthDate"
                extra={byIdNumber ? t("traits.fromIdNumber") : undefined}
              >
                <Input type="date" min="1940-01-01" disabled={byIdNumber} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label={t("traits.education")} name="education">
                <Select
                  allowClear
                  options={EDUCATION_LEVELS.map((level) => ({
                    value: level,
                    label: t(`traits.level.${level}`),
                  }))}
                />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item
            label={t("station.walkIn.categories")}
            name="categoryCodes"
            rules={required(t("station.walkIn.categories"))}
          >
            <Select
              mode="multiple"
              loading={reference.loading}
              optionFilterProp="label"
              options={categories.map((c) => ({
                value: c.code,
                label: categoryName(reference.data, c.code),
              }))}
            />
          </Form.Item>
          <Form.Item
            label={t("station.walkIn.districts")}
            name="districtCodes"
            rules={required(t("station.walkIn.districts"))}
          >
            <Select mode="multiple" options={divisions.map((d) => ({ value: d.code, label: d.name }))} />
          </Form.Item>
          <Form.Item label={t("traits.certificates")} name="certificates">
            <Select
              mode="tags"
              placeholder={t("traits.certificatesPlaceholder")}
              options={CERTIFICATES.map((c) => ({ value: c, label: t(`traits.certificate.${c}`) }))}
            />
          </Form.Item>
          <Form.Item label={t("traits.skills")} name="skills">
            <Select mode="tags" open={false} suffixIcon={null} placeholder={t("traits.skillsPlaceholder")} />
          </Form.Item>
          <Row gutter={24}>
            <Col xs={24} md={14}>
              <Form.Item label={t("profile.weekdays")} name="weekdays">
                <Checkbox.Group
                  options={WEEKDAYS.map((day) => ({ value: day, label: t(`weekday.${day}`) }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={10}>
              <Form.Item label={t("profile.hours")} name="hours">
                <Select
                  options={HOUR_RANGE_KEYS.map((key) => ({
                    value: key,
                    label: t(`profile.hourRange.${key}`),
                  }))}
                />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item label={t("station.walkIn.expectedPay")} name="expectedDailyPayYuan">
            <InputNumber min={0} max={10000} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item label={t("station.walkIn.note")} name="note">
            <Input.TextArea rows={2} maxLength={500} placeholder={t("station.walkIn.notePlaceholder")} />
          </Form.Item>
          <Form.Item
            name="verbalConsent"
            valuePropName="checked"
            rules={[
              {
                validator: (_, checked) =>
                  checked
                    ? Promise.resolve()
                    : Promise.reject(new Error(t("station.walkIn.consentRequired"))),
              },
            ]}
          >
            <Checkbox>
              <LegalLinks text={t("station.walkIn.consent")} />
            </Checkbox>
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={action.busy}>
            {t("station.walkIn.submit")}
          </Button>
        </Form>
      </Card>
    </>
  );
}
