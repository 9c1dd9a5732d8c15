/**
 * The counter acting for a worker without a smartphone (代办): her work, and the worker's own
 * commands run by staff with her consent. The gigs recommended for her are in matching's routes.
 */
import { Type } from "typebox";
import { accept } from "../bookings/accept.service.ts";
import { answerWithoutBooking, apply, myApplications } from "../bookings/applications.service.ts";
import { Application, Booking } from "../bookings/bookings.schemas.ts";
import { cancelBooking, confirmBooking, workerBookings } from "../bookings/bookings.service.ts";
import { Payment } from "../payments/payments.schemas.ts";
import { confirmPayment, disputePayment, workerEarnings } from "../payments/payments.service.ts";
import { currentUser } from "../platform/http/access.ts";
import { errorResponses } from "../platform/http/schemas.ts";
import type { App } from "../platform/http/types.ts";
import { maskName, maskPhone } from "../privacy/mask.ts";
import { Shift } from "../shifts/shifts.schemas.ts";
import { checkIn, checkOut } from "../shifts/shifts.service.ts";
import {
  ActOnBehalf,
  ApplyForWorkerBody,
  CancelForWorkerBody,
  CheckInForWorkerBody,
  ConsentBody,
  DisputeForWorkerBody,
  WorkerMatch,
  WorkerParams,
  WorkerSearchQuery,
  WorkerSubjectParams,
  WorkOfWorker,
} from "./on-behalf.schemas.ts";
import { actsDoneForMe, findWorkersForCounter } from "./on-behalf.service.ts";
import { actForWorker, workerActedFor } from "./on-behalf.ts";

const tags = ["stations"];
const COUNTER_STAFF = ["station_staff", "district_admin"] as const;

