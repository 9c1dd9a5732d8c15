/**
 * 我的活: shifts booked (confirm, cancel, go to today's check-in), invitations from employers
 * (accept / decline) and the worker's own applications (withdraw while pending).
 */
import { Tabs } from "antd-mobile";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router-dom";
import { useLiveRefresh } from "../../notifications/NotificationsProvider.tsx";
import { get, itemsOf } from "../../shared/api.ts";
import type { Booking, WorkerApplication } from "../../shared/api-types.ts";
import { useResource } from "../../shared/useResource.ts";
import { ErrorLine, PageHeader } from "../parts.tsx";
import { ApplicationList } from "./ApplicationList.tsx";
import { BookingList } from "./BookingList.tsx";

const TABS = ["shifts", "invitations", "applications"] as const;
type Tab = (typeof TABS)[number];
/** Notifications that change what this screen shows: it reloads when one arrives. */
const WORK_NEWS = [
  "invitation_received",
  "application_accepted",
  "application_declined",
  "gig_cancelled",
  "booking_cancelled_by_employer",
] as const;

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
          onChanged={reloadAll}
        />
      )}
      {tab === "applications" && (
        <ApplicationList applications={applications.data && own} kind="application" onChanged={reloadAll} />
      )}
    </>
  );
}
