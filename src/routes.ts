/** Every area's routes, in one list so nothing is registered twice or forgotten. */
import type { App } from "./platform/http/types.ts";

export const routeModules: Array<(app: App) => Promise<void>> = [];
