/**
 * 我的活: shifts booked (confirm, cancel, go to today's check-in), invitations from employers
 * (accept / decline) and the worker's own applications (withdraw while pending).
 */
import { Tabs } from "antd-mobile";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router-dom";
import { useLiveRefresh } from "../../notifications/NotificationsProvider.tsx";
import { useNewItems } from "../../notifications/useNewItems.ts";
import { get, itemsOf } from "../../shared/api.ts";
import type { Booking, WorkerApplication } from "../../shared/api-types.ts";
import { useResource } from "../../shared/useResource.ts";
import { ErrorLine, PageHeader } from "../parts.tsx";
import { ApplicationList } from "./ApplicationList.tsx";
import { BookingList } from "./BookingList.tsx";
import { WORK_NEWS } from "./workNews.ts";

const TABS = ["shifts", "invitations", "applications"] as const;
type Tab = (typeof TABS)[number];

export default function MyWork() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab: Tab = TABS.find((key) => key === params.get("tab")) ?? "shifts";
  const bookings = useResource(async () => itemsOf(await get<Booking[]>("/api/workers/me/bookings")), []);
  const applications = useResource(
    async () => itemsOf(await get<WorkerApplication[]>("/api/workers/me/applications")),
    [],
  );
  const invitations = (applications.data ?? []).filter((a) => a.kind === "invitation");
  const own = (applications.data ?? []).filter((a) => a.kind === "application");
  const pendingInvitations = invitations.filter((a) => a.status === "pending").length;

  const reloadAll = async () => {
    await Promise.all([bookings.reload(), applications.reload()]);
  };
  useLiveRefresh(WORK_NEWS, reloadAll);
  const fresh = useNewItems(applications.data?.map((a) => a.id));

  return (
    <>
      <PageHeader title={t("work.title")} />
      <Tabs activeKey={tab} onChange={(key) => setParams({ tab: key }, { replace: true })}>
        <Tabs.Tab key="shifts" title={t("work.tabs.shifts")} />
        <Tabs.Tab
          key="invitations"
          title={
            pendingInvitations
              ? t("work.tabs.invitationsCount", { count: pendingInvitations })
              : t("work.tabs.invitations")
          }
        />
        <Tabs.Tab key="applications" title={t("work.tabs.applications")} />
      </Tabs>
      <ErrorLine message={bookings.error ?? applications.error} />
      {tab === "shifts" && <BookingList bookings={bookings.data} onChanged={reloadAll} />}
      {tab === "invitations" && (
        <ApplicationList
          applications={applications.data && invitations}
          kind="invitation"
          fresh={fresh}
          onChanged={reloadAll}
        />
      )}
      {tab === "applications" && (
        <ApplicationList
          applications={applications.data && own}
          kind="application"
          fresh={fresh}
          onChanged={reloadAll}
        />
      )}
    </>
  );
}
