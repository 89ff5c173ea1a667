/** Rouge's PlainText lexer: the whole text as one token (`Text`, or the one it is given). */
import type { Emit, Lexer } from './regex-lexer.js'
import { mergeTokens } from './regex-lexer.js'
import type { Token } from './token.js'

export class PlainTextLexer implements Lexer {
  constructor(private readonly token: Token = 'Text') {}

  reset(): void {}

  continueLex(text: string, emit: Emit): void {
    mergeTokens((e) => e(this.token, text), emit)
  }
}
