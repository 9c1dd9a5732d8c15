/**
 * The API's shapes, as the server's TypeBox schemas declare them (docs/decisions/0009).
 * Only types cross over: `import type` is erased, so no server code reaches the bundle, and a
 * field renamed on the server fails `tsc -p web/tsconfig.json` wherever a screen reads it.
 * Nothing here is written by hand: each name is `Static<typeof Schema>` or a part of one.
 */
import type { Static } from "typebox";
import type * as auth from "../../../src/accounts/auth.schemas.ts";
import type * as profile from "../../../src/accounts/profile.schemas.ts";
import type * as administration from "../../../src/administration/administration.schemas.ts";
import type * as audit from "../../../src/audit/audit.schemas.ts";
import type * as bookings from "../../../src/bookings/bookings.schemas.ts";
import type * as complaints from "../../../src/complaints/complaints.schemas.ts";
import type * as devices from "../../../src/devices/devices.schemas.ts";
import type * as gigs from "../../../src/gigs/gigs.schemas.ts";
import type * as imports from "../../../src/imports/imports.schemas.ts";
import type * as matching from "../../../src/matching/matching.schemas.ts";
import type * as monitoring from "../../../src/monitoring/monitoring.schemas.ts";
import type * as notifications from "../../../src/notifications/notifications.schemas.ts";
import type * as payments from "../../../src/payments/payments.schemas.ts";
import type * as places from "../../../src/places/places.schemas.ts";
import type * as http from "../../../src/platform/http/schemas.ts";
import type * as privacy from "../../../src/privacy/privacy.schemas.ts";
import type * as ratings from "../../../src/ratings/ratings.schemas.ts";
import type * as reference from "../../../src/reference/reference.schemas.ts";
import type * as shifts from "../../../src/shifts/shifts.schemas.ts";
import type * as onBehalf from "../../../src/stations/on-behalf.schemas.ts";
import type * as stations from "../../../src/stations/stations.schemas.ts";
import type * as timesheets from "../../../src/timesheets/timesheets.schemas.ts";

// Accounts and reference data
export type Me = Static<typeof auth.Me>;
export type CodeSent = Static<typeof auth.CodeResponse>;
export type Role = Me["role"];
export type Reference = Static<typeof reference.Reference>;
export type CityChoice = Static<typeof reference.CityChoice>;
export type Division = Static<typeof reference.Division>;
export type Category = Static<typeof reference.Category>;
export type WorkerProfile = Static<typeof profile.WorkerProfileView>;
export type WorkerProfileInput = Static<typeof profile.WorkerProfileInput>;
export type Availability = Static<typeof profile.AvailabilitySchema>;
export type Sex = Static<typeof profile.SexSchema>;
export type EducationLevel = (typeof profile.EDUCATION_LEVELS)[number];
export type Certificate = (typeof profile.CERTIFICATES)[number];
export type EmployerProfile = Static<typeof profile.EmployerProfileView>;
export type EmployerProfileInput = Static<typeof profile.EmployerProfileInput>;

// Gigs
export type PayUnit = Static<typeof gigs.PayUnitSchema>;
export type Settlement = Static<typeof gigs.SettlementSchema>;
export type PostGigInput = Static<typeof gigs.PostGigBody>;
export type RequiredSex = (typeof gigs.REQUIRED_SEXES)[number];
export type RequiredAgeBand = (typeof gigs.REQUIRED_AGE_BANDS)[number];
export type RequiredEducation = (typeof gigs.REQUIRED_EDUCATIONS)[number];
export type GigBrowseQuery = Static<typeof gigs.BrowseQuery>;
/** A gig as the list shows it (GET /api/gigs). */
export type GigSummary = Static<typeof gigs.GigListItem>;
export type GigPage = Static<typeof gigs.GigPage>;
/** A gig in full (GET /api/gigs/:id); the check-in code only for its employer. */
export type Gig = Static<typeof gigs.GigDetail>;
export type MyGig = Static<typeof gigs.MyGig>;

