/**
 * The one post-a-gig form (发布用工), used by employers in their portal and by station staff posting
 * for an employer who phoned in (代发). It checks itself as the person types; the place is entered
 * as an address and a confirmed pin. The server checks the pin lies in the district and screens
 * for up-front fees.
 */
import { Alert, Button, Col, Form, Input, InputNumber, Radio, Row, Select } from "antd";
import { useTranslation } from "react-i18next";
import type {
  PayUnit,
  PostGigInput,
  RequiredAgeBand,
  RequiredEducation,
  RequiredSex,
  Settlement,
} from "../api-types.ts";
import { REQUIRED_AGE_BANDS, REQUIRED_EDUCATIONS, REQUIRED_SEXES } from "../choices.ts";
import { localDate, payLabel, shanghaiToIso } from "../format.ts";
import { AddressFields, type PlaceValue, placeComplete } from "../places/AddressFields.tsx";
import { categoryName, useReference } from "../reference.ts";
import "./locales.ts";

interface Values {
  categoryCode: string;
  title: string;
  description?: string;
  place: PlaceValue;
  date: string;
  startTime: string;
  endTime: string;
  headcount: number;
  payYuan: number;
  payUnit: PayUnit;
  settlement: Settlement;
  requirements?: string;
  requiredSex: RequiredSex;
  requiredAgeBand: RequiredAgeBand;
  requiredEducation: RequiredEducation;
}

/** What POST /api/gigs takes, less the employer (staff add it). */
export type GigPosting = Omit<PostGigInput, "employerId">;

interface Props {
  onSubmit: (posting: GigPosting) => void | Promise<void>;
  busy: boolean;
  error: string | null;
  /** The district the place starts in: the staff member's own, for example. */
  districtCode?: string;
  size?: "large";
}

function tomorrow(): string {
  return localDate(new Date(Date.now() + 86_400_000));
}

function postingOf(values: Values): GigPosting {
  const { place } = values;
  return {
    categoryCode: values.categoryCode,
    title: values.title.trim(),
    description: values.description?.trim() ?? "",
    districtCode: place.districtCode ?? "",
    address: place.address ?? "",
    lat: place.lat ?? 0,
    lng: place.lng ?? 0,
    startsAt: shanghaiToIso(values.date, values.startTime),
    endsAt: shanghaiToIso(values.date, values.endTime),
    headcount: values.headcount,
    payFen: Math.round(values.payYuan * 100),
    payUnit: values.payUnit,
    settlement: values.settlement,
    requirements: values.requirements?.trim() ?? "",
    requiredSex: values.requiredSex,
    requiredAgeBand: values.requiredAgeBand,
    requiredEducation: values.requiredEducation,
  };
}

