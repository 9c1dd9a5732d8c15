/** 代发岗位: an employer phoned in; staff find them by name and post the gig on their behalf. */
import { Alert, Button, Card, Empty, Input, List, Result, Tag } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { get, post } from "../../shared/api.ts";
import type { EmployerMatch, Gig } from "../../shared/api-types.ts";
import { GigForm, type GigPosting } from "../../shared/gigs/GigForm.tsx";
import { useSession } from "../../shared/session.tsx";
import { useAction } from "../../shared/useResource.ts";
import { PageTitle } from "../parts.tsx";
import { EmployerGigs } from "./EmployerGigs.tsx";

function EmployerSearch({ onChoose }: { onChoose: (e: EmployerMatch) => void }) {
  const { t } = useTranslation();
  const [found, setFound] = useState<EmployerMatch[] | null>(null);
  const search = useAction((q: string) => get<EmployerMatch[]>("/api/stations/employers", { q }));
  const run = async (q: string) => {
    if (!q.trim()) return;
    const result = await search.run(q.trim());
    if (result) setFound(result.value);
  };
  return (
    <Card title={<h2>{t("station.post.findEmployer")}</h2>} className="lg-station-form">
      <Input.Search
        size="large"
        aria-label={t("station.post.findEmployer")}
        placeholder={t("station.post.employerPlaceholder")}
        enterButton={t("station.post.search")}
        loading={search.busy}
        onSearch={(q) => void run(q)}
      />
      {search.error && (
        <Alert type="error" showIcon role="alert" title={search.error} style={{ marginTop: 16 }} />
      )}
      {found && found.length === 0 && <Empty description={t("station.post.noEmployer")} />}
      {found && found.length > 0 && (
        <List
          dataSource={found}
          renderItem={(e) => (
            <List.Item
              actions={[
                <Button key="choose" type="primary" onClick={() => onChoose(e)}>
                  {t("station.post.choose")}
                </Button>,
              ]}
            >
              <List.Item.Meta
                title={
                  <span>
                    {e.name}{" "}
                    <Tag color={e.verification === "verified" ? "green" : "default"}>
                      {e.verification === "verified"
                        ? t("station.post.verified")
                        : t("station.post.unverified")}
                    </Tag>
                  </span>
                }
                description={[e.contactName, e.phone].filter(Boolean).join(" · ")}
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

export default function PostForEmployer() {
  const { t } = useTranslation();
  const me = useSession().me;
  const [employer, setEmployer] = useState<EmployerMatch | null>(null);
  const [posted, setPosted] = useState<Gig | null>(null);
  const action = useAction(async (posting: GigPosting) => {
    const gig = await post<Gig>("/api/gigs", { ...posting, employerId: employer?.id });
    await post("/api/stations/service-records", {
      kind: "gig_posted_for_employer",
      note: `${employer?.name ?? ""}：${gig.title}`,
    }).catch(() => undefined);
    return gig;
  });

  if (posted)
    return (
      <>
        <PageTitle title={t("station.post.title")} />
        <Card>
          <Result
            status="success"
            title={t("station.post.posted")}
            subTitle={`${posted.employer.name} · ${posted.title}`}
            extra={[
              <Link key="slip" to={`../slip/${posted.id}`} relative="path">
                <Button type="primary" size="large">
                  {t("station.post.printSlip")}
                </Button>
              </Link>,
              <Button key="again" size="large" onClick={() => setPosted(null)}>
                {t("station.post.postAnother")}
              </Button>,
            ]}
          />
        </Card>
      </>
    );

  if (!employer)
    return (
      <>
        <PageTitle title={t("station.post.title")} hint={t("station.post.hint")} />
        <EmployerSearch onChoose={setEmployer} />
      </>
    );

  const submit = async (posting: GigPosting) => {
    const result = await action.run(posting);
    if (result) setPosted(result.value);
  };

  return (
    <>
      <PageTitle
        title={t("station.post.chosen", { name: employer.name })}
        extra={<Button onClick={() => setEmployer(null)}>{t("station.post.change")}</Button>}
      />
      <EmployerGigs employerId={employer.id} />
      <Card className="lg-station-form">
        <GigForm
          onSubmit={submit}
          busy={action.busy}
          error={action.error}
          districtCode={me?.districtCode ?? undefined}
          size="large"
        />
      </Card>
    </>
  );
}
