import { translatorFor } from "@/lib/i18n/messages";
import { myVerifyCard } from "@/lib/verify/queries";
import { readyText } from "@/lib/verify/ready-text";
import { MyCodeCard } from "./my-code-card";

/** The member's own 防诈骗核验 card, or nothing while the check is off or they are not on the team. */
export async function MyCode({ userId }: { userId: string }) {
  const card = await myVerifyCard(userId);
  if (!card) return null;
  // the ready text goes to a family: in Chinese whatever the page's language
  return <MyCodeCard code={card.code} message={readyText(translatorFor("zh-CN"), card)} />;
}