export async function onBehalfRoutes(app: App): Promise<void> {
  app.get(
    "/api/stations/workers/:workerId/work",
    {
      config: { access: COUNTER_STAFF },
      schema: {
        tags,
        summary: "A walk-in worker's invitations, applications, bookings and pay, for the counter (代办)",
        params: WorkerParams,
        response: {
          200: WorkOfWorker,
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const worker = await workerActedFor(app.ctx, currentUser(request), request.params.workerId);
      const [applications, bookings, earnings] = await Promise.all([
        myApplications(app.ctx, worker),
        workerBookings(app.ctx, worker),
        workerEarnings(app.ctx, worker),
      ]);
      // Staff know her; her number and the employer's still are not theirs to read in full here.
      const masked = bookings.map((b) => ({
        ...b,
        workerPhone: maskPhone(b.workerPhone),
        employerPhone: maskPhone(b.employerPhone),
      }));
      return {
        worker: { userId: worker.id, name: maskName(worker.displayName) },
        applications,
        bookings: masked,
        earnings,
      };
    },
  );

  app.get(
    "/api/stations/workers",
    {
      config: { access: COUNTER_STAFF },
      schema: {
        tags,
        summary: "Find a worker of my district by name or phone (full, or its last 4 digits); masked",
        querystring: WorkerSearchQuery,
        response: { 200: Type.Array(WorkerMatch), ...errorResponses },
      },
    },
    async (request) => findWorkersForCounter(app.ctx, currentUser(request), request.query.q),
  );

  app.post(
    "/api/stations/workers/:workerId/applications",
    {
      config: { access: COUNTER_STAFF, idempotent: true },
      schema: {
        tags,
        summary: "Apply to a gig for her, with her consent (代她报名)",
        params: WorkerParams,
        body: ApplyForWorkerBody,
        response: { 201: Application, ...errorResponses },
      },
    },
    async (request, reply) => {
      const [staff, workerId, ip] = [currentUser(request), request.params.workerId, request.ip];
      const { gigId, message, consentNote } = request.body;
      const made = await actForWorker(app.ctx, staff, workerId, "apply", { consentNote }, ip, (worker) =>
        apply(app.ctx, worker, gigId, message),
      );
      return reply.status(201).send(made);
    },
  );

  app.post(
    "/api/stations/workers/:workerId/applications/:id/accept",
    {
      config: { access: COUNTER_STAFF, idempotent: true },
      schema: {
        tags,
        summary: "Accept an invitation for her (代她接受邀请); makes the booking",
        params: WorkerSubjectParams,
        body: ConsentBody,
        response: { 200: Booking, ...errorResponses },
      },
    },
    async (request) => {
      const [staff, workerId, ip] = [currentUser(request), request.params.workerId, request.ip];
      return actForWorker(app.ctx, staff, workerId, "accept", request.body, ip, (worker) =>
        accept(app.ctx, worker, request.params.id),
      );
    },
  );

  app.post(
    "/api/stations/workers/:workerId/applications/:id/decline",
    {
      config: { access: COUNTER_STAFF, idempotent: true },
      schema: {
        tags,
        summary: "Decline an invitation for her (代她谢绝邀请)",
        params: WorkerSubjectParams,
        body: ConsentBody,
        response: { 200: Application, ...errorResponses },
      },
    },
    async (request) => {
      const [staff, workerId, ip] = [currentUser(request), request.params.workerId, request.ip];
      return actForWorker(app.ctx, staff, workerId, "decline", request.body, ip, (worker) =>
        answerWithoutBooking(app.ctx, worker, request.params.id, "decline"),
      );
    },
  );

  app.post(
    "/api/stations/workers/:workerId/bookings/:id/confirm",
    {
      config: { access: COUNTER_STAFF, idempotent: true },
      schema: {
        tags,
        summary: "Confirm she will come (代她确认到岗)",
        params: WorkerSubjectParams,
        body: ConsentBody,
        response: { 200: Booking, ...errorResponses },
      },
    },
    async (request) => {
      const [staff, workerId, ip] = [currentUser(request), request.params.workerId, request.ip];
      return actForWorker(app.ctx, staff, workerId, "confirm", request.body, ip, (worker) =>
        confirmBooking(app.ctx, worker, request.params.id),
      );
    },
  );

  app.post(
    "/api/stations/workers/:workerId/bookings/:id/cancel",
    {
      config: { access: COUNTER_STAFF, idempotent: true },
      schema: {
        tags,
        summary: "Cancel her booking before check-in (代她取消)",
        params: WorkerSubjectParams,
        body: CancelForWorkerBody,
        response: { 200: Booking, ...errorResponses },
      },
    },
    async (request) => {
      const [staff, workerId, ip] = [currentUser(request), request.params.workerId, request.ip];
      const { consentNote, ...cancel } = request.body;
      return actForWorker(app.ctx, staff, workerId, "cancel", { consentNote }, ip, (worker) =>
        cancelBooking(app.ctx, worker, request.params.id, cancel),
      );
    },
  );

  app.post(
    "/api/stations/workers/:workerId/bookings/:id/check-in",
    {
      config: { access: COUNTER_STAFF, idempotent: true },
      schema: {
        tags,
        summary: "Check her in with the employer's code read to staff by phone (代她签到)",
        params: WorkerSubjectParams,
        body: CheckInForWorkerBody,
        response: { 200: Shift, ...errorResponses },
      },
    },
    async (request) => {
      const [staff, workerId, ip] = [currentUser(request), request.params.workerId, request.ip];
      const { consentNote, code } = request.body;
      return actForWorker(app.ctx, staff, workerId, "check_in", { consentNote }, ip, (worker) =>
        checkIn(app.ctx, worker, request.params.id, { code }),
      );
    },
  );

  app.post(
    "/api/stations/workers/:workerId/bookings/:id/check-out",
    {
      config: { access: COUNTER_STAFF, idempotent: true },
      schema: {
        tags,
        summary: "Check her out when she phones at the end of the shift (代她签退)",
        params: WorkerSubjectParams,
        body: ConsentBody,
        response: { 200: Shift, ...errorResponses },
      },
    },
    async (request) => {
      const [staff, workerId, ip] = [currentUser(request), request.params.workerId, request.ip];
      return actForWorker(app.ctx, staff, workerId, "check_out", request.body, ip, (worker) =>
        checkOut(app.ctx, worker, request.params.id, undefined),
      );
    },
  );

  app.post(
    "/api/stations/workers/:workerId/payments/:id/confirm",
    {
      config: { access: COUNTER_STAFF, idempotent: true },
      schema: {
        tags,
        summary: "Confirm she received her pay (代她确认收款)",
        params: WorkerSubjectParams,
        body: ConsentBody,
        response: { 200: Payment, ...errorResponses },
      },
    },
    async (request) => {
      const [staff, workerId, ip] = [currentUser(request), request.params.workerId, request.ip];
      return actForWorker(app.ctx, staff, workerId, "confirm_payment", request.body, ip, (worker) =>
        confirmPayment(app.ctx, worker, request.params.id),
      );
    },
  );

  app.post(
    "/api/stations/workers/:workerId/payments/:id/dispute",
    {
      config: { access: COUNTER_STAFF, idempotent: true },
      schema: {
        tags,
        summary: "Dispute a payment record for her (代她对工钱提出异议)",
        params: WorkerSubjectParams,
        body: DisputeForWorkerBody,
        response: { 200: Payment, ...errorResponses },
      },
    },
    async (request) => {
      const [staff, workerId, ip] = [currentUser(request), request.params.workerId, request.ip];
      const { consentNote, reason } = request.body;
      return actForWorker(app.ctx, staff, workerId, "dispute_payment", { consentNote }, ip, (worker) =>
        disputePayment(app.ctx, worker, request.params.id, reason),
      );
    },
  );

  app.get(
    "/api/workers/me/acts-on-behalf",
    {
      config: { access: ["worker"] },
      schema: {
        tags,
        summary: "What station staff did for me, with my consent (代办记录)",
        response: { 200: Type.Array(ActOnBehalf), ...errorResponses },
      },
    },
    async (request) => actsDoneForMe(app.ctx, currentUser(request)),
  );
}
