// Text for users comes from the catalogues only: no Chinese (or any CJK) in a string, template or JSX
// text of product code, except the files below, each with why its Chinese is not text for the reader.
// Comments may name the plan's terms in Chinese; they are not nodes of the tree, so they are not read.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = join(__dirname, "..", "..");
const CJK = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/;

/** Files whose Chinese matches data, not readers. */
const ALLOWED: Record<string, string> = {
  "lib/import/columns.ts": "column-header synonyms match the headers of the college's files",
  "lib/staff/overtime-columns.ts": "column-header synonyms match the headers of the overtime files",
  "lib/assignment/regions.ts": "the 市州 names match the region column of the files and groups",
  "lib/verify/surnames.ts": "compound surnames match the names of the staff list",
  "lib/workflow/no-show-reasons.ts": "suggested no-show reasons are stored as the reason, in the college's language",
  "components/shell/language-switch.tsx": "each language is offered in its own words (marked lang)",
  "lib/import/cell-words.ts":
    "the words the list files' cells hold (是/否, 男/女, 第一志愿), matched and stored as written",
  "lib/retention/rules.ts":
    "placeholders stored in place of personal data: data, shown where names and notes are (lang zh)",
};

function productFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "messages" ? [] : productFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.(test|spec)\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** Each CJK-bearing literal of a file, with its line. */
function literalsWithCjk(path: string): string[] {
  const source = ts.createSourceFile(path, readFileSync(join(ROOT, path), "utf8"), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    const literal =
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node) ||
      ts.isJsxText(node);
    if (literal && CJK.test(node.getText(source))) {
      const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
      found.push(`${path}:${line + 1} ${node.getText(source).trim().slice(0, 40)}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe("user text", () => {
  it("comes from the catalogues: no CJK literal in app/, components/ or lib/", () => {
    const files = ["app", "components", "lib"].flatMap(productFiles).map((path) => relative(ROOT, join(ROOT, path)));
    const offending = files.filter((path) => !(path in ALLOWED)).flatMap(literalsWithCjk);
    expect(offending).toEqual([]);
  });

  it("lists only files that still have such literals", () => {
    for (const path of Object.keys(ALLOWED)) expect(literalsWithCjk(path).length, path).toBeGreaterThan(0);
  });
});
