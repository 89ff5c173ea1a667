/**
 * What must be done before another folder opens, registered by the layers that know it
 * (the editor: the open pages' pending writes), so the workspace store can wait for it
 * without knowing the editor.
 */
export interface FolderChangeTask {
  /** Before the switch; waited for. */
  settle(): Promise<unknown>
  /** The folder did not change after all (refused, gone): back to work in the current one. */
  resume(): void
}

const tasks = new Set<FolderChangeTask>()

/** Registers a task to run, and be waited for, before each change of folder. */
export function beforeFolderChange(task: FolderChangeTask): () => void {
  tasks.add(task)
  return () => tasks.delete(task)
}

/**
 * Opens another folder with `open`, once the registered tasks are done (a failure is
 * reported by its task); when `open` fails, the tasks resume and its error goes on.
 */
export async function changeFolder<T>(open: () => Promise<T>): Promise<T> {
  await Promise.allSettled([...tasks].map((task) => task.settle()))
  try {
    return await open()
  } catch (error) {
    for (const task of tasks) task.resume()
    throw error
  }
}
