import { getTranslations } from "next-intl/server";
import { myVerifyCard } from "@/lib/verify/queries";
import { LINK_MARK, MyCodeCard } from "./my-code-card";

/** The member's own 防诈骗核验 card, or nothing while the check is off or they are not on the team. */
export async function MyCode({ userId }: { userId: string }) {
  const card = await myVerifyCard(userId);
  if (!card) return null;
  // the ready text goes to a family: in Chinese whatever the page's language (next-intl's own server
  // translator, which reads the catalogue as the build compiled it)
  const zh = await getTranslations({ locale: "zh-CN", namespace: "verify.mine" });
  const message = zh(card.honorific === "STUDENT" ? "messageStudent" : "messageTeacher", {
    team: card.team,
    surname: card.surname,
    link: LINK_MARK,
    code: card.code,
  });
  return <MyCodeCard code={card.code} message={message} />;
}
