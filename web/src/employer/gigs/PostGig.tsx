/**
 * 发布用工: a form that checks itself as the employer types. The point defaults to the district's
 * centre and stays editable; the server checks it lies inside the district and screens for up-front fees.
 */
import { Alert, Button, Card, Col, Form, Input, InputNumber, Radio, Row, Select } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { messageOf, post } from "../../shared/api.ts";
import type { Gig, PayUnit, Settlement } from "../../shared/api-types.ts";
import { localDate, payLabel, shanghaiToIso } from "../../shared/format.ts";
import { useReference } from "../../shared/reference.ts";

interface Values {
  categoryCode: string;
  title: string;
  description: string;
  districtCode: string;
  address: string;
  lat: number;
  lng: number;
  date: string;
  startTime: string;
  endTime: string;
  headcount: number;
  payYuan: number;
  payUnit: PayUnit;
  settlement: Settlement;
  requirements: string;
}

function tomorrow(): string {
  return localDate(new Date(Date.now() + 86_400_000));
}

export default function PostGig() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const reference = useReference();
  const [form] = Form.useForm<Values>();
  const categoryCode = Form.useWatch("categoryCode", form);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const category = reference.data?.categories.find((c) => c.code === categoryCode);

  function onDistrict(code: string) {
    const division = reference.data?.divisions.find((d) => d.code === code);
    if (division) form.setFieldsValue({ lat: division.centerLat, lng: division.centerLng });
  }

  function onCategory(code: string) {
    const chosen = reference.data?.categories.find((c) => c.code === code);
    if (chosen && !form.isFieldTouched("payUnit")) form.setFieldsValue({ payUnit: chosen.defaultPayUnit });
  }

  async function submit(values: Values) {
    setSaving(true);
    setError(null);
    try {
      const gig = await post<Gig>("/api/gigs", {
        categoryCode: values.categoryCode,
        title: values.title.trim(),
        description: values.description?.trim() ?? "",
        districtCode: values.districtCode,
        address: values.address.trim(),
        lat: values.lat,
        lng: values.lng,
        startsAt: shanghaiToIso(values.date, values.startTime),
        endsAt: shanghaiToIso(values.date, values.endTime),
        headcount: values.headcount,
        payFen: Math.round(values.payYuan * 100),
        payUnit: values.payUnit,
        settlement: values.settlement,
        requirements: values.requirements?.trim() ?? "",
      });
      navigate(`/employer/gigs/${gig.id}`);
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setSaving(false);
    }
  }

  const endAfterStart = ({ getFieldValue }: { getFieldValue: (name: string) => string }) => ({
    validator: (_: unknown, value: string) =>
      !value || !getFieldValue("startTime") || value > getFieldValue("startTime")
        ? Promise.resolve()
        : Promise.reject(new Error(t("employer.post.endAfterStart"))),
  });

  return (
    <Card title={<h1>{t("employer.post.title")}</h1>} style={{ maxWidth: 900 }}>
      <Form
        form={form}
        layout="vertical"
        validateTrigger={["onChange", "onBlur"]}
        initialValues={{
          date: tomorrow(),
          startTime: "08:00",
          endTime: "17:00",
          headcount: 1,
          payUnit: "day",
          settlement: "same_day",
        }}
        onFinish={(values) => void submit(values)}
      >
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              label={t("employer.post.category")}
              name="categoryCode"
              rules={[{ required: true, message: t("employer.post.categoryRequired") }]}
            >
              <Select
                showSearch={{ optionFilterProp: "label" }}
                onChange={onCategory}
                loading={reference.loading}
                options={reference.data?.categories.map((c) => ({
                  label: i18n.language === "en" ? c.nameEn : c.nameZh,
                  value: c.code,
                }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              label={t("employer.post.gigTitle")}
              name="title"
              rules={[{ required: true, min: 2, max: 60, message: t("employer.post.titleRule") }]}
            >
              <Input maxLength={60} placeholder={t("employer.post.titlePlaceholder")} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item
              label={t("employer.post.district")}
              name="districtCode"
              rules={[{ required: true, message: t("employer.profile.districtRequired") }]}
            >
              <Select
                onChange={onDistrict}
                options={reference.data?.divisions.map((d) => ({ label: d.name, value: d.code }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item
              label={t("employer.post.address")}
              name="address"
              rules={[{ required: true, min: 2, message: t("employer.post.addressRule") }]}
            >
              <Input maxLength={200} placeholder={t("employer.post.addressPlaceholder")} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={12} md={8}>
            <Form.Item
              label={t("employer.post.lat")}
              name="lat"
              rules={[
                { required: true, type: "number", min: -90, max: 90, message: t("employer.post.pointRule") },
              ]}
              extra={t("employer.post.pointHint")}
            >
              <InputNumber style={{ width: "100%" }} step={0.001} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item
              label={t("employer.post.lng")}
              name="lng"
              rules={[
                {
                  required: true,
                  type: "number",
                  min: -180,
                  max: 180,
                  message: t("employer.post.pointRule"),
                },
              ]}
            >
              <InputNumber style={{ width: "100%" }} step={0.001} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item
              label={t("employer.post.date")}
              name="date"
              rules={[{ required: true, message: t("employer.post.dateRequired") }]}
            >
              <Input type="date" min={localDate(new Date())} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item
              label={t("employer.post.start")}
              name="startTime"
              rules={[{ required: true, message: t("employer.post.timeRequired") }]}
            >
              <Input type="time" />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item
              label={t("employer.post.end")}
              name="endTime"
              dependencies={["startTime"]}
              rules={[{ required: true, message: t("employer.post.timeRequired") }, endAfterStart]}
            >
              <Input type="time" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} md={6}>
            <Form.Item
              label={t("employer.post.headcount")}
              name="headcount"
              rules={[
                {
                  required: true,
                  type: "number",
                  min: 1,
                  max: 500,
                  message: t("employer.post.headcountRule"),
                },
              ]}
            >
              <InputNumber style={{ width: "100%" }} min={1} max={500} precision={0} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item
              label={t("employer.post.pay")}
              name="payYuan"
              rules={[{ required: true, type: "number", min: 1, message: t("employer.post.payRule") }]}
              extra={
                category
                  ? t("employer.post.payHint", { pay: payLabel(category.referenceDailyPayFen, "day") })
                  : undefined
              }
            >
              <InputNumber style={{ width: "100%" }} min={1} precision={2} prefix="¥" />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item label={t("employer.post.payUnit")} name="payUnit">
              <Select
                options={(["day", "hour", "piece"] as const).map((unit) => ({
                  label: t(`employer.payUnit.${unit}`),
                  value: unit,
                }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item label={t("employer.post.settlement")} name="settlement">
              <Radio.Group
                options={(["same_day", "on_completion"] as const).map((s) => ({
                  label: t(`settlement.${s}`),
                  value: s,
                }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label={t("employer.post.description")} name="description">
          <Input.TextArea rows={3} maxLength={2000} placeholder={t("employer.post.descriptionPlaceholder")} />
        </Form.Item>
        <Form.Item
          label={t("employer.post.requirements")}
          name="requirements"
          extra={t("employer.post.noFees")}
        >
          <Input.TextArea
            rows={2}
            maxLength={1000}
            placeholder={t("employer.post.requirementsPlaceholder")}
          />
        </Form.Item>
        {error && <Alert type="error" title={error} role="alert" style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit" size="large" loading={saving}>
          {t("employer.post.submit")}
        </Button>
      </Form>
    </Card>
  );
}
