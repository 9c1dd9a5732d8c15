/**
 * 消息发送: text messages and calls sent, failed, undelivered (dead) and held back per day and
 * channel, and the dead letters themselves; the city admin sends one again once the cause is fixed.
 */
import "./administration.css";
import { Button, Card, message, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { get, messageOf, post } from "../../shared/api.ts";
import type { DeadLetter, DeliveryDay } from "../../shared/api-types.ts";
import { ErrorAlert } from "../../shared/ErrorAlert.tsx";
import { useResource } from "../../shared/useResource.ts";
import { recordTime } from "../format.ts";
import { PageTitle } from "../PageTitle.tsx";
import { useAdmin } from "../session.tsx";
import { AdministrationTheme } from "./parts.tsx";
import "./messages.locales.ts";

const DAYS = 14;

export default function MessagesPage() {
  const { t } = useTranslation();
  const [toast, holder] = message.useMessage();
  const { isCityAdmin } = useAdmin();
  const figures = useResource(() => get<DeliveryDay[]>("/api/notifications/delivery", { days: DAYS }), []);
  const dead = useResource(() => get<DeadLetter[]>("/api/notifications/dead-letters"), []);
  const [retrying, setRetrying] = useState<string | null>(null);
  const channel = (code: string) => t(`admin.messages.channels.${code}`, { defaultValue: code });

  async function retry(letter: DeadLetter) {
    setRetrying(letter.id);
    try {
      await post(`/api/notifications/dead-letters/${letter.id}/retry`);
      void toast.success(t("admin.messages.retried"));
      await Promise.all([dead.reload(), figures.reload()]);
    } catch (caught) {
      void toast.error(messageOf(caught));
    } finally {
      setRetrying(null);
    }
  }

  return (
    <AdministrationTheme>
      {holder}
      <PageTitle title={t("admin.menu.messages")} />
      <Card
        size="small"
        title={<h2>{t("admin.messages.figures", { days: DAYS })}</h2>}
        style={{ marginBottom: 16 }}
      >
        <ErrorAlert error={figures.error} retry={() => void figures.reload()} />
        <Table<DeliveryDay>
          size="small"
          data-testid="delivery-figures"
          rowKey={(row) => `${row.day}-${row.channel}`}
          loading={figures.loading}
          dataSource={figures.data ?? []}
          pagination={false}
          locale={{ emptyText: t("admin.messages.noFigures") }}
          columns={[
            { title: t("admin.messages.day"), dataIndex: "day" },
            { title: t("admin.messages.channel"), dataIndex: "channel", render: channel },
            { title: t("admin.messages.sent"), dataIndex: "sent", align: "right" },
            { title: t("admin.messages.failed"), dataIndex: "failed", align: "right" },
            {
              title: t("admin.messages.dead"),
              dataIndex: "dead",
              align: "right",
              render: (n: number) => (n > 0 ? <Tag color="red">{n}</Tag> : n),
            },
            { title: t("admin.messages.suppressed"), dataIndex: "suppressed", align: "right" },
          ]}
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          {t("admin.messages.figuresHint")}
        </Typography.Paragraph>
      </Card>
      <Card size="small" title={<h2>{t("admin.messages.deadLetters")}</h2>}>
        <Typography.Paragraph type="secondary">{t("admin.messages.deadHint")}</Typography.Paragraph>
        <ErrorAlert error={dead.error} retry={() => void dead.reload()} />
        <Table<DeadLetter>
          size="small"
          data-testid="dead-letters"
          rowKey="id"
          loading={dead.loading}
          dataSource={dead.data ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: t("admin.messages.noDead") }}
          columns={[
            {
              title: t("admin.messages.createdAt"),
              dataIndex: "createdAt",
              render: (at: string) => recordTime(at),
            },
            { title: t("admin.messages.channel"), dataIndex: "channel", render: channel },
            {
              title: t("admin.messages.kind"),
              dataIndex: "title",
            },
            { title: t("admin.messages.phone"), dataIndex: "phone" },
            { title: t("admin.messages.attempts"), dataIndex: "attempts", align: "right" },
            { title: t("admin.messages.lastError"), dataIndex: "lastError" },
            ...(isCityAdmin
              ? [
                  {
                    title: t("admin.administration.actions"),
                    key: "retry",
                    render: (_: unknown, letter: DeadLetter) => (
                      <Button
                        size="small"
                        loading={retrying === letter.id}
                        onClick={() => void retry(letter)}
                      >
                        {t("admin.messages.retry")}
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
    </AdministrationTheme>
  );
}
