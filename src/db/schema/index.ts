export * from "./accounts.ts";
export * from "./bookings.ts";
export * from "./gigs.ts";
export * from "./market.ts";
export * from "./monitoring.ts";
export * from "./reference.ts";
export * from "./stations.ts";
export * from "./trust.ts";
