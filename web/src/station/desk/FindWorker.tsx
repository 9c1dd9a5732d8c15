/** 代办业务: find the worker in front of the counter by her name or the last digits of her phone. */

import { Button, Card, Empty, Input, List, Tag } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router-dom";
import { get } from "../../shared/api.ts";
import type { StationWorkerMatch } from "../../shared/api-types.ts";
import { ErrorAlert } from "../../shared/ErrorAlert.tsx";
import { useSession } from "../../shared/session.tsx";
import { useAction } from "../../shared/useResource.ts";
import { PageTitle } from "../parts.tsx";

type Match = StationWorkerMatch;

export default function FindWorker() {
  const { t } = useTranslation();
  const { base } = useSession();
  const navigate = useNavigate();
  const [found, setFound] = useState<Match[] | null>(null);
  const search = useAction((q: string) => get<StationWorkerMatch[]>("/api/stations/workers", { q }));

  const run = async (q: string) => {
    if (q.trim().length < 2) return;
    const result = await search.run(q.trim());
    if (result) setFound(result.value);
  };

  return (
    <>
      <PageTitle title={t("station.find.title")} hint={t("station.find.hint")} />
      <Card>
        <Input.Search
          size="large"
          allowClear
          enterButton={t("station.find.searchButton")}
          placeholder={t("station.find.search")}
          aria-label={t("station.find.search")}
          onSearch={(q) => void run(q)}
          loading={search.busy}
          style={{ maxWidth: 520 }}
        />
      </Card>
      <ErrorAlert error={search.error} />
      {found && (
        <Card style={{ marginTop: 16 }}>
          {found.length === 0 ? (
            <Empty description={t("station.find.none")}>
              <Link to={`${base}/walk-in`}>{t("station.find.registerFirst")}</Link>
            </Empty>
          ) : (
            <List
              dataSource={found}
              renderItem={(w) => (
                <List.Item
                  actions={[
                    <Button
                      key="open"
                      type="primary"
                      size="large"
                      onClick={() => navigate(`${base}/workers/${w.userId}`)}
                    >
                      {t("station.find.open")}
                    </Button>,
                  ]}
                >
                  <List.Item.Meta
                    title={<span style={{ fontSize: 18 }}>{w.name}</span>}
                    description={
                      <>
                        {w.phone}
                        {w.birthYear ? ` · ${t("station.find.born", { year: w.birthYear })}` : ""}
                        {w.registeredAtStation && (
                          <Tag color="blue" style={{ marginLeft: 8 }}>
                            {t("station.find.registered")}
                          </Tag>
                        )}
                      </>
                    }
                  />
                </List.Item>
              )}
            />
          )}
        </Card>
      )}
    </>
  );
}
