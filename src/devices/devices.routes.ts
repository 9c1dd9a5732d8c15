/**
 * Devices of a station. Staff of the station's district enrol, list and revoke them; the device
 * itself calls only `/api/devices/enrol` and the `/api/devices/self/...` routes, with its own
 * token (`Authorization: Device …`), which no other route accepts (decision 0011); elsewhere the
 * token only puts the request in the device's city (the terminal asking for a sign-in code).
 */
import { Type } from "typebox";
import { ADMIN_ROLES, currentUser, type RequestDevice, STAFF_ROLES } from "../platform/http/access.ts";
import { errorResponses, IdParams, Ok } from "../platform/http/schemas.ts";
import type { App } from "../platform/http/types.ts";
import { stationBoard } from "./board.service.ts";
import { streamBoard } from "./board.stream.ts";
import { deviceErrors } from "./devices.errors.ts";
import {
  ApplicationSlip,
  Board,
  Device,
  DeviceBody,
  DeviceSelf,
  DeviceUseBody,
  DeviceUseDistrictRow,
  DeviceUseQuery,
  DeviceUseRow,
  EnrolBody,
  Enrolled,
  EnrolmentTicket,
  GigPostedSlip,
  KioskApplyBody,
  KioskEmployerBody,
  KioskGigBody,
  KioskGigs,
  KioskGigsQuery,
  KioskPerson,
  KioskSignInBody,
  KioskWorkerBody,
  QrSignInClaim,
  QrSignInSecret,
  QrSignInStarted,
  QrSignInView,
  QueueSlip,
  QueueSlipBody,
  StationDevicesQuery,
} from "./devices.schemas.ts";
import { createDevice, describeDevice, enrolWithCode, listDevices, revokeDevice } from "./devices.service.ts";
import {
  countTerminalUse,
  kioskGigs,
  stationQueueSlips,
  takeQueueSlip,
  terminalUse,
  terminalUseByDistrict,
} from "./kiosk.service.ts";
import {
  KIOSK_PERSON_HEADER,
  kioskApply,
  kioskPerson,
  kioskPostGig,
  kioskRegisterEmployer,
  kioskRegisterWorker,
  kioskSignIn,
  kioskSignOut,
} from "./kiosk-people.service.ts";
import { claimQrSignIn, confirmQrSignIn, describeQrSignIn, startQrSignIn } from "./qr-sign-in.service.ts";

const tags = ["devices"];

/** The device of a route whose access is "device" (the access hook has already refused others). */
export function currentDevice(request: { device: RequestDevice | null }): RequestDevice {
  if (!request.device) throw deviceErrors.device_not_found();
  return request.device;
}

