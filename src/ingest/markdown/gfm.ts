// GitHub Flavored Markdown as diptych reads and writes it: tables, strikethrough and footnotes, without autolink
// literals. micromark's literal autolinks (`www.example.com`, bare e-mails) take time that grows faster than the
// paragraph (16,000 `www.` words: 4.1 s against 0.06 s without), and the locale checks find visible URLs and e-mail
// addresses in the text themselves; remark-gfm has no switch for them, so its parts are assembled here.
import { gfmFootnoteFromMarkdown, gfmFootnoteToMarkdown } from 'mdast-util-gfm-footnote'
import { gfmStrikethroughFromMarkdown, gfmStrikethroughToMarkdown } from 'mdast-util-gfm-strikethrough'
import { gfmTableFromMarkdown, gfmTableToMarkdown } from 'mdast-util-gfm-table'
import { gfmFootnote } from 'micromark-extension-gfm-footnote'
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough'
import { gfmTable } from 'micromark-extension-gfm-table'
import type { Processor } from 'unified'

/** A unified plugin: GFM tables, strikethrough and footnotes, read and written. */
export function gfmWithoutAutolinks(this: Processor): void {
  const data = this.data()
  data.micromarkExtensions = [...(data.micromarkExtensions ?? []), gfmTable(), gfmStrikethrough(), gfmFootnote()]
  data.fromMarkdownExtensions = [...(data.fromMarkdownExtensions ?? []), gfmTableFromMarkdown(), gfmStrikethroughFromMarkdown(), gfmFootnoteFromMarkdown()]
  data.toMarkdownExtensions = [...(data.toMarkdownExtensions ?? []), gfmTableToMarkdown({ tablePipeAlign: false }), gfmStrikethroughToMarkdown(), gfmFootnoteToMarkdown()]
}
