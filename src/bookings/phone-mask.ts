/** Kept for callers written before src/privacy landed; new code imports from there. */
export { maskPhone } from "../privacy/mask.ts";
