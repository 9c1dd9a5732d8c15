/**
 * The first published texts of the 用户协议 (terms) and 隐私政策 (privacy policy), written for this
 * product in plain words: many users are older and read on a small phone. A changed text is a new
 * version (a new entry here with a higher number); everyone is asked again at their next sign-in.
 * Paragraphs are separated by a blank line; a line starting with "## " is a heading.
 */
import type { LegalDocumentKind } from "../db/schema/index.ts";

export interface LegalText {
  kind: LegalDocumentKind;
  version: number;
  publishedAt: string;
  titleZh: string;
  titleEn: string;
  bodyZh: string;
  bodyEn: string;
}

const TERMS_ZH = `本协议是您与本市人力资源和社会保障局（以下简称“人社局”）之间关于使用“零工市场”平台的约定。平台是公益性的公共就业服务，对零工和用工方都不收取任何费用。

## 一、平台做什么
平台帮助找零活的劳动者（零工）和需要临时用工的单位、个人（用工方）互相找到对方：发布岗位、报名、录用、签到签退、确认工时和工资、互相评价、投诉。平台不经手工资，工资由用工方直接支付给零工，平台只记录双方确认的金额。

## 二、您的账号
您用本人手机号和短信验证码登录。请不要把验证码告诉任何人。在零工驿站由工作人员帮您登记的，工作人员会先向您说明本协议和隐私政策，经您口头同意后才登记。

## 三、您要遵守的
- 填写真实的信息；用工方发布的岗位必须真实，写清工资、地点和时间。
- 不得向零工收取任何押金、介绍费、服装费等费用。
- 录用后按时到岗，不能去要提前取消；用工方按约定及时足额支付工资。
- 不得辱骂、骚扰他人，不得利用平台上看到的电话号码做与这份工作无关的事。

## 四、违规处理
对虚假岗位、收费、欠薪、骚扰等行为，人社局可以下架岗位、暂停账号，并依法处理。欠薪可以在平台上投诉，区人社部门会在规定时限内处理。

## 五、注销账号
您可以随时在“我的”里注销账号。注销后您的姓名、手机号、身份证号等个人信息会立即删除或做不可恢复的处理；工资和付款记录、投诉材料按《隐私政策》所说的期限保存。用工方还有未结束的岗位或未结清的工资时，需要先处理完才能注销。

## 六、协议的修改
协议修改后会在您下次登录时请您重新阅读和同意。不同意的，可以不再使用并注销账号。

## 七、联系我们
有问题可以到任意零工驿站咨询，或拨打 12333 人社服务热线。`;

const TERMS_EN = `These terms are an agreement between you and the city's Human Resources and Social Security Bureau ("the bureau") on using the Gig Market (零工市场). The platform is a free public employment service: neither workers nor employers pay anything.

## 1. What the platform does
It helps people looking for casual work (workers) and households, people and organisations who need short-term help (employers) find each other: posting gigs, applying, booking, checking in and out, agreeing hours and pay, rating each other and complaining. The platform never holds wages: the employer pays the worker directly, and the platform records the amount both sides confirm.

## 2. Your account
You sign in with your own mobile number and a code sent by SMS. Never tell anyone the code. If staff register you at a gig station (零工驿站), they first explain these terms and the privacy policy and register you only after you agree out loud.

## 3. What you agree to
- Give true information; an employer's gigs must be real and state the pay, place and time.
- Never charge a worker a deposit, an introduction fee, a uniform fee or any other fee.
- Once booked, turn up on time or cancel early; employers pay the agreed wage in full and on time.
- Do not insult or harass anyone, and do not use a phone number seen on the platform for anything but the gig.

## 4. When rules are broken
For fake gigs, fees, unpaid wages or harassment the bureau may take gigs down, suspend accounts and act under the law. Unpaid wages can be reported on the platform; the district's staff handle a complaint within a set time.

## 5. Closing your account
You can close your account at any time under 我的 (Me). Your name, phone number, ID number and other personal details are then erased or made irreversibly anonymous at once; wage and payment records and complaint files are kept for the periods the privacy policy states. An employer with gigs still open or wages unpaid must settle them first.

## 6. Changes
When these terms change, you are asked to read and accept them again at your next sign-in. If you do not accept, you may stop using the platform and close your account.

## 7. Contact
Ask at any gig station, or call the 12333 human-resources hotline.`;

