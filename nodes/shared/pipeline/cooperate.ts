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
