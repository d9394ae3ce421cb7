// Evidence notes are Markdown. The web page renders them (lib/markdown); the PDF shows them as
// plain text, so the markup that would otherwise show as stray asterisks and brackets is read off
// here. The workbook and CSV keep the note exactly as typed.

/** A Markdown note as plain text: emphasis, code marks, headings, quotes and list marks dropped, links as "text (url)". */
export function markdownToPlainText(source: string): string {
  // Escaped characters (\*) are set aside first so the emphasis rules cannot take them.
  return source
    .replace(/\\([\\`*_{}[\]()#+\-.!>])/g, (_, char: string) => `\uE000${char.charCodeAt(0)}\uE001`)
    .replace(/!?\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g, (_, text: string, url: string) => (text && text !== url ? `${text} (${url})` : url))
    .replace(/<((?:https?|mailto):[^>\s]+)>/g, '$1')
    .replace(/^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+)/gm, '')
    .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, '$2')
    .replace(/(\*|_)(?=\S)([\s\S]*?\S)\1(?![\w*])/g, '$2')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/\uE000(\d+)\uE001/g, (_, code: string) => String.fromCharCode(Number(code)));
}
