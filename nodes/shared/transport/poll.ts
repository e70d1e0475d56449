// Waiting for Amazon to finish something it builds (a report, an analytics query): status checks
// quick at first, then once a minute, up to a deadline, each wait told and cancellable.
import { waitOrCancel } from './wait';

/** Poll delays: quick at first (most reports and queries finish in a minute), then every minute. */
const POLL_DELAYS_MS = [500, 1_000, 2_000, 4_000, 8_000, 15_000, 30_000, 60_000];

export interface PollOptions<T> {
	/** One status check (a paced API call). */
	check: () => Promise<T>;
	/** The status while Amazon is still working on it; undefined once it is finished. */
	processing: (value: T) => string | undefined;
	/** What is waited for, in messages: "report 5003 (GET_…)". */
	what: string;
	maxWaitMinutes: number;
	signal?: AbortSignal;
	/** Told before each wait. */
	progress: (message: string) => void;
}

export type PollOutcome<T> =
	| { finished: true; value: T }
	/** The deadline passed: the last answer, its status and how long was waited ("15m"). */
	| { finished: false; value: T; status: string; waited: string };

/** Checks until Amazon has finished, or the deadline; the last check is made at the deadline. */
export async function pollUntilFinished<T>(options: PollOptions<T>): Promise<PollOutcome<T>> {
	const started = Date.now();
	const deadline = started + options.maxWaitMinutes * 60_000;
	for (let poll = 0; ; poll++) {
		const value = await options.check();
		const status = options.processing(value);
		if (status === undefined) return { finished: true, value };

		const now = Date.now();
		const waited = Math.round((now - started) / 1000);
		if (now >= deadline) return { finished: false, value, status, waited: formatDuration(waited) };
		// The last wait ends at the deadline, where one more check is made.
		const delay = Math.min(POLL_DELAYS_MS[Math.min(poll, POLL_DELAYS_MS.length - 1)], deadline - now);
		options.progress(
			`Waiting for ${options.what}: ${status} after ${formatDuration(waited)}, next check in ${formatDuration(Math.max(1, Math.round(delay / 1000)))}`,
		);
		await waitOrCancel(delay, options.signal, `${options.what} to finish`);
	}
}

export function formatDuration(seconds: number): string {
	if (seconds < 60) return `${seconds}s`;
	const minutes = Math.floor(seconds / 60);
	return seconds % 60 ? `${minutes}m ${seconds % 60}s` : `${minutes}m`;
}
