import { waitOrCancel } from './wait';

/**
 * A token bucket like the ones Amazon meters each operation with: `burst` requests may start at
 * once, then one every 1/`ratePerSecond` seconds. Shared by every item and node of this package
 * that calls the same operation, so the package throttles itself before Amazon has to.
 */
export class Pacer {
	private tokens: number;

	private updatedAt = Date.now();

	constructor(
		private readonly ratePerSecond: number,
		private readonly burst = 1,
	) {
		this.tokens = burst;
	}

	/** How long the next request would wait, in ms. */
	get delayMs(): number {
		this.refill();
		return this.tokens >= 1 ? 0 : ((1 - this.tokens) / this.ratePerSecond) * 1000;
	}

	async wait(signal?: AbortSignal, purpose = "a free slot in Amazon's rate limit"): Promise<void> {
		const delay = this.delayMs;
		// Take the token now (possibly going negative) so concurrent callers queue up behind us.
		this.tokens -= 1;
		if (delay > 0) await waitOrCancel(delay, signal, purpose);
	}

	private refill(): void {
		const now = Date.now();
		this.tokens = Math.min(this.burst, this.tokens + ((now - this.updatedAt) / 1000) * this.ratePerSecond);
		this.updatedAt = now;
	}
}
