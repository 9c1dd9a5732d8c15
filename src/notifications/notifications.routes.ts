/** Routes of the notification centre: list, unread count, mark read, channels, live stream; delivery figures. */
import { Type } from "typebox";
import { ADMIN_ROLES, currentUser, WRITING_ROLES } from "../platform/http/access.ts";
import { errorResponses, IdParams, Uuid } from "../platform/http/schemas.ts";
import type { App } from "../platform/http/types.ts";
import {
  alertsOfWalkIn,
  deleteAlert,
  deleteAlertOfWalkIn,
  JobAlerts,
  myAlerts,
  saveAlert,
  saveAlertForWalkIn,
} from "./alerts.service.ts";
import {
  DeadLetter,
  DeliveryDay,
  JobAlert,
  JobAlertBody,
  ListQuery,
  NotificationList,
  Preferences,
  UnreadCount,
} from "./notifications.schemas.ts";
import * as service from "./notifications.service.ts";
import { NotificationHub, streamNotifications } from "./notifications.stream.ts";

const tags = ["notifications"];
const access = "signed_in" as const;
/** Marking read and choosing channels are writes, which the read-only province admin does not make. */
const writers = WRITING_ROLES;
const WALK_IN_HELPERS = ["station_staff", "district_admin", "city_admin"] as const;

export async function notificationRoutes(app: App): Promise<void> {
  const hub = new NotificationHub(app.ctx);
  const alerts = new JobAlerts(app.ctx);
  app.addHook("onReady", () => alerts.start());
  app.addHook("onClose", async () => {
    await hub.stop();
    await alerts.stop();
  });

  app.get(
    "/api/notifications",
    {
      config: { access },
      schema: {
        tags,
        summary: "My notifications, newest first, and how many are unread",
        querystring: ListQuery,
        response: { 200: NotificationList, ...errorResponses },
      },
    },
    async (request) => service.myNotifications(app.ctx, currentUser(request), request.lang, request.query),
  );

  app.get(
    "/api/notifications/unread-count",
    { config: { access }, schema: { tags, summary: "How many are unread", response: { 200: UnreadCount } } },
    async (request) => service.myUnreadCount(app.ctx, currentUser(request)),
  );

  app.post(
    "/api/notifications/:id/read",
    {
      config: { access: writers },
      schema: {
        tags,
        summary: "Mark one read",
        params: IdParams,
        response: { 200: UnreadCount, ...errorResponses },
      },
    },
    async (request) => service.markRead(app.ctx, currentUser(request), request.params.id),
  );

  app.post(
    "/api/notifications/read-all",
    {
      config: { access: writers },
      schema: { tags, summary: "Mark all read", response: { 200: UnreadCount } },
    },
    async (request) => service.markAllRead(app.ctx, currentUser(request)),
  );

  app.get(
    "/api/notifications/preferences",
    {
      config: { access },
      schema: {
        tags,
        summary: "My channels besides the app (SMS, voice call) and language",
        response: { 200: Preferences },
      },
    },
    async (request) => service.myPreferences(app.ctx, currentUser(request)),
  );

  app.put(
    "/api/notifications/preferences",
    {
      config: { access: writers },
      schema: {
        tags,
        summary: "Choose my channels and language",
        body: Preferences,
        response: { 200: Preferences, ...errorResponses },
      },
    },
    async (request) => service.savePreferences(app.ctx, currentUser(request), request.body),
  );

  app.get(
    "/api/notifications/stream",
    { config: { access }, schema: { tags, summary: "New notifications as they come (server-sent events)" } },
    async (request, reply) => streamNotifications(app.ctx, hub, currentUser(request), request.lang, reply),
  );

  app.get(
    "/api/notifications/delivery",
    {
      config: { access: ADMIN_ROLES },
      schema: {
        tags,
        summary: "SMS and voice messages sent and failed per channel and day (the city)",
        querystring: Type.Object({ days: Type.Integer({ minimum: 1, maximum: 92, default: 14 }) }),
        response: { 200: Type.Array(DeliveryDay), ...errorResponses },
      },
    },
    async (request) => service.deliveryFigures(app.ctx, currentUser(request), request.query.days),
  );

  app.get(
    "/api/notifications/dead-letters",
    {
      config: { access: ADMIN_ROLES },
      schema: {
        tags,
        summary: "Messages that could not be delivered after every retry",
        response: { 200: Type.Array(DeadLetter), ...errorResponses },
      },
    },
    async (request) => service.deadLetters(app.ctx, currentUser(request), request.lang),
  );

  app.post(
    "/api/notifications/dead-letters/:id/retry",
    {
      config: { access: ["city_admin"] },
      schema: {
        tags,
        summary: "Give an undelivered message another round of attempts (audited)",
        params: IdParams,
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await service.retryDeadLetter(app.ctx, currentUser(request), request.params.id, request.ip);
      return reply.code(204).send(null);
    },
  );

  app.get(
    "/api/job-alerts",
    {
      config: { access: ["worker"] },
      schema: {
        tags,
        summary: "My job alerts (订阅)",
        response: { 200: Type.Array(JobAlert), ...errorResponses },
      },
    },
    async (request) => myAlerts(app.ctx, currentUser(request)),
  );

  app.post(
    "/api/job-alerts",
    {
      config: { access: ["worker"] },
      schema: {
        tags,
        summary: "Save a search: new gigs that fit it are sent to me, a few a day at most",
        body: JobAlertBody,
        response: { 201: JobAlert, ...errorResponses },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      return reply.code(201).send(await saveAlert(app.ctx, user, request.body));
    },
  );

  app.post(
    "/api/workers/:id/job-alerts",
    {
      config: { access: WALK_IN_HELPERS },
      schema: {
        tags,
        summary: "Station staff save a job alert for a walk-in worker they registered",
        params: IdParams,
        body: JobAlertBody,
        response: { 201: JobAlert, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await saveAlertForWalkIn(
            app.ctx,
            currentUser(request),
            request.params.id,
            request.body,
            request.ip,
          ),
        ),
  );

  app.get(
    "/api/workers/:id/job-alerts",
    {
      config: { access: WALK_IN_HELPERS },
      schema: {
        tags,
        summary: "A walk-in worker's job alerts, for the staff helping her",
        params: IdParams,
        response: { 200: Type.Array(JobAlert), ...errorResponses },
      },
    },
    async (request) => alertsOfWalkIn(app.ctx, currentUser(request), request.params.id),
  );

  app.delete(
    "/api/workers/:id/job-alerts/:alertId",
    {
      config: { access: WALK_IN_HELPERS },
      schema: {
        tags,
        summary: "Station staff stop a walk-in worker's job alert (audited)",
        params: Type.Object({ id: Uuid, alertId: Uuid }),
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { id, alertId } = request.params;
      await deleteAlertOfWalkIn(app.ctx, currentUser(request), id, alertId, request.ip);
      return reply.code(204).send(null);
    },
  );

  app.delete(
    "/api/job-alerts/:id",
    {
      config: { access: ["worker"] },
      schema: {
        tags,
        summary: "Stop a job alert",
        params: IdParams,
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await deleteAlert(app.ctx, currentUser(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
}
