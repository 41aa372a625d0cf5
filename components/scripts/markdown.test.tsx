import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { safeHref } from "@/lib/scripts/markdown";
import { Markdown } from "./markdown";

const html = (source: string) => renderToStaticMarkup(<Markdown source={source} />);

describe("Markdown", () => {
  it("renders headings, lists, emphasis and links", () => {
    const out = html(
      "# 第一阶段\n\n- **问候**：您好\n- *核实*身份\n\n1. 一\n2. 二\n\n[招生网](https://zs.example.edu.cn)",
    );
    expect(out).toContain("<h1>第一阶段</h1>");
    expect(out).toContain("<li><strong>问候</strong>：您好</li>");
    expect(out).toContain("<em>核实</em>");
    expect(out).toContain("<ol>");
    expect(out).toContain(
      '<a href="https://zs.example.edu.cn" target="_blank" rel="noopener noreferrer nofollow" class="text-brand-700 underline">招生网</a>',
    );
  });

  it("drops script tags and every other raw HTML, keeping no markup of it", () => {
    const out = html(
      '开头<script>alert(1)</script>\n\n<div onclick="x()">块</div>\n\n<img src=x onerror=alert(1)>\n\n<iframe src="https://evil.example"></iframe>\n\n结尾 <b>粗</b>',
    );
    expect(out).not.toMatch(/<script|<div onclick|<img|<iframe|<b>|onerror|onclick/);
    // what stood between two inline tags is left as harmless words, never as markup
    expect(out).toContain("<p>开头alert(1)</p>");
    expect(out).toContain("开头");
    expect(out).toContain("结尾");
  });

  it("drops javascript:, data: and vbscript: links however they are written, keeping the words", () => {
    for (const href of [
      "javascript:alert(1)",
      "JavaScript:alert(1)",
      " javascript:alert(1)",
      "java&#x73;cript:alert(1)",
      "data:text/html,<script>alert(1)</script>",
      "vbscript:msgbox(1)",
    ]) {
      const out = html(`[点我](${href})`);
      expect(out, href).not.toMatch(/href=|javascript|vbscript|data:/i);
      expect(out, href).toContain("点我");
    }
    expect(html("<javascript:alert(1)>")).not.toMatch(/href=/);
  });

  it("keeps an address inside the app in the same tab, and mail and telephone links", () => {
    expect(html("[培训手册](/manual)")).toContain('<a href="/manual" class="text-brand-700 underline">培训手册</a>');
    expect(html("[咨询电话](tel:028-12345678)")).toContain('href="tel:028-12345678"');
    expect(html("[邮件](mailto:zs@example.edu.cn)")).toContain('href="mailto:zs@example.edu.cn"');
    // "//host" leaves the app, so it opens in a new tab without a reference back
    expect(html("[外站](//evil.example)")).toContain('rel="noopener noreferrer nofollow"');
  });

  it("shows images as their words only", () => {
    const out = html("![二维码](https://evil.example/track.png)");
    expect(out).not.toContain("<img");
  });
});

describe("safeHref", () => {
  it.each([
    ["https://a.example", "https://a.example"],
    ["/calls", "/calls"],
    ["#第二步", "#第二步"],
    ["a/b:c", "a/b:c"],
    ["javascript:void(0)", null],
    ["data:text/html,x", null],
    ["file:///etc/passwd", null],
  ])("%s → %s", (url, expected) => {
    expect(safeHref(url)).toBe(expected);
  });
});
