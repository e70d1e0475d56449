import { sleep } from 'n8n-workflow';

import { AmazonRequestError } from '../errors';

/** Waits, unless the execution is cancelled first: then it ends at once with a clear error. */
export async function waitOrCancel(ms: number, signal: AbortSignal | undefined, purpose: string): Promise<void> {
	try {
		await sleep(Math.max(0, Math.round(ms)), signal);
	} catch {
		// sleep() only rejects when the signal fires.
		throw cancelledError(purpose);
	}
}

export function cancelledError(purpose: string): AmazonRequestError {
	return new AmazonRequestError(`The execution was cancelled while waiting for ${purpose}`, { cancelled: true });
}

export function throwIfAborted(signal: AbortSignal | undefined, purpose: string): void {
	if (signal?.aborted) throw cancelledError(purpose);
}
