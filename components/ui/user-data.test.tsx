import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { translatorFor } from "@/lib/i18n/messages";
import { Marked, markData, withData } from "./user-data";

describe("user data inside a sentence in the reader's language", () => {
  const en = translatorFor("en");

  it("marks each datum of a catalogue sentence as Chinese and keeps the sentence's own words outside", () => {
    const html = renderToStaticMarkup(
      <p>{withData((v) => `Group ${v.group}, led by ${v.leader}`, { group: "第一组", leader: "王芳" })}</p>,
    );
    expect(html).toBe('<p>Group <span lang="zh">第一组</span>, led by <span lang="zh">王芳</span></p>');
  });

  it("finds marks wherever a nested sentence put them, and leaves a sentence without marks as it is", () => {
    const members = [markData("李雷"), markData("韩梅梅")].join(", ");
    expect(renderToStaticMarkup(<Marked sentence={`Members: ${members}.`} />)).toBe(
      'Members: <span lang="zh">李雷</span>, <span lang="zh">韩梅梅</span>.',
    );
    expect(renderToStaticMarkup(<Marked sentence={en("app.account")} />)).toBe(en("app.account"));
  });

  it("keeps a datum that looks like markup or is empty as text", () => {
    const html = renderToStaticMarkup(<Marked sentence={`To ${markData("<b>x</b>")} and ${markData("")}`} />);
    expect(html).toBe('To <span lang="zh">&lt;b&gt;x&lt;/b&gt;</span> and <span lang="zh"></span>');
  });
});
