/**
 * Administration for the bureaus (系统管理): stations and staff accounts (district and city
 * admins, each within her scope), the category catalogue and city settings (city admin).
 */
import { ADMIN_ROLES, currentUser } from "../platform/http/access.ts";
import { errorResponses, IdParams, Ok } from "../platform/http/schemas.ts";
import type { App } from "../platform/http/types.ts";
import {
  CategoryInput,
  CategoryList,
  CategoryParams,
  CategoryPatch,
  CategoryView,
  CitySettings,
  CitySettingsView,
  PasswordReset,
  StaffInput,
  StaffList,
  StaffPatch,
  StaffView,
  StationInput,
  StationList,
  StationPatch,
  StationView,
} from "./administration.schemas.ts";
import { createCategory, listCategoriesForAdmin, updateCategory } from "./category-catalogue.service.ts";
import { getCitySettings, saveCitySettings } from "./city-settings.service.ts";
import { createStaff, listStaffFor, resetPassword, updateStaff } from "./staff-accounts.service.ts";
import { createStation, listStationsFor, updateStation } from "./station-directory.service.ts";

const tags = ["administration"];
const CITY_ADMIN = ["city_admin"] as const;

export async function administrationRoutes(app: App): Promise<void> {
  const ctx = app.ctx;

  app.get(
    "/api/admin/stations",
    {
      config: { access: ADMIN_ROLES },
      schema: {
        tags,
        summary: "Stations and markets, active or not (a district admin's district only)",
        response: { 200: StationList, ...errorResponses },
      },
    },
    async (request) => listStationsFor(ctx, currentUser(request)),
  );

  app.post(
    "/api/admin/stations",
    {
      config: { access: ADMIN_ROLES },
      schema: {
        tags,
        summary: "Open a station or market; its point must lie inside its district",
        body: StationInput,
        response: { 201: StationView, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createStation(ctx, currentUser(request), request.body, request.ip)),
  );

  app.patch(
    "/api/admin/stations/:id",
    {
      config: { access: ADMIN_ROLES },
      schema: {
        tags,
        summary: "Edit, deactivate or reactivate a station",
        params: IdParams,
        body: StationPatch,
        response: { 200: StationView, ...errorResponses },
      },
    },
    async (request) => updateStation(ctx, currentUser(request), request.params.id, request.body, request.ip),
  );

  app.get(
    "/api/admin/staff",
    {
      config: { access: ADMIN_ROLES },
      schema: {
        tags,
        summary: "Staff accounts: all for the city admin, the district's station staff for a district admin",
        response: { 200: StaffList, ...errorResponses },
      },
    },
    async (request) => listStaffFor(ctx, currentUser(request)),
  );

  app.post(
    "/api/admin/staff",
    {
      config: { access: ADMIN_ROLES },
      schema: {
        tags,
        summary: "Create a station staff account, or (city admin) a district admin account",
        body: StaffInput,
        response: { 201: StaffView, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createStaff(ctx, currentUser(request), request.body, request.ip)),
  );

  app.patch(
    "/api/admin/staff/:id",
    {
      config: { access: ADMIN_ROLES },
      schema: {
        tags,
        summary: "Rename, move, disable or enable a staff account",
        params: IdParams,
        body: StaffPatch,
        response: { 200: StaffView, ...errorResponses },
      },
    },
    async (request) => updateStaff(ctx, currentUser(request), request.params.id, request.body, request.ip),
  );

  app.post(
    "/api/admin/staff/:id/password",
    {
      config: { access: ADMIN_ROLES },
      schema: {
        tags,
        summary: "Set a new password for a staff account; its open sessions end",
        params: IdParams,
        body: PasswordReset,
        response: { 200: Ok, ...errorResponses },
      },
    },
    async (request) => resetPassword(ctx, currentUser(request), request.params.id, request.body, request.ip),
  );

  app.get(
    "/api/admin/categories",
    {
      config: { access: CITY_ADMIN },
      schema: {
        tags,
        summary:
          "The city's category catalogue: the national base with the city's settings, and its own; inactive ones included",
        response: { 200: CategoryList, ...errorResponses },
      },
    },
    async (request) => listCategoriesForAdmin(ctx, currentUser(request)),
  );

  app.post(
    "/api/admin/categories",
    {
      config: { access: CITY_ADMIN },
      schema: {
        tags,
        summary: "Add a category of the city's own (no other city sees it)",
        body: CategoryInput,
        response: { 201: CategoryView, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createCategory(ctx, currentUser(request), request.body, request.ip)),
  );

  app.patch(
    "/api/admin/categories/:code",
    {
      config: { access: CITY_ADMIN },
      schema: {
        tags,
        summary:
          "Edit a category, or deactivate it (it is never deleted); for a national one, only the city's reference pay, order and whether it is offered",
        params: CategoryParams,
        body: CategoryPatch,
        response: { 200: CategoryView, ...errorResponses },
      },
    },
    async (request) =>
      updateCategory(ctx, currentUser(request), request.params.code, request.body, request.ip),
  );

  app.get(
    "/api/admin/settings",
    {
      config: { access: CITY_ADMIN },
      schema: {
        tags,
        summary: "The city's market rules",
        response: { 200: CitySettingsView, ...errorResponses },
      },
    },
    async (request) => getCitySettings(ctx, currentUser(request)),
  );

  app.put(
    "/api/admin/settings",
    {
      config: { access: CITY_ADMIN },
      schema: {
        tags,
        summary: "Replace the city's market rules (each within its bounds)",
        body: CitySettings,
        response: { 200: CitySettingsView, ...errorResponses },
      },
    },
    async (request) => saveCitySettings(ctx, currentUser(request), request.body, request.ip),
  );
}
