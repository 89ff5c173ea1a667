import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { blockExcerpt, pageBlocks } from '../../../src-shared/review/page-blocks.js'
import { api } from '../../api/client.js'
import { addComment } from '../../stores/review-store.js'
import { attempt } from '../../ui/report-failure.js'

/** « Commenter »: a passage of the page (its first words) and the comment on it. */
export function NewComment(props: { branch: string; path: string; tip: string }) {
  const { t } = useTranslation()
  const [blocks, setBlocks] = useState<{ index: number; excerpt: string }[]>([])
  const [block, setBlock] = useState(0)
  const [text, setText] = useState('')
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    let current = true
    void attempt(async () => {
      const source = await api.call('versions.pageAt', { path: props.path, version: props.tip })
      if (!current || source === null) return
      setBlocks(
        pageBlocks(source).map(({ index, text }) => ({ index, excerpt: blockExcerpt(text, 90) })),
      )
    })
    return () => {
      current = false
    }
  }, [props.path, props.tip])

  if (blocks.length === 0) return null
  return (
    <form
      className="comment-new"
      onSubmit={(event) => {
        event.preventDefault()
        if (!text.trim()) return
        setBusy(true)
        void attempt(() =>
          addComment({
            branch: props.branch,
            path: props.path,
            blockIndex: block,
            text: text.trim(),
          }),
        ).then((done) => {
          setBusy(false)
          if (done) setText('')
        })
      }}
    >
      <label className="field">
        <span>{t('review.commentBlock')}</span>
        <select value={block} onChange={(event) => setBlock(Number(event.target.value))}>
          {blocks.map((entry) => (
            <option key={entry.index} value={entry.index}>
              {entry.excerpt}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('review.commentText')}</span>
        <textarea rows={3} value={text} onChange={(event) => setText(event.target.value)} />
      </label>
      <button type="submit" className="button" disabled={busy || !text.trim()}>
        <span className="codicon codicon-comment" aria-hidden="true" />
        {t('review.addComment')}
      </button>
    </form>
  )
}
