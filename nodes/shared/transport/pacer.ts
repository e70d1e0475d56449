import { waitOrCancel } from './wait';

/**
 * Spaces requests to one API so that no more than `requestsPerSecond` start in any second,
 * across every item and every node of this package that shares the pacer.
 */
export class Pacer {
	private nextSlot = 0;

	private readonly intervalMs: number;

	constructor(requestsPerSecond: number) {
		this.intervalMs = Math.ceil(1000 / requestsPerSecond);
	}

	async wait(signal?: AbortSignal): Promise<void> {
		const now = Date.now();
		const slot = Math.max(now, this.nextSlot);
		this.nextSlot = slot + this.intervalMs;
		if (slot > now) await waitOrCancel(slot - now, signal, 'a free slot in Amazon\'s rate limit');
	}
}
