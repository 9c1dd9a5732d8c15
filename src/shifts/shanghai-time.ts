/** Times as people in the city read them: Asia/Shanghai, which is UTC+8 all year. */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

const shifted = (at: Date) => new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString();

/** 2030-03-04T23:30:00Z → "2030-03-05" */
export function shanghaiDate(at: Date): string {
  return shifted(at).slice(0, 10);
}

/** 2030-03-04T23:30:00Z → "2030-03-05 07:30" */
export function shanghaiDateTime(at: Date): string {
  const iso = shifted(at);
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}
