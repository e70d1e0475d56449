import { sleep } from 'n8n-workflow';

// n8n serves the editor, webhooks and other executions from the same process: a big report is
// parsed in slices, giving the event loop a turn between them.
const SLICE_MS = 100;

let sliceStarted = Date.now();

/** Gives the event loop a turn when this slice of work has run long enough. Cheap otherwise. */
export async function breathe(): Promise<void> {
	if (Date.now() - sliceStarted < SLICE_MS) return;
	await sleep(0);
	sliceStarted = Date.now();
}

/**
 * The chunks of `source`, each passed on only once `ready` has no wait to ask for: a consumer
 * downstream that falls behind (a file being stored) holds the download, so nothing piles up.
 */
export async function* paced<T>(source: AsyncIterable<T>, ready: () => Promise<void> | undefined): AsyncGenerator<T> {
	for await (const chunk of source) {
		const waiting = ready();
		if (waiting) await waiting;
		yield chunk;
	}
}
