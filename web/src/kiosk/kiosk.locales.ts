/** Words of the self-service terminal (自助服务终端), short and spoken as well as read. */
import i18n from "../shared/i18n.ts";

const zhCN = {
  welcome: "欢迎使用零工自助服务",
  welcomeSpoken:
    "欢迎使用{{station}}零工自助服务。找今天的活，请点“今天的活”；找明天的活，请点“明天的活”；没有手机，请点“取号到窗口办理”。",
  today: "今天的活",
  tomorrow: "明天的活",
  queue: "取号到窗口办理",
  readAloud: "朗读",
  home: "回首页",
  all: "全部",
  category: "工种",
  none: "附近暂时没有这样的活，可以换个工种，或取号到窗口问问",
  gigsSpoken: "{{day}}附近有{{count}}个活。",
  gigSpoken: "{{title}}，{{pay}}，{{time}}，在{{address}}，还缺{{places}}人。",
  placesLeft: "还缺 {{count}} 人",
  queueTitle: "取号到窗口",
  queueHint: "没有手机也没关系。请选想做的工种，打印排队单，到窗口工作人员帮您办理。",
  queueAny: "都可以",
  printQueue: "打印排队单",
  queueNumber: "排队号",
  queueSpoken: "您的排队号是{{number}}号。请拿好排队单，到窗口等候叫号。",
  slipStation: "{{station}}",
  slipPhone: "驿站电话：{{phone}}",
  slipTime: "取号时间：{{time}}",
  slipWant: "想做：{{category}}",
  printAgain: "再打印一张",
  idleTitle: "还在使用吗？",
  idleCountdown: "{{seconds}} 秒后回到首页，您填写的内容会全部清除",
  idleStay: "继续使用",
  idleSpoken: "还在使用吗？如果还要用，请点继续使用。",
  revoked: "本终端已停用，请联系驿站工作人员",
};

const en = {
  welcome: "Self-service for gig work",
  welcomeSpoken:
    "Welcome to the {{station}} self-service terminal. Tap Today's gigs, Tomorrow's gigs, or, with no phone, Take a number for the counter.",
  today: "Today's gigs",
  tomorrow: "Tomorrow's gigs",
  queue: "Take a number for the counter",
  readAloud: "Read aloud",
  home: "Home",
  all: "All",
  category: "Kind of work",
  none: "No such gigs nearby now; pick another kind, or take a number for the counter",
  gigsSpoken: "{{count}} gigs nearby {{day}}.",
  gigSpoken: "{{title}}, {{pay}}, {{time}}, at {{address}}, {{places}} places left.",
  placesLeft: "{{count}} places left",
  queueTitle: "Take a number for the counter",
  queueHint:
    "No phone? No problem. Pick the work you want, print a queue slip, and staff at the counter will help you.",
  queueAny: "Any",
  printQueue: "Print queue slip",
  queueNumber: "Number",
  queueSpoken: "Your number is {{number}}. Take the slip and wait to be called at the counter.",
  slipStation: "{{station}}",
  slipPhone: "Station phone: {{phone}}",
  slipTime: "Taken at: {{time}}",
  slipWant: "Wants: {{category}}",
  printAgain: "Print again",
  idleTitle: "Still there?",
  idleCountdown: "Back to the start in {{seconds}} s; everything entered will be cleared",
  idleStay: "Keep using",
  idleSpoken: "Still there? Tap Keep using to go on.",
  revoked: "This terminal has been revoked; ask station staff",
};

i18n.addResourceBundle("zh-CN", "translation", { kiosk: zhCN }, true, false);
i18n.addResourceBundle("en", "translation", { kiosk: en }, true, false);
