/** Complaint routes: a worker files and follows hers; district staff list, take and close them. */
import { Type } from "typebox";
import { currentUser, STAFF_ROLES } from "../platform/http/access.ts";
import { errorResponses, IdParams } from "../platform/http/schemas.ts";
import type { App } from "../platform/http/types.ts";
import {
  ComplaintDetail,
  ComplaintItem,
  ComplaintQuery,
  FileComplaintBody,
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
}
