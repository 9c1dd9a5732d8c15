/** Routes for payment records, the worker's earnings and the employer's payables. */
import { currentUser } from "../platform/http/access.ts";
import { errorResponses, IdParams } from "../platform/http/schemas.ts";
import type { App } from "../platform/http/types.ts";
import { Earnings, Payables, Payment, PaymentDisputeBody, RecordPaymentBody } from "./payments.schemas.ts";
import {
  confirmPayment,
  disputePayment,
  employerPayables,
  recordPayment,
  workerEarnings,
} from "./payments.service.ts";

const tags = ["payments"];

export async function paymentRoutes(app: App): Promise<void> {
  app.post(
    "/api/bookings/:id/payments",
    {
      config: { access: ["employer"], idempotent: true },
      schema: {
        tags,
        summary: "Record pay made to the worker (登记付款); the platform moves no money",
        params: IdParams,
        body: RecordPaymentBody,
        response: { 201: Payment, ...errorResponses },
      },
    },
    async (request, reply) => {
      reply.code(201);
      return recordPayment(app.ctx, currentUser(request), request.params.id, request.body);
    },
  );

  app.post(
    "/api/payments/:id/confirm",
    {
      config: { access: ["worker"], idempotent: true },
      schema: {
        tags,
        summary: "The worker confirms the pay was received (确认收款)",
        params: IdParams,
        response: { 200: Payment, ...errorResponses },
      },
    },
    async (request) => confirmPayment(app.ctx, currentUser(request), request.params.id),
  );

  app.post(
    "/api/payments/:id/dispute",
    {
      config: { access: ["worker"], idempotent: true },
      schema: {
        tags,
        summary: "The worker disputes a payment record within the city's window",
        params: IdParams,
        body: PaymentDisputeBody,
        response: { 200: Payment, ...errorResponses },
      },
    },
    async (request) => disputePayment(app.ctx, currentUser(request), request.params.id, request.body.reason),
  );

  app.get(
    "/api/workers/me/earnings",
    {
      config: { access: ["worker"] },
      schema: {
        tags,
        summary: "My pay per shift and in total (我的工钱)",
        response: { 200: Earnings, ...errorResponses },
      },
    },
    async (request) => workerEarnings(app.ctx, currentUser(request)),
  );

  app.get(
    "/api/employers/me/payables",
    {
      config: { access: ["employer"] },
      schema: {
        tags,
        summary: "Approved shifts with the pay due and paid (待付工钱)",
        response: { 200: Payables, ...errorResponses },
      },
    },
    async (request) => employerPayables(app.ctx, currentUser(request)),
  );
}
