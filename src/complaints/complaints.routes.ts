/** Complaint routes: a worker files and follows hers; district staff list, take and close them. */
import { Type } from "typebox";
import { currentUser, STAFF_ROLES } from "../platform/http/access.ts";
import { errorResponses, IdParams } from "../platform/http/schemas.ts";
import type { App } from "../platform/http/types.ts";
import { WorkerParams } from "../stations/on-behalf.schemas.ts";
import { actForWorker } from "../stations/on-behalf.ts";
import { addFollowUp, referToInspection, updateInspection } from "./complaint-handling.service.ts";
import {
  ComplaintDetail,
  ComplaintItem,
  ComplaintQuery,
  FileComplaintBody,
  FileForWorkerBody,
  FollowUpBody,
  InspectionUpdateBody,
  ReferBody,
  ResolveComplaintBody,
} from "./complaints.schemas.ts";
import {
  assignComplaint,
  fileComplaint,
  getComplaint,
  listComplaints,
  myComplaints,
  resolveComplaint,
} from "./complaints.service.ts";

const tags = ["complaints"];
const COUNTER_STAFF = ["station_staff", "district_admin"] as const;

export async function complaintRoutes(app: App): Promise<void> {
  app.post(
    "/api/complaints",
    {
      config: { access: ["worker"] },
      schema: {
        tags,
        summary: "File a complaint (投诉) about a booking or gig of mine: 欠薪, fake post, fees, abuse …",
        body: FileComplaintBody,
        response: { 201: ComplaintItem, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await fileComplaint(app.ctx, currentUser(request), request.body)),
  );

  app.get(
    "/api/workers/me/complaints",
    {
      config: { access: ["worker"] },
      schema: {
        tags,
        summary: "My complaints and how they were handled",
        response: { 200: Type.Array(ComplaintItem), ...errorResponses },
      },
    },
    async (request) => myComplaints(app.ctx, currentUser(request)),
  );

  app.get(
    "/api/complaints",
    {
      config: { access: STAFF_ROLES },
      schema: {
        tags,
        summary: "Complaints of my district (names and phones masked), due soonest first",
        querystring: ComplaintQuery,
        response: { 200: Type.Array(ComplaintItem), ...errorResponses },
      },
    },
    async (request) => listComplaints(app.ctx, currentUser(request), request.query),
  );

  app.get(
    "/api/complaints/:id",
    {
      config: { access: STAFF_ROLES },
      schema: {
        tags,
        summary: "A complaint in full, with the employer's open arrears (audited view)",
        params: IdParams,
        response: { 200: ComplaintDetail, ...errorResponses },
      },
    },
    async (request) => getComplaint(app.ctx, currentUser(request), request.params.id, request.ip),
  );

  app.post(
    "/api/complaints/:id/assign",
    {
      config: { access: STAFF_ROLES },
      schema: {
        tags,
        summary: "Take a complaint (接手): it becomes mine and in progress",
        params: IdParams,
        response: { 200: ComplaintDetail, ...errorResponses },
      },
    },
    async (request) => assignComplaint(app.ctx, currentUser(request), request.params.id, request.ip),
  );

  app.post(
    "/api/complaints/:id/resolve",
    {
      config: { access: STAFF_ROLES },
      schema: {
        tags,
        summary: "Close a complaint (办结): resolved, or rejected when the facts do not hold up",
        params: IdParams,
        body: ResolveComplaintBody,
        response: { 200: ComplaintDetail, ...errorResponses },
      },
    },
    async (request) =>
      resolveComplaint(app.ctx, currentUser(request), request.params.id, request.body, request.ip),
  );

  app.post(
    "/api/stations/workers/:workerId/complaints",
    {
      config: { access: COUNTER_STAFF, idempotent: true },
      schema: {
        tags,
        summary: "File a complaint for a walk-in worker, with her consent (代她投诉)",
        params: WorkerParams,
        body: FileForWorkerBody,
        response: { 201: ComplaintItem, ...errorResponses },
      },
    },
    async (request, reply) => {
      const [staff, ip] = [currentUser(request), request.ip];
      const { consentNote, ...complaint } = request.body;
      const filed = await actForWorker(
        app.ctx,
        staff,
        request.params.workerId,
        "file_complaint",
        { consentNote },
        ip,
        (worker) => fileComplaint(app.ctx, worker, complaint, { staffId: staff.id, consentNote }),
      );
      return reply.status(201).send(filed);
    },
  );

  app.post(
    "/api/complaints/:id/follow-ups",
    {
      config: { access: STAFF_ROLES, idempotent: true },
      schema: {
        tags,
        summary: "Log a follow-up (跟进): a call, a visit, mediation, pay recovered",
        params: IdParams,
        body: FollowUpBody,
        response: { 200: ComplaintDetail, ...errorResponses },
      },
    },
    async (request) =>
      addFollowUp(app.ctx, currentUser(request), request.params.id, request.body, request.ip),
  );

  app.post(
    "/api/complaints/:id/referral",
    {
      config: { access: STAFF_ROLES },
      schema: {
        tags,
        summary: "Hand the complaint to labour inspection (移交劳动保障监察) with its case number",
        params: IdParams,
        body: ReferBody,
        response: { 200: ComplaintDetail, ...errorResponses },
      },
    },
    async (request) =>
      referToInspection(app.ctx, currentUser(request), request.params.id, request.body, request.ip),
  );

  app.post(
    "/api/complaints/:id/inspection",
    {
      config: { access: STAFF_ROLES },
      schema: {
        tags,
        summary: "Record the inspection case's progress: 已立案 (accepted), 已结案 (concluded)",
        params: IdParams,
        body: InspectionUpdateBody,
        response: { 200: ComplaintDetail, ...errorResponses },
      },
    },
    async (request) =>
      updateInspection(app.ctx, currentUser(request), request.params.id, request.body, request.ip),
  );
}