export async function deviceRoutes(app: App): Promise<void> {
  // Live streams never end by themselves: the server ends them when it shuts down.
  const shutdown = new AbortController();
  app.addHook("preClose", async () => shutdown.abort());

  app.post(
    "/api/devices",
    {
      config: { access: STAFF_ROLES },
      schema: {
        tags,
        summary:
          "Enrol a self-service terminal or an information screen to a station (the code is shown once)",
        body: DeviceBody,
        response: { 201: EnrolmentTicket, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createDevice(app.ctx, currentUser(request), request.body, request.ip)),
  );

  app.get(
    "/api/devices",
    {
      config: { access: STAFF_ROLES },
      schema: {
        tags,
        summary: "A station's devices with when each was last seen",
        querystring: StationDevicesQuery,
        response: { 200: Type.Array(Device), ...errorResponses },
      },
    },
    async (request) => listDevices(app.ctx, currentUser(request), request.query.stationId),
  );

  app.post(
    "/api/devices/:id/revoke",
    {
      config: { access: STAFF_ROLES },
      schema: {
        tags,
        summary: "Revoke a device: its token stops working at once, on every server",
        params: IdParams,
        response: { 200: Device, ...errorResponses },
      },
    },
    async (request) => revokeDevice(app.ctx, currentUser(request), request.params.id, request.ip),
  );

  app.post(
    "/api/devices/enrol",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "The device trades its one-time enrolment code for its device token",
        body: EnrolBody,
        response: { 200: Enrolled, ...errorResponses },
      },
    },
    async (request) => enrolWithCode(app.ctx, request.body.code),
  );

  app.get(
    "/api/devices/self",
    {
      config: { access: "device" },
      schema: {
        tags,
        summary: "The calling device and its station",
        response: { 200: DeviceSelf, ...errorResponses },
      },
    },
    async (request) => describeDevice(app.ctx, currentDevice(request)),
  );

  app.get(
    "/api/devices/self/board",
    {
      config: { access: "device" },
      schema: {
        tags,
        summary: "The station's board: open gigs nearby, today's hires as a count (no personal data)",
        response: { 200: Board, ...errorResponses },
      },
    },
    async (request) => stationBoard(app.ctx, currentDevice(request)),
  );

  app.get(
    "/api/devices/self/stream",
    {
      config: { access: "device" },
      schema: { tags, summary: "The station's board, live (server-sent events `board`)" },
    },
    async (request, reply) => streamBoard(app.ctx, currentDevice(request), reply, shutdown.signal),
  );

  app.get(
    "/api/devices/self/gigs",
    {
      config: { access: "device" },
      schema: {
        tags,
        summary: "The terminal: today's or tomorrow's open gigs near its station, by category",
        querystring: KioskGigsQuery,
        response: { 200: KioskGigs, ...errorResponses },
      },
    },
    async (request) => kioskGigs(app.ctx, currentDevice(request), request.query),
  );

  app.post(
    "/api/devices/self/queue-slips",
    {
      config: { access: "device" },
      schema: {
        tags,
        summary: "The terminal: a numbered queue slip (排队单) for the counter, for a person without a phone",
        body: QueueSlipBody,
        response: { 201: QueueSlip, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await takeQueueSlip(app.ctx, currentDevice(request), request.body.categoryCode)),
  );

  app.post(
    "/api/devices/self/uses",
    {
      config: { access: "device" },
      schema: {
        tags,
        summary: "The terminal counts a use: a person's session began, or a slip was printed",
        body: DeviceUseBody,
        response: { 200: Ok, ...errorResponses },
      },
    },
    async (request) => countTerminalUse(app.ctx, currentDevice(request), request.body.kind),
  );

  const personToken = (request: { headers: Record<string, string | string[] | undefined> }) => {
    const value = request.headers[KIOSK_PERSON_HEADER];
    return typeof value === "string" ? value : undefined;
  };

  app.post(
    "/api/devices/self/sign-in",
    {
      config: { access: "device" },
      schema: {
        tags,
        summary:
          "The terminal: a person signs in (registers on first sign-in) with phone + SMS code; consent recorded for the kiosk channel",
        body: KioskSignInBody,
        response: { 200: KioskPerson, ...errorResponses },
      },
    },
    async (request) => kioskSignIn(app.ctx, currentDevice(request), request.body, request.ip),
  );

  app.post(
    "/api/devices/self/sign-out",
    {
      config: { access: "device" },
      schema: {
        tags,
        summary:
          "The terminal ends the person's session (X-Person-Token) when she leaves or the terminal resets",
        response: { 200: Ok, ...errorResponses },
      },
    },
    async (request) => kioskSignOut(app.ctx, currentDevice(request), personToken(request)),
  );

  app.post(
    "/api/devices/self/worker-profile",
    {
      config: { access: "device" },
      schema: {
        tags,
        summary: "The terminal: a worker registered here gives her name and the work she wants",
        body: KioskWorkerBody,
        response: { 200: Ok, ...errorResponses },
      },
    },
    async (request) => {
      const device = currentDevice(request);
      const worker = await kioskPerson(app.ctx, personToken(request), "worker");
      return kioskRegisterWorker(app.ctx, device, worker, request.body);
    },
  );

  app.post(
    "/api/devices/self/applications",
    {
      config: { access: "device" },
      schema: {
        tags,
        summary: "The terminal: the signed-in worker applies to a gig and gets the application slip to print",
        body: KioskApplyBody,
        response: { 201: ApplicationSlip, ...errorResponses },
      },
    },
    async (request, reply) => {
      const device = currentDevice(request);
      const worker = await kioskPerson(app.ctx, personToken(request), "worker");
      return reply.status(201).send(await kioskApply(app.ctx, device, worker, request.body.gigId));
    },
  );

  app.post(
    "/api/devices/self/employer-profile",
    {
      config: { access: "device" },
      schema: {
        tags,
        summary:
          "The terminal: an employer signed in here says who is hiring (a person or household, or a business with its credit code)",
        body: KioskEmployerBody,
        response: { 200: Ok, ...errorResponses },
      },
    },
    async (request) => {
      const device = currentDevice(request);
      const employer = await kioskPerson(app.ctx, personToken(request), "employer");
      return kioskRegisterEmployer(app.ctx, device, employer, request.body);
    },
  );

  app.post(
    "/api/devices/self/gigs",
    {
      config: { access: "device" },
      schema: {
        tags,
        summary:
          "The terminal: the signed-in employer posts a gig by choices (same rules and screening as the portal) and gets the posting slip",
        body: KioskGigBody,
        response: { 201: GigPostedSlip, ...errorResponses },
      },
    },
    async (request, reply) => {
      const device = currentDevice(request);
      const employer = await kioskPerson(app.ctx, personToken(request), "employer");
      return reply.status(201).send(await kioskPostGig(app.ctx, device, employer, request.body));
    },
  );

  app.get(
    "/api/devices/queue-slips",
    {
      config: { access: STAFF_ROLES },
      schema: {
        tags,
        summary: "Today's queue slips taken at the station's terminals",
        querystring: StationDevicesQuery,
        response: { 200: Type.Array(QueueSlip), ...errorResponses },
      },
    },
    async (request) => stationQueueSlips(app.ctx, currentUser(request), request.query.stationId),
  );

  app.get(
    "/api/devices/use",
    {
      config: { access: ADMIN_ROLES },
      schema: {
        tags,
        summary: "Terminal use (sessions, applications, slips printed, queue slips) per station and day",
        querystring: DeviceUseQuery,
        response: { 200: Type.Array(DeviceUseRow), ...errorResponses },
      },
    },
    async (request) => terminalUse(app.ctx, currentUser(request), request.query),
  );

  app.get(
    "/api/devices/use/districts",
    {
      config: { access: ADMIN_ROLES },
      schema: {
        tags,
        summary: "Terminal use (sessions, applications, slips printed, queue slips) per district and day",
        querystring: DeviceUseQuery,
        response: { 200: Type.Array(DeviceUseDistrictRow), ...errorResponses },
      },
    },
    async (request) => terminalUseByDistrict(app.ctx, currentUser(request), request.query),
  );

  app.post(
    "/api/devices/self/qr-sign-ins",
    {
      config: { access: "device" },
      schema: {
        tags,
        summary:
          "The terminal asks for a sign-in by QR code (扫码登录): the worker app opens `url`; two minutes",
        response: { 201: QrSignInStarted, ...errorResponses },
      },
    },
    async (request, reply) => {
      reply.code(201);
      return startQrSignIn(app.ctx, currentDevice(request));
    },
  );

  app.post(
    "/api/devices/self/qr-sign-ins/:id/claim",
    {
      config: { access: "device" },
      schema: {
        tags,
        summary: "The terminal asks again: still waiting, or signed in once the worker confirmed in her app",
        params: IdParams,
        response: { 200: QrSignInClaim, ...errorResponses },
      },
    },
    async (request) => claimQrSignIn(app.ctx, currentDevice(request), request.params.id),
  );

  app.post(
    "/api/terminal-sign-ins/:id/look",
    {
      config: { access: ["worker"] },
      schema: {
        tags,
        summary:
          "The worker app reads which station's terminal asks to sign her in (the secret from its QR code)",
        params: IdParams,
        body: QrSignInSecret,
        response: { 200: QrSignInView, ...errorResponses },
      },
    },
    async (request) =>
      describeQrSignIn(app.ctx, currentUser(request), request.params.id, request.body.secret),
  );

  app.post(
    "/api/terminal-sign-ins/:id/confirm",
    {
      config: { access: ["worker"] },
      schema: {
        tags,
        summary: "The worker confirms in her app: the terminal that showed the QR code signs her in",
        params: IdParams,
        body: QrSignInSecret,
        response: { 200: Ok, ...errorResponses },
      },
    },
    async (request) => confirmQrSignIn(app.ctx, currentUser(request), request.params.id, request.body.secret),
  );
}
