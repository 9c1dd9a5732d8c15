/**
 * Who hears a message how. In the app always; by SMS and voice call as the person chose —
 * and a worker registered at a station's counter who has never opened the app gets SMS without
 * asking, since an old phone that takes texts is how she is reached.
 */
import type { Lang } from "../platform/errors.ts";
import type { Recipient } from "./notifications.repository.ts";

export interface Channels {
  sms: boolean;
  voice: boolean;
  lang: Lang;
}

export function defaultSms(
  person: Pick<Recipient, "role" | "registeredAtStation" | "everSignedIn">,
): boolean {
  return person.role === "worker" && person.registeredAtStation && !person.everSignedIn;
}

export function chosenChannels(person: Recipient): Channels {
  const reachable = person.phone !== null && person.phone !== "";
  return {
    sms: reachable && (person.sms ?? defaultSms(person)),
    voice: reachable && (person.voice ?? false),
    lang: person.lang === "en" ? "en" : "zh-CN",
  };
}
