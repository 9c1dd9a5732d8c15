/**
 * 自助设备: the station's self-service terminals and information screens. Enrolling shows a
 * one-time code the device trades for its own token; revoking signs the device out at once.
 */
import { Alert, Button, Card, Form, Input, Modal, Popconfirm, Select, Table, Tag } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { get, post } from "../../shared/api.ts";
import type { Device, EnrolmentTicket, QueueSlip } from "../../shared/api-types.ts";
import { ErrorAlert } from "../../shared/ErrorAlert.tsx";
import { clock, dateTime } from "../../shared/format.ts";
import { categoryName, useReference } from "../../shared/reference.ts";
import { useSession } from "../../shared/session.tsx";
import { useAction, useResource } from "../../shared/useResource.ts";
import { PageTitle } from "../parts.tsx";

interface Values {
  kind: Device["kind"];
  name: string;
}

const STATUS_COLOURS = { awaiting_enrolment: "gold", active: "green", revoked: "default" } as const;
const PAGE_OF_KIND = { terminal: "/kiosk", screen: "/display" } as const;

export default function Devices() {
  const { t } = useTranslation();
  const { me } = useSession();
  const reference = useReference();
  const stationId = me?.stationId ?? null;
  const [form] = Form.useForm<Values>();
  const [ticket, setTicket] = useState<EnrolmentTicket | null>(null);
  const devices = useResource(
    () => (stationId ? get<Device[]>("/api/devices", { stationId }) : Promise.resolve([])),
    [stationId],
  );
  const enrol = useAction((values: Values) =>
    post<EnrolmentTicket>("/api/devices", { ...values, stationId }),
  );
  const queue = useResource(
    () => (stationId ? get<QueueSlip[]>("/api/devices/queue-slips", { stationId }) : Promise.resolve([])),
    [stationId],
  );
  const revoke = useAction((id: string) => post<Device>(`/api/devices/${id}/revoke`));

  if (!stationId) return <Alert type="warning" showIcon message={t("station.devices.noStation")} />;

  const submit = async (values: Values) => {
    const done = await enrol.run(values);
    if (!done) return;
    setTicket(done.value);
    form.resetFields(["name"]);
    await devices.reload();
  };

  return (
    <>
      <PageTitle title={t("station.devices.title")} />
      <Alert type="info" showIcon message={t("station.devices.hint")} style={{ marginBottom: 16 }} />
      <Card title={<h2 style={{ margin: 0 }}>{t("station.devices.add")}</h2>} style={{ marginBottom: 16 }}>
        <ErrorAlert error={enrol.error} />
        <Form form={form} layout="inline" size="large" onFinish={submit} initialValues={{ kind: "terminal" }}>
          <Form.Item label={t("station.devices.kind")} name="kind">
            <Select
              style={{ width: 200 }}
              options={(["terminal", "screen"] as const).map((k) => ({
                value: k,
                label: t(`station.devices.kinds.${k}`),
              }))}
            />
          </Form.Item>
          <Form.Item
            label={t("station.devices.name")}
            name="name"
            rules={[{ required: true, message: t("station.required", { field: t("station.devices.name") }) }]}
          >
            <Input style={{ width: 260 }} maxLength={40} placeholder={t("station.devices.namePlaceholder")} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={enrol.busy}>
            {t("station.devices.add")}
          </Button>
        </Form>
      </Card>
      <ErrorAlert error={devices.error ?? revoke.error} retry={devices.reload} />
      <Card>
        <Table<Device>
          rowKey="id"
          loading={devices.loading}
          dataSource={devices.data ?? []}
          locale={{ emptyText: t("station.devices.empty") }}
          pagination={false}
          columns={[
            { title: t("station.devices.name"), dataIndex: "name" },
            {
              title: t("station.devices.kind"),
              dataIndex: "kind",
              render: (kind: Device["kind"]) => t(`station.devices.kinds.${kind}`),
            },
            {
              title: t("station.devices.status"),
              dataIndex: "status",
              render: (status: Device["status"]) => (
                <Tag color={STATUS_COLOURS[status]}>{t(`station.devices.statuses.${status}`)}</Tag>
              ),
            },
            {
              title: t("station.devices.lastSeen"),
              dataIndex: "lastSeenAt",
              render: (at: string | null) => (at ? dateTime(at) : t("station.devices.never")),
            },
            {
              title: "",
              key: "actions",
              render: (_: unknown, device: Device) =>
                device.status === "revoked" ? null : (
                  <Popconfirm
                    title={t("station.devices.revokeConfirm")}
                    okButtonProps={{ danger: true }}
                    onConfirm={async () => {
                      if (await revoke.run(device.id)) await devices.reload();
                    }}
                  >
                    <Button>{t("station.devices.revoke")}</Button>
                  </Popconfirm>
                ),
            },
          ]}
        />
      </Card>
      <Card
        title={<h2 style={{ margin: 0 }}>{t("station.devices.queueTitle")}</h2>}
        style={{ marginTop: 16 }}
        extra={<Button onClick={() => void queue.reload()}>{t("station.devices.refresh")}</Button>}
      >
        <ErrorAlert error={queue.error} retry={queue.reload} />
        <Table<QueueSlip>
          rowKey="id"
          loading={queue.loading}
          dataSource={queue.data ?? []}
          locale={{ emptyText: t("station.devices.queueEmpty") }}
          pagination={false}
          columns={[
            { title: t("station.devices.queueNumber"), dataIndex: "number" },
            {
              title: t("station.devices.queueWant"),
              dataIndex: "categoryCode",
              render: (code: string | null) => (code ? categoryName(reference.data, code) : "—"),
            },
            {
              title: t("station.devices.queueTime"),
              dataIndex: "createdAt",
              render: (at: string) => clock(at),
            },
          ]}
        />
      </Card>
      <Modal
        open={ticket !== null}
        title={t("station.devices.codeTitle")}
        onOk={() => setTicket(null)}
        onCancel={() => setTicket(null)}
        cancelButtonProps={{ style: { display: "none" } }}
      >
        {ticket && (
          <>
            <p>
              {t("station.devices.codeHint", {
                address: `${window.location.origin}${PAGE_OF_KIND[ticket.device.kind]}`,
              })}
            </p>
            <p className="lg-device-code" data-testid="enrolment-code">
              {ticket.enrolmentCode}
            </p>
          </>
        )}
      </Modal>
    </>
  );
}