// Applications, bookings, shifts, pay, ratings
export type BookingGig = Static<typeof bookings.GigSummary>;
export type Application = Static<typeof bookings.Application>;
export type WorkerApplication = Static<typeof bookings.WorkerApplication>;
export type Applicant = Static<typeof bookings.Applicant>;
export type Booking = Static<typeof bookings.Booking>;
export type BookingStatus = Booking["status"];
export type WorkerCancelReason = (typeof bookings.WORKER_CANCEL_REASONS)[number];
export type Attendance = Static<typeof shifts.Attendance>;
export type AttendanceEntry = Static<typeof shifts.AttendanceEntry>;
export type Timesheet = Static<typeof timesheets.Timesheet>;
export type Payment = Static<typeof payments.Payment>;
export type PaymentMethod = Static<typeof payments.PaymentMethod>;
export type PayStatus = Static<typeof payments.PayStatusSchema>;
export type Earnings = Static<typeof payments.Earnings>;
export type Payables = Static<typeof payments.Payables>;
export type Rating = Static<typeof ratings.Rating>;
export type RatingTag = Static<typeof ratings.RatingTagSchema>;
export type MyRatings = Static<typeof ratings.MyRatings>;

// Matching
export type GigRecommendation = Static<typeof matching.GigRecommendation>;
export type WorkerRecommendation = Static<typeof matching.WorkerRecommendation>;
export type DispatchPreview = Static<typeof matching.DispatchPreview>;
export type DispatchOffer = Static<typeof matching.DispatchOffer>;
export type DispatchSent = Static<typeof matching.DispatchSent>;
export type DispatchProgress = Static<typeof matching.DispatchProgress>;
export type DispatchProgressOffer = Static<typeof matching.DispatchProgressOffer>;
export type CallCard = Static<typeof matching.CallCard>;

// Complaints and the station console
export type Complaint = Static<typeof complaints.ComplaintItem>;
export type ComplaintDetail = Static<typeof complaints.ComplaintDetail>;
export type ComplaintKind = Static<typeof complaints.ComplaintKindSchema>;
export type ComplaintStatus = Static<typeof complaints.ComplaintStatusSchema>;
export type ServiceKind = (typeof stations.SERVICE_KINDS)[number];
export type ServiceRecord = Static<typeof stations.ServiceRecord>;
export type StationServices = Static<typeof stations.StationServices>;
export type WalkInWorker = Static<typeof stations.WalkInWorker>;
export type WalkInWorkerInput = Static<typeof stations.WalkInWorkerBody>;
/** The registration a walk-in already has: the `details.existing` of the 409. */
export type ExistingRegistration = Static<typeof stations.ExistingRegistration>;
export type EmployerMatch = Static<typeof stations.EmployerMatch>;
export type JobSlip = Static<typeof stations.JobSlip>;
/** 代办: a worker the counter found, and her work as staff see it. */
export type StationWorkerMatch = Static<typeof onBehalf.WorkerMatch>;
export type WorkOfWorker = Static<typeof onBehalf.WorkOfWorker>;

export type Ok = Static<typeof http.Ok>;

// Administration (系统管理)
export type Station = Static<typeof administration.StationView>;
export type StationInput = Static<typeof administration.StationInput>;
export type StationPatch = Static<typeof administration.StationPatch>;
export type Staff = Static<typeof administration.StaffView>;
export type StaffInput = Static<typeof administration.StaffInput>;
export type StaffPatch = Static<typeof administration.StaffPatch>;
export type AdminCategory = Static<typeof administration.CategoryView>;
export type CategoryInput = Static<typeof administration.CategoryInput>;
export type CategoryPatch = Static<typeof administration.CategoryPatch>;
export type CitySettings = Static<typeof administration.CitySettings>;
export type CitySettingsView = Static<typeof administration.CitySettingsView>;
export type ImportKind = Static<typeof imports.ImportKindName>;
export type ImportInput = Static<typeof imports.ImportInput>;
export type ImportResult = Static<typeof imports.ImportResult>;
export type ImportRowReport = Static<typeof imports.ImportRowReport>;
export type AuditRow = Static<typeof audit.AuditRow>;
export type AuditPage = Static<typeof audit.AuditPage>;
export type AuditQuery = Static<typeof audit.AuditQuery>;
export type PersonalViewsRow = Static<typeof audit.PersonalViewsRow>;
export type PersonalViewsQuery = Static<typeof audit.PersonalViewsQuery>;

// Monitoring (就业监测)
export type MonitoringQuery = Static<typeof monitoring.PeriodQuery>;
export type Figure = Static<typeof monitoring.Figure>;
export type PageHead = Pick<
  OverviewPage,
  "scope" | "period" | "previous" | "lastYear" | "partial" | "asOfEventId"
