/** Every area's routes, in one list so nothing is registered twice or forgotten. */
import { authRoutes } from "./accounts/auth.routes.ts";
import { profileRoutes } from "./accounts/profile.routes.ts";
import { administrationRoutes } from "./administration/administration.routes.ts";
import { auditRoutes } from "./audit/audit.routes.ts";
import { applicationRoutes } from "./bookings/applications.routes.ts";
import { bookingRoutes } from "./bookings/bookings.routes.ts";
import { complaintRoutes } from "./complaints/complaints.routes.ts";
import { deviceRoutes } from "./devices/devices.routes.ts";
import { gigRoutes } from "./gigs/gigs.routes.ts";
import { importRoutes } from "./imports/imports.routes.ts";
import { matchingRoutes } from "./matching/matching.routes.ts";
import { monitoringRoutes } from "./monitoring/monitoring.routes.ts";
import { notificationRoutes } from "./notifications/notifications.routes.ts";
import { paymentRoutes } from "./payments/payments.routes.ts";
import { placeRoutes } from "./places/places.routes.ts";
import type { App } from "./platform/http/types.ts";
import { privacyRoutes } from "./privacy/privacy.routes.ts";
import { ratingRoutes } from "./ratings/ratings.routes.ts";
import { referenceRoutes } from "./reference/reference.routes.ts";
import { shiftRoutes } from "./shifts/shifts.routes.ts";
import { onBehalfRoutes } from "./stations/on-behalf.routes.ts";
import { stationRoutes } from "./stations/stations.routes.ts";
import { timesheetRoutes } from "./timesheets/timesheets.routes.ts";

export const routeModules: Array<(app: App) => Promise<void>> = [
  authRoutes,
  profileRoutes,
  referenceRoutes,
  placeRoutes,
  auditRoutes,
  administrationRoutes,
  importRoutes,

  gigRoutes,
  applicationRoutes,
  bookingRoutes,
  shiftRoutes,
  ratingRoutes,
  timesheetRoutes,
  paymentRoutes,
  monitoringRoutes,
  matchingRoutes,
  complaintRoutes,
  stationRoutes,
  onBehalfRoutes,
  notificationRoutes,
  deviceRoutes,
  privacyRoutes,
];
