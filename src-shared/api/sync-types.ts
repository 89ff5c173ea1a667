/**
 * What « Ouvrir un guide en ligne… », « Recevoir les nouveautés », « Publier » and
 * « Charger tout l'historique » answer, and the progress they report meanwhile.
 */

/** One step of a transfer, as `sync.progress` tells it. */
export interface SyncProgressEvent {
  /** git's phase (« Counting objects », « Receiving objects »…), or `Downloading` for bytes alone. */
  phase: string
  loaded: number
  /** null when git does not say how many there will be. */
  total: number | null
  /** Bytes received so far in this transfer. */
  bytes: number
}

/** A guide copied from its address, ready to be opened. */
export interface ClonedGuide {
  /** The new folder: the chosen one, and in it the guide's own name. */
  path: string
  branch: string | null
  head: string
  bytesReceived: number
}

/** « Recevoir les nouveautés »: what came into the current line. */
export type ReceiveOutcome =
  | { kind: 'up-to-date' }
  | { kind: 'fast-forward'; oid: string }
  | { kind: 'merged'; oid: string }
  /** Pages changed on both sides (workspace paths): the Versions view's conflict flow takes over. */
  | { kind: 'conflicts'; conflicts: string[] }

/** « Publier »: the lines and notes sent (short names), none when the host had everything. */
export interface PublishReport {
  pushed: string[]
  bytesSent: number
}

export interface RemoteEntry {
  name: string
  url: string
}

/** The open guide's servers, for « Réglages », and whether it is a light copy. */
export interface SyncRemotes {
  remotes: RemoteEntry[]
  /** A light copy (`.git/shallow`): « Charger tout l'historique » is offered. */
  shallow: boolean
}
