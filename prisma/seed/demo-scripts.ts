// The demo campaign's training manual and call scripts (话术), one per phase, written for the demo from the
// plan's guidance (四(二)、四(三)、五(二)): the facts are the plan's, the wording is the demo's. The manual has
// two versions, so the list of versions has something to show.
import type { PrismaClient } from "@/lib/db/client";
import type { ScriptDocument } from "@/lib/scripts/documents";
import { saveScriptVersion } from "@/lib/scripts/save";

const MANUAL_FIRST = `# 单招电话回访培训手册

## 一、工作目标
电话回访的最终目的是提升单招报到率：**基本任务 93%，目标任务 95%**。

## 二、工作要求
- 严格按照本手册开展工作，**不得虚假宣传或违规承诺**。
- 尊重事实，不得虚假回访，不得诋毁他人。
- 原则上不得请假；确需请假的，提前向组长申请。
`;

const MANUAL = `# 单招电话回访培训手册

## 一、工作目标
电话回访的最终目的是提升单招报到率：**基本任务 93%，目标任务 95%**。每位考生平均回访不少于 **4 次**，总时长平均不少于 **20 分钟**。

## 二、工作要求
1. 严格按照本手册开展工作，**不得虚假宣传或违规承诺**。
2. 尊重事实，不得虚假回访，不得诋毁他人。
3. 原则上不得请假；确需请假的，提前向组长申请，以便重新安排。
4. 自觉接受督查组抽查，服从工作安排。

## 三、每次联系后都要记录
无论通过电话、微信、QQ 还是其他途径联系，都要在系统中记录：

- 日期和时间、联系途径、通话时长；
- 联系结果（意向、是否愿意退档、是否缴费等）；
- 需要跟进的事项。

微信、QQ、短信的聊天记录要**保存好**，以便督查组抽查。

## 四、联系不上怎么办
关机、停机、错号、拒接的考生，及时报告组长，由组长转交突击组，确保**零失联**。

## 五、各阶段重点
- **第一阶段 志愿填报指导**：精准指导单招意向考生，可在全员招生报备系统报备生源。
- **第二阶段 投档**：全面判断就读意向；非第一志愿的考生以“退”为“进”，以劝退为主。
- **第三阶段 录取后**：以劝来为主，指导缴费、选宿舍、预约校车，了解专硕意向。
- **第四阶段 报到**：清理犹豫和不来的考生，名单交组长汇总后转突击组。

> 每个阶段的话术显示在填写联系记录的页面旁，也可以在本页下方查看。
`;

const SCRIPTS: Record<Exclude<ScriptDocument, "MANUAL">, string> = {
  PHASE_1: `## 开场
您好，我是成都文理学院招生就业处的回访老师（同学），请问是 **考生本人或家长** 吗？现在方便说几分钟吗？

## 了解情况
- 请问您单招准备报考哪些学校、哪些专业？
- 对我校有哪些想了解的：专业、学费、住宿、就业？

## 指导要点
1. 如实介绍我校招生计划和专业，**不夸大、不承诺**录取结果。
2. 提醒考生今年是单招改革第一年，**平行志愿投档，一经录取不得换录**，请慎重填报。
3. 有意向的考生，按全员招生的规定在报备系统中**报备**。

## 结束
感谢您的时间！有问题可以随时联系我们。
`,
  PHASE_2: `## 开场
您好，我是成都文理学院的回访老师（同学），您的单招志愿已经投档到我校，想和您确认一下就读意向。

## 判断意向
- 我校是您的**第一志愿**吗？
- 如果录取，您会来我校就读吗？还在犹豫的原因是什么？

## 非第一志愿、意向不明的考生
坚持以“退”为“进”的原则，**以劝退为主**，不放过任何犹豫的考生：

1. 说明平行志愿投档后，一经录取不得换录，也不能再参加普通高考和对口生考试；
2. 如考生同意退档，请其按要求提交**退档材料**，并在系统中记录。

## 记得
每次联系都在系统中记录；微信、QQ 聊天记录**保存好**，以便督查组抽查。
`,
  PHASE_3: `## 开场
您好，恭喜您被成都文理学院录取！我是您的回访老师（同学），后面入学的事情都可以问我。

## 劝来
- 了解考生和家长还有哪些顾虑，耐心解答，**如实介绍**，不作违规承诺。
- 对犹豫的考生多联系几次，必要时联系家长。

## 入学准备
1. 指导**网上缴费**；
2. 指导**选宿舍**；
3. 介绍并协助预约**校车 VIP 服务**。

## 专硕意向
了解考生是否有继续深造的打算，有意向的介绍**专硕直通项目**并在系统中标记。
`,
  PHASE_4: `## 开场
您好，我是成都文理学院的回访老师（同学），学校报到就要开始了，想跟您确认一下报到安排。

## 确认报到
- 您准备哪天来报到？怎么来学校？
- 缴费、宿舍、校车都办好了吗？还有什么需要帮忙的？

## 犹豫或不来的考生
1. 了解不来的原因，耐心劝来；
2. 仍不确定的，在系统中记录原因，**报告组长**，由组长汇总后交**突击组**跟进。

## 结束
祝您报到顺利，到校后有任何问题都可以找我们！
`,
};

/** Writes the demo's manual (two versions) and the four scripts, each saved by the admin. */
export async function seedDemoScripts(prisma: PrismaClient, campaignId: string, adminId: string) {
  const save = (document: ScriptDocument, baseVersion: number, body: string) =>
    saveScriptVersion(prisma, campaignId, { document, baseVersion, body }, adminId);
  await save("MANUAL", 0, MANUAL_FIRST);
  await save("MANUAL", 1, MANUAL);
  for (const [document, body] of Object.entries(SCRIPTS)) await save(document as ScriptDocument, 0, body);
}
