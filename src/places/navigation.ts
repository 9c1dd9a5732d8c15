/**
 * 导航: links that open the phone's map app at a gig, by each app's documented URI scheme, each
 * given the point in its own datum (the stored point is WGS-84):
 *   - 高德: https://uri.amap.com/marker?position=lng,lat&name=…&coordinate=gaode (GCJ-02);
 *     callnative=1 opens the installed app, else 高德's web page.
 *   - 百度: baidumap://map/marker?location=lat,lng&title=…&coord_type=bd09ll (BD-09), with its web
 *     page (api.map.baidu.com/marker) as the fallback when the app is missing.
 *   - 腾讯: https://apis.map.qq.com/uri/v1/marker?marker=coord:lat,lng;title:… (GCJ-02).
 * Pure, shared by the server's tests and the web app.
 */
import { type LngLat, toBd09, toGcj02 } from "./datum.ts";

export interface Destination extends LngLat {
  /** What the map shows on the pin: the gig's title or address. */
  name: string;
}

export interface NavigationLinks {
  amap: string;
  baidu: { app: string; web: string };
  tencent: string;
}

/** The caller's name that 百度 and 腾讯 ask every link to carry. */
const SOURCE = "linggong";
const fixed = (x: number) => x.toFixed(6);

export function navigationLinks(destination: Destination): NavigationLinks {
  const gcj = toGcj02(destination);
  const bd = toBd09(destination);
  const name = encodeURIComponent(destination.name);
  // 腾讯's marker parameter is `;`- and `:`-separated, so those characters cannot be in the title.
  const tencentTitle = encodeURIComponent(destination.name.replace(/[;:]/g, " "));
  const baiduQuery = `location=${fixed(bd.lat)},${fixed(bd.lng)}&title=${name}&content=${name}&coord_type=bd09ll&src=${SOURCE}`;
  return {
    amap: `https://uri.amap.com/marker?position=${fixed(gcj.lng)},${fixed(gcj.lat)}&name=${name}&coordinate=gaode&callnative=1&src=${SOURCE}`,
    baidu: {
      app: `baidumap://map/marker?${baiduQuery}`,
      web: `https://api.map.baidu.com/marker?${baiduQuery}&output=html`,
    },
    tencent: `https://apis.map.qq.com/uri/v1/marker?marker=coord:${fixed(gcj.lat)},${fixed(gcj.lng)};title:${tencentTitle}&referer=${SOURCE}`,
  };
}
