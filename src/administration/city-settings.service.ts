/**
 * City settings (城市设置): the rules the market runs by, tuned by the city admin.
 * Bookings, shifts and complaints read them from the cities row at the time of each action,
 * so a change applies to the next action without a restart.
 */
import type { Static } from "typebox";
import { recordAudit } from "../audit/audit.service.ts";
import type { AppContext } from "../platform/context.ts";
import { commonErrors } from "../platform/errors.ts";
import type { SessionUser } from "../platform/http/access.ts";
import * as repo from "./administration.repository.ts";
import type { CitySettings, CitySettingsView } from "./administration.schemas.ts";

type Settings = Static<typeof CitySettings>;

function settingsOf(city: repo.CityRow): Settings {
  return {
    checkInRadiusM: city.checkInRadiusM,
    freeCancelHours: city.freeCancelHours,
    noShowGraceMin: city.noShowGraceMin,
    autoCheckOutGraceMin: city.autoCheckOutGraceMin,
    disputeWindowHours: city.disputeWindowHours,
    complaintDueDays: city.complaintDueDays,
  };
}

function viewSettings(city: repo.CityRow): Static<typeof CitySettingsView> {
  return {
    cityCode: city.code,
    cityName: city.name,
    settings: settingsOf(city),
    updatedAt: city.updatedAt.toISOString(),
  };
}

export async function getCitySettings(ctx: AppContext, viewer: SessionUser) {
  const city = await repo.findCity(ctx.database.db, viewer.cityCode);
  if (!city) throw commonErrors.not_found();
  return viewSettings(city);
}

export async function saveCitySettings(ctx: AppContext, viewer: SessionUser, input: Settings, ip: string) {
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const city = await repo.lockCity(tx, viewer.cityCode);
    if (!city) throw commonErrors.not_found();
    const before = settingsOf(city);
    const updated = await repo.updateCity(tx, city.code, { ...input, updatedAt: now });
    await recordAudit(tx, {
      actor: viewer,
      action: "city_settings.updated",
      subjectType: "city",
      subjectId: city.code,
      detail: { before, after: input },
      ip,
      at: now,
    });
    return viewSettings(updated);
  });
}
