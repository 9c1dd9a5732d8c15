/** 服务记录: what the station did for people this week, and a quick form to record a service. */
import { Button, Card, Form, Input, message, Select, Table } from "antd";
import { useTranslation } from "react-i18next";
import { get, post } from "../../shared/api.ts";
import type { ServiceRecord, StationServices } from "../../shared/api-types.ts";
import { SERVICE_KINDS } from "../../shared/choices.ts";
import { ErrorAlert } from "../../shared/ErrorAlert.tsx";
import { dateTime } from "../../shared/format.ts";
import { useAction, useResource } from "../../shared/useResource.ts";
import { PageTitle } from "../parts.tsx";

interface Values {
  kind: string;
  note: string;
}

export default function Services() {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [toast, holder] = message.useMessage();
  const services = useResource(() => get<StationServices>("/api/stations/mine/service-records"), []);
  const add = useAction((values: Values) => post("/api/stations/service-records", values));

  const submit = async (values: Values) => {
    if (!(await add.run(values))) return;
    form.resetFields();
    void toast.success(t("station.services.saved"));
    await services.reload();
  };

  return (
    <>
      {holder}
      <PageTitle
        title={t("station.services.title")}
        extra={
          services.data && (
            <strong>{t("station.services.today", { count: services.data.today.total })}</strong>
          )
        }
      />
      <Card title={<h2 style={{ margin: 0 }}>{t("station.services.add")}</h2>} style={{ marginBottom: 16 }}>
        <ErrorAlert error={add.error} />
        <Form
          form={form}
          layout="inline"
          size="large"
          onFinish={submit}
          initialValues={{ kind: "counselling" }}
        >
          <Form.Item label={t("station.services.kind")} name="kind">
            <Select
              style={{ width: 180 }}
              options={SERVICE_KINDS.map((k) => ({ value: k, label: t(`station.services.kinds.${k}`) }))}
            />
          </Form.Item>
          <Form.Item
            label={t("station.services.note")}
            name="note"
            rules={[
              { required: true, message: t("station.required", { field: t("station.services.note") }) },
            ]}
          >
            <Input style={{ width: 420 }} maxLength={1000} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={add.busy}>
            {t("common.save")}
          </Button>
        </Form>
      </Card>
      <ErrorAlert error={services.error} retry={services.reload} />
      <Card>
        <Table<ServiceRecord>
          rowKey="id"
          loading={services.loading}
          dataSource={services.data?.items ?? []}
          locale={{ emptyText: t("station.services.empty") }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            { title: t("station.services.time"), dataIndex: "createdAt", render: (d: string) => dateTime(d) },
            {
              title: t("station.services.kind"),
              dataIndex: "kind",
              render: (k: string) => t(`station.services.kinds.${k}`),
            },
            {
              title: t("station.services.person"),
              key: "person",
              render: (_, r) =>
                r.personName ? `${r.personName} ${r.personPhone ?? ""}` : t("station.services.anonymous"),
            },
            { title: t("station.services.note"), dataIndex: "note" },
            { title: t("station.services.staff"), dataIndex: "staffName" },
          ]}
        />
      </Card>
    </>
  );
}
