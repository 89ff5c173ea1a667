import { readFile } from 'node:fs/promises'

/** Reads a file until its text satisfies `accept` (e.g. after an autosave), or fails after `timeout`. */
export async function waitForFileText(
  file: string,
  accept: (text: string) => boolean,
  timeout = 4000,
): Promise<string> {
  const deadline = Date.now() + timeout
  for (;;) {
    const text = await readFile(file, 'utf8').catch(() => '')
    if (accept(text)) return text
    if (Date.now() > deadline)
      throw new Error(`${file} never reached the expected text; last: ${text.slice(0, 500)}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}
