/** Who is hiring: a person or household, or an enterprise with its 统一社会信用代码. */
import { Alert, App, Button, Card, Form, Input, Radio, Select, Tag } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation, useNavigate } from "react-router-dom";
// The server's own check (GB 32100 with its check character), so the form agrees with it as one types.
import { isValidCreditCode } from "../../../../src/accounts/identity-codes.ts";
import { type ApiError, get, messageOf, put } from "../../shared/api.ts";
import type { EmployerProfile } from "../../shared/api-types.ts";
import { ErrorAlert } from "../../shared/ErrorAlert.tsx";
import { useReference } from "../../shared/reference.ts";
import { useSession } from "../../shared/session.tsx";
import { TAG } from "../tagColours.ts";

type Values = Omit<EmployerProfile, "id" | "verification">;

export default function EmployerProfileForm() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const first = new URLSearchParams(useLocation().search).has("first");
  const reference = useReference();
  const { refresh } = useSession();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch("kind", form);
  const [profile, setProfile] = useState<EmployerProfile | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    get<EmployerProfile>("/api/employers/me")
      .then((value) => {
        setProfile(value);
        form.setFieldsValue(value);
      })
      .catch((caught: ApiError) => {
        if (caught.status !== 404) setError(caught.message);
      });
  }, [form]);

  async function save(values: Values) {
    setSaving(true);
    setError(null);
    try {
      const body = { ...values, creditCode: values.kind === "enterprise" ? values.creditCode : null };
      setProfile(await put<EmployerProfile>("/api/employers/me", body));
      await refresh();
      void message.success(t("profile.saved"));
      if (first) navigate("/employer/gigs/new");
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Card
      title={<h1>{first ? t("employer.profile.firstTitle") : t("employer.profile.title")}</h1>}
      extra={
        profile?.verification && (
          <Tag color={profile.verification === "verified" ? TAG.good : TAG.neutral}>
            {t(`employer.verification.${profile.verification}`)}
          </Tag>
        )
      }
      style={{ maxWidth: 720 }}
    >
      {first && <Alert type="info" title={t("employer.profile.firstHint")} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ kind: "individual" }}
        onFinish={(v) => void save(v)}
      >
        <Form.Item label={t("employer.profile.kind")} name="kind">
          <Radio.Group
            optionType="button"
            options={[
              { label: t("employer.profile.individual"), value: "individual" },
              { label: t("employer.profile.enterprise"), value: "enterprise" },
            ]}
          />
        </Form.Item>
        <Form.Item
          label={kind === "enterprise" ? t("employer.profile.companyName") : t("employer.profile.personName")}
          name="name"
          rules={[{ required: true, min: 2, message: t("employer.profile.nameRequired") }]}
        >
          <Input maxLength={60} />
        </Form.Item>
        {kind === "enterprise" && (
          <Form.Item
            label={t("employer.profile.creditCode")}
            name="creditCode"
            rules={[
              { required: true, message: t("employer.profile.creditCodeInvalid") },
              {
                validator: (_, value: string) =>
                  !value || isValidCreditCode(value)
                    ? Promise.resolve()
                    : Promise.reject(new Error(t("employer.profile.creditCodeInvalid"))),
              },
            ]}
            normalize={(value: string) => value.toUpperCase().trim()}
          >
            <Input maxLength={18} placeholder={t("employer.profile.creditCodePlaceholder")} />
          </Form.Item>
        )}
        <Form.Item
          label={t("employer.profile.district")}
          name="districtCode"
          rules={[{ required: true, message: t("employer.profile.districtRequired") }]}
        >
          <Select
            loading={reference.loading}
            options={reference.data?.divisions.map((d) => ({ label: d.name, value: d.code }))}
          />
        </Form.Item>
        <Form.Item label={t("employer.profile.contactName")} name="contactName">
          <Input maxLength={30} />
        </Form.Item>
        <ErrorAlert error={error} />
        <Button type="primary" htmlType="submit" size="large" loading={saving}>
          {first ? t("employer.profile.saveFirst") : t("common.save")}
        </Button>
      </Form>
    </Card>
  );
}
