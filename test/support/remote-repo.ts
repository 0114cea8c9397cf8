import { createBareRemote, createRepo, type BareRemote, type CreateRepoOptions, type Repo } from './services/index.js';

/** A working repository and the bare remote of its own it was cloned from and pushed to; removed together. */
export interface RemoteRepo {
  remote: BareRemote;
  repo: Repo;
  cleanup(): Promise<void>;
}

export async function createRemoteRepo(o: Omit<CreateRepoOptions, 'remote'> = {}): Promise<RemoteRepo> {
  const remote = await createBareRemote();
  try {
    const repo = await createRepo({ ...o, remote });
    return {
      remote,
      repo,
      cleanup: async () => {
        await repo.cleanup();
        await remote.cleanup();
      },
    };
  } catch (e) {
    await remote.cleanup();
    throw e;
  }
}
