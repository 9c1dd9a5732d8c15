/** Notifications that change 我的活: the screen reloads on them and its tab shows how many are unread. */
export const WORK_NEWS = [
  "invitation_received",
  "application_accepted",
  "application_declined",
  "gig_cancelled",
  "booking_cancelled_by_employer",
] as const;
