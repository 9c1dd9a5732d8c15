/** One gig for its employer: the check-in code to show on site, then applicants, invitations and the crew. */
import { Card, Descriptions, Tabs, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { useParams, useSearchParams } from "react-router-dom";
import { get } from "../../shared/api.ts";
import type { Gig } from "../../shared/api-types.ts";
import { ErrorAlert } from "../../shared/ErrorAlert.tsx";
import { payLabel, timeRange } from "../../shared/format.ts";
import "../../shared/gigs/locales.ts";
import { requirementLine } from "../../shared/gigs/requirements.ts";
import { categoryName, useReference } from "../../shared/reference.ts";
import { useResource } from "../../shared/useResource.ts";
import { CrewTab } from "../crew/CrewTab.tsx";
import { ApplicantsTab } from "./ApplicantsTab.tsx";
import { InviteTab } from "./InviteTab.tsx";

export default function GigManage() {
  const { t } = useTranslation();
  const { gigId = "" } = useParams();
  const [params, setParams] = useSearchParams();
  const reference = useReference();
  const gig = useResource(() => get<Gig>(`/api/gigs/${gigId}`), [gigId]);
  const g = gig.data;
  const tab = params.get("tab") ?? "applicants";

  return (
    <>
      <ErrorAlert error={gig.error} />
      <Card
        loading={gig.loading && !g}
        title={g && <h1>{g.title}</h1>}
        extra={g && <Tag>{t(`gigStatus.${g.status}`)}</Tag>}
      >
        {g && (
          <div className="lg-gig-head">
            <Descriptions
              column={{ xs: 1, md: 2 }}
              items={[
                {
                  key: "category",
                  label: t("gigForm.category"),
                  children: categoryName(reference.data, g.category.code, g.category.nameZh),
                },
                { key: "time", label: t("employer.gigs.time"), children: timeRange(g.startsAt, g.endsAt) },
                { key: "place", label: t("gig.place"), children: `${g.district.name} ${g.address}` },
                {
                  key: "pay",
                  label: t("employer.gigs.pay"),
                  children: `${payLabel(g.pay.fen, g.pay.unit)} · ${t(`settlement.${g.settlement}`)}`,
                },
                {
                  key: "fill",
                  label: t("employer.gigs.fill"),
                  children: t("gig.headcountValue", { filled: g.filledCount, total: g.headcount }),
                },
                { key: "required", label: t("requirement.title"), children: requirementLine(t, g) },
              ]}
            />
            {g.checkInCode && (
              <section className="lg-code-box" aria-label={t("employer.gig.codeLabel")}>
                <div>{t("employer.gig.codeLabel")}</div>
                <div className="lg-check-in-code" data-testid="check-in-code">
                  {g.checkInCode}
                </div>
                <div className="lg-muted">{t("employer.gig.codeHint")}</div>
              </section>
            )}
          </div>
        )}
      </Card>
      {g && (
        <Card style={{ marginTop: 16 }}>
          <Tabs
            activeKey={tab}
            onChange={(key) => setParams({ tab: key }, { replace: true })}
            items={[
              {
                key: "applicants",
                label: t("employer.gig.tabs.applicants"),
                children: <ApplicantsTab gigId={g.id} onChanged={gig.reload} />,
              },
              {
                key: "invite",
                label: t("employer.gig.tabs.invite"),
                children: <InviteTab gigId={g.id} open={g.status === "open"} />,
              },
              {
                key: "crew",
                label: t("employer.gig.tabs.crew"),
                children: <CrewTab gigId={g.id} onChanged={gig.reload} />,
              },
            ]}
          />
        </Card>
      )}
    </>
  );
}
