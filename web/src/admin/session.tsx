/**
 * Who is signed in to the monitoring platform: a city admin (the whole city), a district admin
 * (her district only — the API enforces it; the pages show her district's name and no comparison)
 * or a province admin (her province's cities, summed or one by one, read-only: no 系统管理).
 */
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { Navigate, useLocation, useNavigate } from "react-router-dom";
import { type ApiError, api, post, setSignedOutHandler } from "../shared/api.ts";
import type { Me } from "../shared/api-types.ts";
import { PageLoading } from "../shared/PageLoading.tsx";
import { districtName, useReference } from "../shared/reference.ts";

interface AdminSession {
  me: Me | null;
  isCityAdmin: boolean;
  /** Reads every city of her province; changes nothing, sees no list of people. */
  isProvinceAdmin: boolean;
  /** 镇江市 or 京口区: the scope the admin sees. */
  scopeName: string;
  refresh: () => Promise<Me | null>;
  signOut: () => Promise<void>;
}

const Context = createContext<AdminSession | null>(null);
export const ADMIN_BASE = "/admin";

export function useAdmin(): AdminSession {
  const value = useContext(Context);
  if (!value) throw new Error("useAdmin outside AdminSessionProvider");
  return value;
}

const isAdmin = (me: Me | null) =>
  me?.role === "city_admin" || me?.role === "district_admin" || me?.role === "province_admin";

async function fetchMe(): Promise<Me | null> {
  try {
    return await api<Me>("GET", "/api/me", undefined, { signedOutIsAnswer: true });
  } catch (error) {
    if ((error as ApiError).status === 401) return null;
    throw error;
  }
}

export function AdminSessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const reference = useReference();
  const navigate = useNavigate();
  const location = useLocation();

  const refresh = useCallback(async () => {
    const value = await fetchMe().catch(() => null);
    setMe(value);
    return value;
  }, []);
  useEffect(() => void refresh(), [refresh]);

  useEffect(() => {
    setSignedOutHandler(() => {
      setMe(null);
      if (!window.location.pathname.startsWith(`${ADMIN_BASE}/sign-in`))
        navigate(
          `${ADMIN_BASE}/sign-in?next=${encodeURIComponent(window.location.pathname + window.location.search)}`,
        );
    });
    return () => setSignedOutHandler(null);
  }, [navigate]);

  const signOut = useCallback(async () => {
    await post("/api/auth/sign-out").catch(() => undefined);
    setMe(null);
    navigate(`${ADMIN_BASE}/sign-in`);
  }, [navigate]);

  const value = useMemo<AdminSession>(() => {
    const isCityAdmin = me?.role === "city_admin";
    const isProvinceAdmin = me?.role === "province_admin";
    // A province admin's scope is the city she chooses: useScopeName (province.ts) names it.
    const scopeName = isCityAdmin
      ? (reference.data?.city.name ?? "")
      : districtName(reference.data, me?.districtCode ?? null);
    return { me: me ?? null, isCityAdmin, isProvinceAdmin, scopeName, refresh, signOut };
  }, [me, reference.data, refresh, signOut]);

  if (me === undefined && !location.pathname.startsWith(`${ADMIN_BASE}/sign-in`)) return <PageLoading />;
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function RequireAdmin({ children }: { children: ReactNode }) {
  const { me } = useAdmin();
  const location = useLocation();
  if (!isAdmin(me))
    return (
      <Navigate
        to={`${ADMIN_BASE}/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`}
        replace
      />
    );
  return <>{children}</>;
}

/** 系统管理: the city's and districts' admins, not the read-only province admin. */
export function RequireLocalAdmin({ children }: { children: ReactNode }) {
  const { isProvinceAdmin } = useAdmin();
  if (isProvinceAdmin) return <Navigate to={`${ADMIN_BASE}/overview`} replace />;
  return <>{children}</>;
}

/** Pages only the city admin has (categories, city settings); the API refuses the rest anyway. */
export function RequireCityAdmin({ children }: { children: ReactNode }) {
  const { isCityAdmin } = useAdmin();
  if (!isCityAdmin) return <Navigate to={`${ADMIN_BASE}/overview`} replace />;
  return <>{children}</>;
}

export { isAdmin };
