import { Fragment } from 'react'
import type { DiffLine } from '../../src-shared/diff/line-diff.js'
import { sideBySide } from './side-by-side.js'

/**
 * Two texts side by side, removed lines on the left beside the lines that
 * replace them. Each run is a stretch of the comparison; between runs an
 * unchanged stretch left out shows as « … ».
 */
export function SideBySideDiff(props: {
  runs: DiffLine[][]
  label: string
  before: string
  after: string
  className?: string
}) {
  return (
    <div
      className={`${props.className ? `${props.className} ` : ''}diff side-by-side`}
      role="table"
      aria-label={props.label}
    >
      <div role="row" className="diff-columns">
        <span role="columnheader">{props.before}</span>
        <span role="columnheader">{props.after}</span>
      </div>
      {props.runs.map((run, runIndex) => (
        <Fragment key={runIndex}>
          {runIndex > 0 && (
            <div role="row" className="diff-row diff-gap">
              <span role="cell">…</span>
              <span role="cell">…</span>
            </div>
          )}
          {sideBySide(run).map((row, index) => (
            <div key={index} role="row" className="diff-row">
              <span role="cell" className={`diff-line ${row.before ? row.before.kind : 'filler'}`}>
                {row.before?.text ?? ''}
              </span>
              <span role="cell" className={`diff-line ${row.after ? row.after.kind : 'filler'}`}>
                {row.after?.text ?? ''}
              </span>
            </div>
          ))}
        </Fragment>
      ))}
    </div>
  )
}
