// What the emulator's parts share: requests as recorded, replies, and the clock tests move.

export interface RecordedRequest {
	method: string;
	path: string;
	query: Record<string, string>;
	headers: Record<string, string | undefined>;
	body: string;
	/** When it arrived, in ms since the epoch. */
	at: number;
	/** The status the emulator answered with; undefined while pending or when the connection dropped. */
	status?: number;
}

export interface Reply {
	status: number;
	headers?: Record<string, string>;
	body?: string | Uint8Array;
	/** Drop the connection after sending this many bytes of the body (headers promise all of it). */
	cutAfterBytes?: number;
	/** With `cutAfterBytes`: keep the connection open this long before resetting it (the client reads what came). */
	cutHoldMs?: number;
}

/** A clock that tests can move forward: token and link expiry follow it. */
export class EmulatorClock {
	private offsetMs = 0;

	now(): number {
		return Date.now() + this.offsetMs;
	}

	advance(ms: number): void {
		this.offsetMs += ms;
	}

	reset(): void {
		this.offsetMs = 0;
	}
}
