import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { startTestApp, type TestApp } from "../../../test/support/app.ts";
import { employer, postedGig, worker } from "../../../test/support/market-fixtures.ts";
import { isCrossSite } from "./security.ts";

let t: TestApp;
before(async () => {
  t = await startTestApp();
});
after(() => t.close());

describe("security headers", () => {
  it("every answer forbids framing, sniffing and inline script, and keeps page addresses to the site", async () => {
    const res = await t.app.inject({ url: "/api/reference" });
    const csp = String(res.headers["content-security-policy"]);
    assert.match(csp, /default-src 'self'/);
    assert.match(csp, /script-src 'self'(;|$)/, "no inline or eval'd script");
    assert.match(csp, /frame-ancestors 'none'/);
    assert.match(csp, /img-src 'self' data:/, "QR codes are data: images");
    assert.doesNotMatch(csp, /upgrade-insecure-requests/, "not on plain HTTP");
    assert.equal(res.headers["x-content-type-options"], "nosniff");
    assert.equal(res.headers["x-frame-options"], "DENY");
    assert.equal(res.headers["referrer-policy"], "same-origin");
    assert.equal(res.headers["strict-transport-security"], undefined, "HSTS only behind HTTPS");
  });

  it("answers with personal data are never stored; reference data may be kept a while", async () => {
    const { token } = await t.tokenFor("worker");
    const me = await t.request("GET", "/api/me", { as: token });
    assert.equal(me.headers["cache-control"], "no-store");
    const refused = await t.app.inject({ url: "/api/me" });
    assert.equal(refused.statusCode, 401);
    assert.equal(refused.headers["cache-control"], "no-store", "errors too");
    const reference = await t.app.inject({ url: "/api/reference" });
    assert.equal(reference.headers["cache-control"], "private, max-age=300");
  });

  it("the API documentation gets its own policy, still not framable", async () => {
    const res = await t.app.inject({ url: "/api/docs/" });
    assert.equal(res.statusCode, 200);
    const csp = String(res.headers["content-security-policy"]);
    assert.match(csp, /script-src 'self'/);
    assert.match(csp, /frame-ancestors 'none'/);
  });
});

describe("cross-site requests (CSRF)", () => {
  const evil = { origin: "https://evil.example", "sec-fetch-site": "cross-site" };

  async function cookieSession() {
    const { token } = await t.tokenFor("worker");
    return token;
  }
  const signedIn = (token: string) => t.app.inject({ url: "/api/me", cookies: { lg_session: token } });

  it("another site cannot sign a visitor out with their cookie", async () => {
    const token = await cookieSession();
    const res = await t.app.inject({
      method: "POST",
      url: "/api/auth/sign-out",
      cookies: { lg_session: token },
      headers: evil,
    });
    assert.equal(res.statusCode, 403);
    assert.equal(res.json().error.code, "cross_site_request");
    assert.equal((await signedIn(token)).statusCode, 200, "still signed in");
  });

  it("another site cannot make a worker accept an invitation", async () => {
    const boss = await employer(t);
    const gigId = await postedGig(t, boss);
    const who = await worker(t);
    const invitation = await t.request("POST", `/api/gigs/${gigId}/invitations`, {
      as: boss.token,
      body: { workerId: who.userId },
    });
    const url = `/api/applications/${invitation.json().id}/accept`;
    const forged = await t.app.inject({
      method: "POST",
      url,
      cookies: { lg_session: who.token },
      headers: evil,
    });
    assert.equal(forged.statusCode, 403);
    assert.equal(forged.json().error.code, "cross_site_request");
    const own = await t.app.inject({
      method: "POST",
      url,
      cookies: { lg_session: who.token },
      headers: { origin: "http://localhost:80", "sec-fetch-site": "same-origin" },
    });
    assert.equal(own.statusCode, 200, own.body);
  });

  it("the app's own pages sign out with the cookie, by Sec-Fetch-Site or by Origin alone", async () => {
    const first = await cookieSession();
    const bySite = await t.app.inject({
      method: "POST",
      url: "/api/auth/sign-out",
      cookies: { lg_session: first },
      headers: { "sec-fetch-site": "same-origin" },
    });
    assert.equal(bySite.statusCode, 200);
    assert.equal((await signedIn(first)).statusCode, 401);
    const second = await cookieSession();
    const byOrigin = await t.app.inject({
      method: "POST",
      url: "/api/auth/sign-out",
      cookies: { lg_session: second },
      headers: { host: "gig.example.gov.cn", origin: "https://gig.example.gov.cn" },
    });
    assert.equal(byOrigin.statusCode, 200);
  });

  it("a sibling subdomain is another site too, unless configured", async () => {
    const token = await cookieSession();
    const sibling = {
      host: "gig.example.gov.cn",
      origin: "https://portal.example.gov.cn",
      "sec-fetch-site": "same-site",
    };
    const refused = await t.app.inject({
      method: "POST",
      url: "/api/auth/sign-out",
      cookies: { lg_session: token },
      headers: sibling,
    });
    assert.equal(refused.statusCode, 403);
    t.ctx.config.allowedOrigins = ["https://portal.example.gov.cn"];
    try {
      const allowed = await t.app.inject({
        method: "POST",
        url: "/api/auth/sign-out",
        cookies: { lg_session: token },
        headers: sibling,
      });
      assert.equal(allowed.statusCode, 200);
    } finally {
      t.ctx.config.allowedOrigins = [];
    }
  });

  it("an API client with a bearer token is not a browser riding on a cookie", async () => {
    const { token } = await t.tokenFor("worker");
    const res = await t.app.inject({
      method: "POST",
      url: "/api/auth/sign-out",
      headers: { ...evil, authorization: `Bearer ${token}` },
    });
    assert.equal(res.statusCode, 200);
  });

  it("reading is never refused, whoever links to it", async () => {
    const token = await cookieSession();
    const res = await t.app.inject({ url: "/api/me", cookies: { lg_session: token }, headers: evil });
    assert.equal(res.statusCode, 200);
  });

  it("another site cannot sign a visitor in to an account of its choosing", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/auth/sign-in/password",
      payload: { username: "someone", password: "x" },
      headers: evil,
    });
    assert.equal(res.json().error.code, "cross_site_request");
  });
});

describe("telling a cross-site request", () => {
  const request = (method: string, headers: Record<string, string>, host = "gig.example.gov.cn") => ({
    method,
    host,
    headers,
  });

  it("looks at state-changing methods only", () => {
    for (const method of ["GET", "HEAD", "OPTIONS"])
      assert.equal(isCrossSite(request(method, { "sec-fetch-site": "cross-site" }), []), false);
    for (const method of ["POST", "PUT", "PATCH", "DELETE"])
      assert.equal(isCrossSite(request(method, { "sec-fetch-site": "cross-site" }), []), true);
  });

  it("trusts Sec-Fetch-Site first, then Origin against the Host, and lets non-browsers through", () => {
    assert.equal(isCrossSite(request("POST", { "sec-fetch-site": "same-origin" }), []), false);
    assert.equal(isCrossSite(request("POST", { "sec-fetch-site": "none" }), []), false);
    assert.equal(isCrossSite(request("POST", { "sec-fetch-site": "same-site" }), []), true);
    assert.equal(isCrossSite(request("POST", { origin: "https://gig.example.gov.cn" }), []), false);
    assert.equal(isCrossSite(request("POST", { origin: "https://evil.example" }), []), true);
    assert.equal(isCrossSite(request("POST", { origin: "null" }), []), true);
    assert.equal(isCrossSite(request("POST", {}), []), false);
  });
});
