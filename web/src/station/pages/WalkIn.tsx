/** 登记零工: a worker without a smartphone, registered at the counter by her phone number. */
import { Button, Card, Checkbox, Form, Input, InputNumber, Radio, Result, Select } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { post } from "../../shared/api.ts";
import type { WalkInWorker } from "../../shared/api-types.ts";
import { ErrorAlert } from "../../shared/ErrorAlert.tsx";
import { LegalLinks } from "../../shared/privacy/LegalLinks.tsx";
import { categoryName, useReference } from "../../shared/reference.ts";
import { useSession } from "../../shared/session.tsx";
import { useAction } from "../../shared/useResource.ts";
import { PageTitle } from "../parts.tsx";

interface Values {
  phone: string;
  name: string;
  sex?: "male" | "female";
  birthYear?: number;
  categoryCodes: string[];
  districtCodes: string[];
  expectedDailyPayYuan?: number;
  note?: string;
  verbalConsent: boolean;
}

export default function WalkIn() {
  const { t } = useTranslation();
  const reference = useReference();
  const { me, base } = useSession();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [done, setDone] = useState<WalkInWorker | null>(null);
  const action = useAction((values: Values) =>
    post<WalkInWorker>("/api/stations/walk-in-workers", {
      phone: values.phone.trim(),
      name: values.name.trim(),
      sex: values.sex,
      birthYear: values.birthYear,
      categoryCodes: values.categoryCodes,
      districtCodes: values.districtCodes,
      expectedDailyPayFen:
        values.expectedDailyPayYuan === undefined ? undefined : Math.round(values.expectedDailyPayYuan * 100),
      note: values.note,
      verbalConsent: true as const,
    }),
  );

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
        <Form
          form={form}
          layout="vertical"
          size="large"
          onFinish={submit}
          initialValues={{ districtCodes: me?.districtCode ? [me.districtCode] : [] }}
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
          <Form.Item label={t("station.walkIn.sex")} name="sex">
            <Radio.Group>
              <Radio value="female">{t("station.walkIn.female")}</Radio>
              <Radio value="male">{t("station.walkIn.male")}</Radio>
            </Radio.Group>
          </Form.Item>
          <Form.Item label={t("station.walkIn.birthYear")} name="birthYear">
            <InputNumber min={1940} max={2010} style={{ width: 200 }} />
          </Form.Item>
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
