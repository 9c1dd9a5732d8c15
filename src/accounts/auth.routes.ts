/** Sign-in, sign-out and "who am I". */
import { currentUser } from "../platform/http/access.ts";
import { ErrorResponse, errorResponses, Ok } from "../platform/http/schemas.ts";
import type { App } from "../platform/http/types.ts";
import { CodeRequest, CodeResponse, Me, PasswordSignIn, PhoneSignIn, SignedIn } from "./auth.schemas.ts";
import { describeMe } from "./me.service.ts";
import { clearSessionCookie, endSession, setSessionCookie, tokenOf } from "./session.service.ts";
import {
  CODE_RESEND_SECONDS,
  CODE_TTL_SECONDS,
  requestCode,
  showsDemoCode,
  signInWithCode,
  signInWithPassword,
} from "./sign-in.service.ts";

const tags = ["accounts"];
const limited = { ...errorResponses, 429: ErrorResponse };

export async function authRoutes(app: App): Promise<void> {
  app.post(
    "/api/auth/codes",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "Send a one-time sign-in code by SMS",
        body: CodeRequest,
        response: { 200: CodeResponse, ...limited },
      },
    },
    async (request) => {
      const { code } = await requestCode(app.ctx, request.cityCode, request.body.phone, request.ip);
      return {
        sent: true as const,
        expiresInSeconds: CODE_TTL_SECONDS,
        resendAfterSeconds: CODE_RESEND_SECONDS,
        ...(showsDemoCode(app.ctx) ? { demoCode: code } : {}),
      };
    },
  );

  app.post(
    "/api/auth/sign-in/phone",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "Sign in a worker or employer with phone and code (the account is made on first sign-in)",
        body: PhoneSignIn,
        response: { 200: SignedIn, ...limited },
      },
    },
    async (request, reply) => {
      const session = await signInWithCode(app.ctx, request.cityCode, request.body, request.ip);
      setSessionCookie(app.ctx, reply, session.token, session.expiresAt);
      return {
        token: session.token,
        expiresAt: session.expiresAt.toISOString(),
        user: await describeMe(app.ctx, session.user.id),
      };
    },
  );

  app.post(
    "/api/auth/sign-in/password",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "Sign in station staff or an administrator with username and password",
        body: PasswordSignIn,
        response: { 200: SignedIn, ...limited },
      },
    },
    async (request, reply) => {
      const session = await signInWithPassword(app.ctx, request.body, request.ip);
      setSessionCookie(app.ctx, reply, session.token, session.expiresAt);
      return {
        token: session.token,
        expiresAt: session.expiresAt.toISOString(),
        user: await describeMe(app.ctx, session.user.id),
      };
    },
  );

  app.post(
    "/api/auth/sign-out",
    { config: { access: "public" }, schema: { tags, summary: "End this session", response: { 200: Ok } } },
    async (request, reply) => {
      const token = tokenOf(request);
      if (token) await endSession(app.ctx, token, request.user?.id);
      clearSessionCookie(app.ctx, reply);
      return { ok: true as const };
    },
  );

  app.get(
    "/api/me",
    {
      config: { access: "signed_in" },
      schema: { tags, summary: "The signed-in user", response: { 200: Me, ...errorResponses } },
    },
    async (request) => describeMe(app.ctx, currentUser(request).id),
  );
}