const PRIVACY_ZH = `我们是本市人力资源和社会保障局。为了帮您找活、帮用工方找人，我们需要用到您的一些个人信息。下面用简单的话说明：收集什么、为什么、保存多久、谁能看到、您有哪些权利。

## 一、我们收集什么、为什么
- 手机号：用来登录、发验证码和工作提醒，用工方录用您后用来联系您。
- 姓名、性别、出生年份、文化程度：用来向用工方介绍您，以及统计就业情况（统计里不出现任何人的名字）。
- 身份证号（自愿填写）：用于实名核验，防止冒用。
- 想做的工种、技能、期望工资、可工作时间、常住位置：用来给您推荐附近合适的活。
- 签到签退时的位置：只在您点“签到”“签退”的那一刻获取一次，用来证明您到岗，不会持续跟踪。
- 报名、录用、工时、工资、评价、投诉记录：这是工作本身的记录，用来结算工资、处理纠纷。
- 用工方的单位名称、统一社会信用代码、联系人：用来核实用工方的真实性。
我们不收集通讯录、相册，也不会把您的信息卖给任何人。

## 二、谁能看到
- 您自己可以看到您的全部信息。
- 用工方只在录用您之后才能看到您的完整手机号，其他时候只看到部分号码（如 138****5678）。
- 驿站工作人员和人社部门工作人员为办事需要查看您的完整号码或身份证号时，每一次查看都会被记录下来（谁、什么时间、看了什么），您可以在“我的数据”里看到这些记录。
- 统计报表只用汇总数字，不含姓名、电话。

## 三、保存多久
- 登录验证码：用过或过期后 1 天内删除；登录尝试记录：30 天；登录状态：过期后 30 天内删除。
- 站内消息和短信发送记录：180 天。
- 工资、付款和工时记录，欠薪等投诉材料：保存 3 年（劳动争议和工资支付监督需要），之后删除；注销后这些记录与您的姓名、电话脱钩，只留金额和日期。
- 操作和查看记录（审计日志）：保存 3 年。
- 其他个人信息：在您注销账号时立即删除。

## 四、您的权利
- 查看和下载：在“我的”→“我的数据”可以随时下载我们保存的关于您的全部信息（表格文件或 JSON 文件）。
- 更正：资料有误可以在“我的”里自己修改，或到驿站请工作人员帮忙。
- 注销：在“我的”里可以注销账号，见《用户协议》第五条。
- 撤回同意：注销账号即撤回同意；位置和短信提醒可以随时在手机设置或“消息设置”里关闭。

## 五、安全
信息保存在人社局管理的服务器上，传输加密；手机号、身份证号默认打码显示；工作人员查看完整信息都有记录。

## 六、联系我们
对个人信息有疑问或投诉，可以到任意零工驿站，或拨打 12333 人社服务热线，我们会在 15 个工作日内答复。`;

const PRIVACY_EN = `We are the city's Human Resources and Social Security Bureau. To help you find work, and employers find people, we use some of your personal information. This says plainly what we collect, why, how long we keep it, who sees it and what your rights are.

## 1. What we collect and why
- Phone number: to sign in, to send codes and work reminders, and for an employer who has booked you to reach you.
- Name, sex, birth year, education: to introduce you to employers, and for employment statistics (which never contain a name).
- ID number (if you choose to give it): to check it is really you and prevent misuse.
- Kinds of work, skills, expected pay, hours you can work, where you live: to suggest suitable gigs near you.
- Your location when you check in or out: taken once, at the moment you tap 签到 or 签退, to show you were there. You are never tracked.
- Applications, bookings, hours, pay, ratings and complaints: the record of the work itself, used to settle pay and disputes.
- For employers: the organisation's name, its unified social credit code and a contact person, to check the employer is real.
We do not collect your contacts or photos, and we never sell anyone's information.

## 2. Who sees it
- You see everything about yourself.
- An employer sees your full phone number only after booking you; otherwise only part of it (such as 138****5678).
- When station or bureau staff need to see your full number or ID number to help you, every such view is recorded (who, when, what). You can see these records in 我的数据 (My data).
- Statistics use totals only, without names or numbers.

## 3. How long we keep it
- Sign-in codes: deleted within a day of use or expiry; sign-in attempts: 30 days; sign-in sessions: deleted within 30 days of expiry.
- In-app messages and the log of texts sent: 180 days.
- Wage, payment and hours records, and complaint files such as unpaid wages: 3 years (for labour disputes and wage supervision), then deleted. After you close your account they are separated from your name and number; only amounts and dates remain.
- Records of staff actions and views (the audit log): 3 years.
- Everything else: deleted as soon as you close your account.

## 4. Your rights
- See and download: under 我的 → 我的数据 you can download everything we hold about you at any time (a spreadsheet or a JSON file).
- Correct: fix your details yourself under 我的, or ask at a station.
- Close your account: under 我的, see section 5 of the terms.
- Withdraw consent: closing the account withdraws it; location and SMS reminders can be turned off at any time in your phone's settings or in message settings.

## 5. Security
Data is kept on servers the bureau runs and is encrypted in transit; phone and ID numbers are shown masked by default; every staff view of them is recorded.

## 6. Contact
For questions or complaints about your personal information, go to any gig station or call the 12333 hotline; we answer within 15 working days.`;

export const LEGAL_TEXTS: readonly LegalText[] = [
  {
    kind: "terms",
    version: 1,
    publishedAt: "2026-12-01T00:00:00Z",
    titleZh: "用户协议",
    titleEn: "Terms of use",
    bodyZh: TERMS_ZH,
    bodyEn: TERMS_EN,
  },
  {
    kind: "privacy",
    version: 1,
    publishedAt: "2026-12-01T00:00:00Z",
    titleZh: "隐私政策",
    titleEn: "Privacy policy",
    bodyZh: PRIVACY_ZH,
    bodyEn: PRIVACY_EN,
  },
];
