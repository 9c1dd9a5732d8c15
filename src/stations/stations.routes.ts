/** Station routes: the public list, and the counter's work — walk-ins, service records, slips, employers. */
import { Type } from "typebox";
import { MyGig } from "../gigs/gigs.schemas.ts";
import { employerGigsForStaff } from "../gigs/gigs.service.ts";
import { currentUser, STAFF_ROLES } from "../platform/http/access.ts";
import { errorResponses, IdParams } from "../platform/http/schemas.ts";
import type { App } from "../platform/http/types.ts";
import { jobSlip } from "./slip.service.ts";
import {
  EmployerMatch,
  EmployerQuery,
  JobSlip,
  ServiceRecordBody,
  SlipQuery,
  Station,
  StationServices,
  WalkInWorker,
  WalkInWorkerBody,
} from "./stations.schemas.ts";
import {
  addServiceRecord,
  findEmployers,
  listStations,
  myStationServices,
  registerWalkInWorker,
} from "./stations.service.ts";

const tags = ["stations"];

export async function stationRoutes(app: App): Promise<void> {
  app.get(
    "/api/stations",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "The city's gig markets and stations (零工市场、驿站) with address, point and opening hours",
        response: { 200: Type.Array(Station), ...errorResponses },
      },
    },
    async (request) => listStations(app.ctx, request.cityCode),
  );

  app.post(
    "/api/stations/walk-in-workers",
    {
      config: { access: ["station_staff"], idempotent: true },
      schema: {
        tags,
        summary: "Register a worker without a smartphone at the counter (窗口登记零工)",
        body: WalkInWorkerBody,
        response: { 201: WalkInWorker, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await registerWalkInWorker(app.ctx, currentUser(request), request.body, request.ip)),
  );

  app.post(
    "/api/stations/service-records",
    {
      config: { access: ["station_staff"], idempotent: true },
      schema: {
        tags,
        summary: "Record a service for a person (回访、推荐岗位、职业指导 …)",
        body: ServiceRecordBody,
        response: {
          201: Type.Object({ id: Type.String(), kind: Type.String(), createdAt: Type.String() }),
          ...errorResponses,
        },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addServiceRecord(app.ctx, currentUser(request), request.body, request.ip)),
  );

  app.get(
    "/api/stations/mine/service-records",
    {
      config: { access: ["station_staff"] },
      schema: {
        tags,
        summary: "My station's services: today's counts and the last week's records (masked)",
        response: { 200: StationServices, ...errorResponses },
      },
    },
    async (request) => myStationServices(app.ctx, currentUser(request)),
  );

  app.get(
    "/api/stations/employers",
    {
      config: { access: STAFF_ROLES },
      schema: {
        tags,
        summary: "Find an employer by name or credit code, to post a gig on its behalf (代发)",
        querystring: EmployerQuery,
        response: { 200: Type.Array(EmployerMatch), ...errorResponses },
      },
    },
    async (request) => findEmployers(app.ctx, currentUser(request), request.query.q),
  );

  app.get(
    "/api/stations/employers/:id/gigs",
    {
      config: { access: STAFF_ROLES },
      schema: {
        tags,
        summary:
          "An employer's gigs in my districts, with the answers each awaits (for an employer on the phone)",
        params: IdParams,
        response: { 200: Type.Array(MyGig), ...errorResponses },
      },
    },
    async (request) => employerGigsForStaff(app.ctx, currentUser(request), request.params.id),
  );

  app.get(
    "/api/gigs/:id/slip",
    {
      config: { access: STAFF_ROLES },
      schema: {
        tags,
        summary: "What a printed job slip (派工单) shows, with the URL its QR code opens; for a named worker",
        params: IdParams,
        querystring: SlipQuery,
        response: { 200: JobSlip, ...errorResponses },
      },
    },
    async (request) =>
      jobSlip(app.ctx, currentUser(request), request.params.id, request.ip, request.query.worker),
  );
}