>;
export type OverviewPage = Static<typeof monitoring.OverviewPage>;
export type RatioRow = Static<typeof monitoring.RatioRow>;
export type ComparedRatioRow = Static<typeof monitoring.ComparedRatioRow>;
export type SupplyDemandPage = Static<typeof monitoring.SupplyDemandPage>;
export type OfficialFlowPage = Static<typeof monitoring.OfficialFlowPage>;
export type WagesPage = Static<typeof monitoring.WagesPage>;
export type QualityPage = Static<typeof monitoring.QualityPage>;
export type ComplaintsPage = Static<typeof monitoring.ComplaintsPage>;
export type DistrictsPage = Static<typeof monitoring.DistrictsPage>;
export type StationsPage = Static<typeof monitoring.StationsPage>;
export type ScreenPage = Static<typeof monitoring.ScreenPage>;
export type ScreenFeed = Static<typeof monitoring.ScreenFeed>;
export type DistrictRow = DistrictsPage["districts"][number];
/** The province's cities side by side and summed (province admin). */
export type CitiesPage = Static<typeof monitoring.CitiesPage>;
export type CityRow = CitiesPage["cities"][number];
export type LiveFigures = Static<typeof monitoring.LiveFigures>;
export type DrillFigure = (typeof monitoring.DRILL_FIGURES)[number];
export type DrillPage = Static<typeof monitoring.DrillResponse>;
export type ExportTable = (typeof monitoring.EXPORT_TABLES)[number];
export type GeoJson = Static<typeof monitoring.GeoResponse>;

// Places (all WGS-84)
export type Township = Static<typeof places.Township>;
export type GeocodeResult = Static<typeof places.GeocodeResult>;
export type GeocodePrecision = GeocodeResult["precision"];
export type MapConfig = Static<typeof places.MapConfig>;
export type DivisionBoundaries = Static<typeof reference.DivisionBoundaries>;
export type DistrictFeature = DivisionBoundaries["features"][number];

// Notifications
export type AppNotification = Static<typeof notifications.NotificationSchema>;
export type NotificationList = Static<typeof notifications.NotificationList>;
export type UnreadCount = Static<typeof notifications.UnreadCount>;
export type NotificationPreferences = Static<typeof notifications.Preferences>;
export type JobAlert = Static<typeof notifications.JobAlert>;
export type JobAlertBody = Static<typeof notifications.JobAlertBody>;
export type DeliveryDay = Static<typeof notifications.DeliveryDay>;
export type DeadLetter = Static<typeof notifications.DeadLetter>;

// Devices of a station: the self-service terminal and the information screen (decision 0011)
export type Device = Static<typeof devices.Device>;
export type EnrolmentTicket = Static<typeof devices.EnrolmentTicket>;
export type DeviceSelf = Static<typeof devices.DeviceSelf>;
export type Enrolled = Static<typeof devices.Enrolled>;
export type Board = Static<typeof devices.Board>;
export type BoardGig = Static<typeof devices.BoardGig>;
export type KioskGigs = Static<typeof devices.KioskGigs>;
export type QueueSlip = Static<typeof devices.QueueSlip>;
export type KioskPerson = Static<typeof devices.KioskPerson>;
export type QrSignInStarted = Static<typeof devices.QrSignInStarted>;
export type QrSignInClaim = Static<typeof devices.QrSignInClaim>;
export type QrSignInView = Static<typeof devices.QrSignInView>;
export type DeviceUseRow = Static<typeof devices.DeviceUseRow>;
export type DeviceUseDistrictRow = Static<typeof devices.DeviceUseDistrictRow>;
export type ApplicationSlip = Static<typeof devices.ApplicationSlip>;
export type GigPostedSlip = Static<typeof devices.GigPostedSlip>;
export type KioskGigBody = Static<typeof devices.KioskGigBody>;

// Personal information (个人信息): the legal documents, 我的数据, 注销账号
export type LegalDocument = Static<typeof privacy.LegalDocument>;
export type LegalVersions = Static<typeof privacy.LegalVersions>;
export type MyData = Static<typeof privacy.MyData>;
export type AccountClosed = Static<typeof privacy.AccountClosed>;
