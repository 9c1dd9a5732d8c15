/**
 * Who is signed in, for one face of the product (worker app or employer portal).
 * A lost session anywhere sends the user to that face's sign-in and, after it, back where they were.
 */
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { Navigate, useLocation, useNavigate } from "react-router-dom";
import { type ApiError, api, post, setSignedOutHandler } from "./api.ts";
import type { Me, Role } from "./api-types.ts";
import { PageLoading } from "./PageLoading.tsx";

interface SessionValue {
  me: Me | null;
  base: string;
  role: Role;
  refresh: () => Promise<Me | null>;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error("useSession outside a SessionProvider");
  return value;
}

async function fetchMe(): Promise<Me | null> {
  try {
    return await api<Me>("GET", "/api/me", undefined, { signedOutIsAnswer: true });
  } catch (error) {
    if ((error as ApiError).status === 401) return null;
    throw error;
  }
}

export function signInPath(base: string, next: string): string {
  return `${base}/sign-in?next=${encodeURIComponent(next)}`;
}

export function SessionProvider({
  base,
  forRole: role,
  children,
}: {
  base: string;
  forRole: Role;
  children: ReactNode;
}) {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const navigate = useNavigate();
  const location = useLocation();

  const refresh = useCallback(async () => {
    const value = await fetchMe().catch(() => null);
    setMe(value);
    return value;
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  useEffect(() => {
    setSignedOutHandler(() => {
      setMe(null);
      const here = window.location.pathname + window.location.search;
      if (!window.location.pathname.startsWith(`${base}/sign-in`)) navigate(signInPath(base, here));
    });
    return () => setSignedOutHandler(null);
  }, [base, navigate]);

  const signOut = useCallback(async () => {
    await post("/api/auth/sign-out").catch(() => undefined);
    setMe(null);
    navigate(`${base}/sign-in`);
  }, [base, navigate]);

  const value = useMemo(
    () => ({ me: me ?? null, base, role, refresh, signOut }),
    [me, base, role, refresh, signOut],
  );
  if (me === undefined && !location.pathname.startsWith(`${base}/sign-in`)) return <PageLoading />;
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** Screens behind sign-in: someone signed out, or signed in for another face, goes to sign-in first. */
export function RequireSignIn({ children }: { children: ReactNode }) {
  const { me, base, role } = useSession();
  const location = useLocation();
  if (!me || me.role !== role)
    return <Navigate to={signInPath(base, location.pathname + location.search)} replace />;
  return <>{children}</>;
}

/** Where to go after sign-in: the `next` the user came from, if it belongs to this face. */
export function nextPath(search: string, base: string, fallback: string): string {
  const next = new URLSearchParams(search).get("next");
  return next?.startsWith(`${base}`) && !next.startsWith(`${base}/sign-in`) ? next : fallback;
}
