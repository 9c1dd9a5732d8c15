/** Request and response shapes of the matching routes. */
import { Type } from "typebox";
import { PayUnitSchema } from "../gigs/gigs.schemas.ts";
import { Fen, Timestamp, Uuid } from "../platform/http/schemas.ts";

const Reasons = Type.Array(Type.String(), { description: "Why this match, in the caller's language" });

export const GigRecommendationsQuery = Type.Object({
  k: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
  category: Type.Optional(Type.String({ maxLength: 64 })),
  district: Type.Optional(Type.String({ pattern: "^[0-9]{6}$" })),
  maxKm: Type.Optional(Type.Number({ minimum: 0.1, maximum: 100 })),
  date: Type.Optional(Type.String({ format: "date", description: "Local date, YYYY-MM-DD" })),
  sameDayPayOnly: Type.Optional(Type.Boolean()),
});

export const GigRecommendation = Type.Object({
  gigId: Uuid,
  title: Type.String(),
  address: Type.String(),
  districtCode: Type.String(),
  categoryCode: Type.String(),
  startsAt: Timestamp,
  endsAt: Timestamp,
  payFen: Fen,
  payUnit: PayUnitSchema,
  settlement: Type.String(),
  placesLeft: Type.Integer(),
  distanceKm: Type.Number(),
  score: Type.Number(),
  reasons: Reasons,
});

export const WorkerRecommendationsQuery = Type.Object({
  k: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
});

export const WorkerRecommendation = Type.Object({
  workerId: Uuid,
  name: Type.String(),
  phone: Type.Union([Type.String(), Type.Null()], { description: "Masked, e.g. 138****5678" }),
  distanceKm: Type.Number(),
  score: Type.Number(),
  reasons: Reasons,
});

export const DispatchPreviewBody = Type.Object(
  {
    gigIds: Type.Optional(Type.Array(Uuid, { minItems: 1, maxItems: 500, uniqueItems: true })),
    startingWithinHours: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 168,
        description: "Used as entered; a longer window is refused, never shortened",
      }),
    ),
    districtCode: Type.Optional(Type.String({ pattern: "^[0-9]{6}$" })),
    maxKm: Type.Number({ minimum: 0.5, maximum: 50, default: 10 }),
  },
  { description: "Either gigIds, or the open gigs of the district starting within the window" },
);

export const DispatchOffer = Type.Object({
  gigId: Uuid,
  gigTitle: Type.String(),
  workerId: Uuid,
  workerName: Type.String(),
  phone: Type.Union([Type.String(), Type.Null()]),
  distanceKm: Type.Number(),
  score: Type.Number(),
  reasons: Reasons,
});

export const DispatchPreview = Type.Object({
  dispatchId: Uuid,
  status: Type.Literal("preview"),
  districtCode: Type.String(),
  totalScore: Type.Number(),
  offers: Type.Array(DispatchOffer),
  alreadyApproached: Type.Integer({
    description: "Candidates left out because they already applied, were invited or declined for that gig",
  }),
  unfilled: Type.Array(Type.Object({ gigId: Uuid, placesLeft: Type.Integer() })),
});

export const DispatchSent = Type.Object({
  dispatchId: Uuid,
  status: Type.Literal("sent"),
  invitations: Type.Integer({ description: "Invitations created; workers still accept or decline" }),
  alreadyApproached: Type.Integer({
    description: "Offers not sent: the worker applied or was invited for that gig since the preview",
  }),
  gigClosed: Type.Integer({ description: "Offers not sent: the gig is no longer open" }),
});

export const DispatchProgressOffer = Type.Object({
  offerId: Uuid,
  gigId: Uuid,
  gigTitle: Type.String(),
  startsAt: Timestamp,
  address: Type.String(),
  payFen: Fen,
  payUnit: PayUnitSchema,
  workerId: Uuid,
  workerName: Type.String(),
  phone: Type.Union([Type.String(), Type.Null()], { description: "Masked; the call card shows it in full" }),
  score: Type.Number(),
  status: Type.Union(
    [
      Type.Literal("not_sent"),
      Type.Literal("invited"),
      Type.Literal("accepted"),
      Type.Literal("declined"),
      Type.Literal("expired"),
    ],
    {
      description:
        "not_sent: never became an invitation; invited: she has not answered; accepted: booked; declined; expired: withdrawn or timed out",
    },
  ),
  channel: Type.Union([Type.Literal("app"), Type.Literal("sms"), Type.Literal("call"), Type.Null()], {
    description: "How the invitation reaches her: the app, a text message, or staff call her",
  }),
  applicationId: Type.Union([Uuid, Type.Null()]),
  unansweredCalls: Type.Integer(),
  lastCallAt: Type.Union([Timestamp, Type.Null()]),
});

export const DispatchProgress = Type.Object({
  dispatchId: Uuid,
  status: Type.Union([Type.Literal("preview"), Type.Literal("sent"), Type.Literal("discarded")]),
  createdAt: Timestamp,
  counts: Type.Object({
    not_sent: Type.Integer(),
    invited: Type.Integer(),
    accepted: Type.Integer(),
    declined: Type.Integer(),
    expired: Type.Integer(),
  }),
  offers: Type.Array(DispatchProgressOffer),
});

export const DispatchOfferParams = Type.Object({ id: Uuid, offerId: Uuid });

export const CallCard = Type.Object({
  offerId: Uuid,
  workerName: Type.String(),
  phone: Type.Union([Type.String(), Type.Null()], {
    description: "In full: staff are calling her (audited)",
  }),
  script: Type.String({ description: "What to say on the phone, in her language" }),
});

export const UnansweredCallBody = Type.Object({}, { additionalProperties: false });
