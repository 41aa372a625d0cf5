import ReactMarkdown from "react-markdown";
import rehypeSanitize from "rehype-sanitize";
import { ALLOWED_TAGS, isInternalHref, SANITIZE_SCHEMA, safeHref } from "@/lib/scripts/markdown";

/**
 * A script or the training manual, rendered: the one renderer of the pages, the contact form's panel and
 * the editor's preview. Raw HTML is skipped, what remains passes rehype-sanitize (lib/scripts/markdown.ts),
 * and a link leaves the app in a new tab without a reference back. The text is the admins' Chinese.
 */
export function Markdown({ source, testId }: { source: string; testId?: string }) {
  return (
    <div
      lang="zh"
      data-testid={testId}
      className="space-y-2 break-words text-sm leading-relaxed text-slate-800 [&_blockquote]:border-l-4 [&_blockquote]:border-slate-200 [&_blockquote]:pl-3 [&_blockquote]:text-slate-600 [&_code]:rounded [&_code]:bg-slate-100 [&_code]:px-1 [&_h1]:text-lg [&_h1]:font-semibold [&_h2]:mt-3 [&_h2]:text-base [&_h2]:font-semibold [&_h3]:mt-2 [&_h3]:font-semibold [&_h4]:font-semibold [&_hr]:border-slate-200 [&_li]:my-0.5 [&_ol]:list-decimal [&_ol]:pl-5 [&_pre]:overflow-x-auto [&_pre]:rounded [&_pre]:bg-slate-100 [&_pre]:p-2 [&_ul]:list-disc [&_ul]:pl-5"
    >
      <ReactMarkdown
        skipHtml
        allowedElements={[...ALLOWED_TAGS]}
        unwrapDisallowed
        rehypePlugins={[[rehypeSanitize, SANITIZE_SCHEMA]]}
        urlTransform={(url) => safeHref(url)}
        components={{
          a: ({ href, children, title }) =>
            href ? (
              isInternalHref(href) ? (
                <a href={href} title={title} className="text-brand-700 underline">
                  {children}
                </a>
              ) : (
                <a
                  href={href}
                  title={title}
                  target="_blank"
                  rel="noopener noreferrer nofollow"
                  className="text-brand-700 underline"
                >
                  {children}
                </a>
              )
            ) : (
              <span>{children}</span>
            ),
        }}
      >
        {source}
      </ReactMarkdown>
    </div>
  );
}