export function GigForm({ onSubmit, busy, error, districtCode, size }: Props) {
  const { t } = useTranslation();
  const reference = useReference();
  const [form] = Form.useForm<Values>();
  const categoryCode = Form.useWatch("categoryCode", form);
  const category = reference.data?.categories.find((c) => c.code === categoryCode);

  function onCategory(code: string) {
    const chosen = reference.data?.categories.find((c) => c.code === code);
    if (chosen && !form.isFieldTouched("payUnit")) form.setFieldsValue({ payUnit: chosen.defaultPayUnit });
  }

  const endAfterStart = ({ getFieldValue }: { getFieldValue: (name: string) => string }) => ({
    validator: (_: unknown, value: string) =>
      !value || !getFieldValue("startTime") || value > getFieldValue("startTime")
        ? Promise.resolve()
        : Promise.reject(new Error(t("gigForm.endAfterStart"))),
  });
  const placeRule = {
    validator: (_: unknown, value: PlaceValue | undefined) =>
      placeComplete(value) ? Promise.resolve() : Promise.reject(new Error(t("places.pinRequired"))),
  };

  return (
    <Form
      form={form}
      layout="vertical"
      size={size}
      validateTrigger={["onChange", "onBlur"]}
      initialValues={{
        place: { districtCode },
        date: tomorrow(),
        startTime: "08:00",
        endTime: "17:00",
        headcount: 1,
        payUnit: "day",
        settlement: "same_day",
        requiredSex: "any",
        requiredAgeBand: "any",
        requiredEducation: "any",
      }}
      onFinish={(values) => void onSubmit(postingOf(values))}
    >
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            label={t("gigForm.category")}
            name="categoryCode"
            rules={[{ required: true, message: t("gigForm.categoryRequired") }]}
          >
            <Select
              showSearch={{ optionFilterProp: "label" }}
              onChange={onCategory}
              loading={reference.loading}
              options={reference.data?.categories.map((c) => ({
                label: categoryName(reference.data, c.code),
                value: c.code,
              }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            label={t("gigForm.gigTitle")}
            name="title"
            rules={[{ required: true, min: 2, max: 60, message: t("gigForm.titleRule") }]}
          >
            <Input maxLength={60} placeholder={t("gigForm.titlePlaceholder")} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label={t("gigForm.address")} name="place" rules={[placeRule]} required>
        <AddressFields />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item
            label={t("gigForm.date")}
            name="date"
            rules={[{ required: true, message: t("gigForm.dateRequired") }]}
          >
            <Input type="date" min={localDate(new Date())} />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item
            label={t("gigForm.start")}
            name="startTime"
            rules={[{ required: true, message: t("gigForm.timeRequired") }]}
          >
            <Input type="time" />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item
            label={t("gigForm.end")}
            name="endTime"
            dependencies={["startTime"]}
            rules={[{ required: true, message: t("gigForm.timeRequired") }, endAfterStart]}
          >
            <Input type="time" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={6}>
          <Form.Item
            label={t("gigForm.headcount")}
            name="headcount"
            rules={[
              { required: true, type: "number", min: 1, max: 500, message: t("gigForm.headcountRule") },
            ]}
          >
            <InputNumber style={{ width: "100%" }} min={1} max={500} precision={0} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item
            label={t("gigForm.pay")}
            name="payYuan"
            rules={[{ required: true, type: "number", min: 1, message: t("gigForm.payRule") }]}
            extra={
              category
                ? t("gigForm.payHint", { pay: payLabel(category.referenceDailyPayFen, "day") })
                : undefined
            }
          >
            <InputNumber style={{ width: "100%" }} min={1} precision={2} prefix="¥" />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item label={t("gigForm.payUnit")} name="payUnit">
            <Select
              options={(["day", "hour", "piece"] as const).map((unit) => ({
                label: t(`gigForm.payUnits.${unit}`),
                value: unit,
              }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item label={t("gigForm.settlement")} name="settlement">
            <Radio.Group
              options={(["same_day", "on_completion"] as const).map((s) => ({
                label: t(`settlement.${s}`),
                value: s,
              }))}
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label={t("gigForm.description")} name="description">
        <Input.TextArea rows={3} maxLength={2000} placeholder={t("gigForm.descriptionPlaceholder")} />
      </Form.Item>
      <Form.Item label={t("gigForm.requirements")} name="requirements" extra={t("gigForm.noFees")}>
        <Input.TextArea rows={2} maxLength={1000} placeholder={t("gigForm.requirementsPlaceholder")} />
      </Form.Item>
      <fieldset className="lg-requirements">
        <legend>{t("requirement.title")}</legend>
        <Row gutter={16}>
          <RequirementSelect
            xs={24}
            name="requiredSex"
            words="sex"
            values={REQUIRED_SEXES}
            extra={t("requirement.hint")}
          />
          <RequirementSelect xs={12} name="requiredAgeBand" words="ageBand" values={REQUIRED_AGE_BANDS} />
          <RequirementSelect
            xs={12}
            name="requiredEducation"
            words="education"
            values={REQUIRED_EDUCATIONS}
          />
        </Row>
      </fieldset>
      {error && <Alert type="error" title={error} role="alert" style={{ marginBottom: 16 }} />}
      <Button type="primary" htmlType="submit" size="large" loading={busy}>
        {t("gigForm.submit")}
      </Button>
    </Form>
  );
}

/** One requirement of the worker as a choice: any, or one of its values, in requirement.<words>Value. */
function RequirementSelect(props: {
  xs: number;
  name: string;
  words: "sex" | "ageBand" | "education";
  values: readonly string[];
  extra?: string;
}) {
  const { t } = useTranslation();
  return (
    <Col xs={props.xs} md={8}>
      <Form.Item label={t(`requirement.${props.words}`)} name={props.name} extra={props.extra}>
        <Select
          options={props.values.map((v) => ({
            value: v,
            label: v === "any" ? t("requirement.any") : t(`requirement.${props.words}Value.${v}`),
          }))}
        />
      </Form.Item>
    </Col>
  );
}
