import type { INodeProperties } from 'n8n-workflow';

/** The triggers' own pacing: Poll Times defaults to every minute, which Amazon's quotas cannot take. */
export function checkEveryOption(defaultMinutes: number, description: string): INodeProperties {
	return {
		displayName: 'Check at Most Every (Minutes)',
		name: 'checkEveryMinutes',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: defaultMinutes,
		description: `Polls sooner than this after the last check do nothing, so a Poll Times of every minute does not call Amazon every minute. ${description} 0 checks on every poll.`,
	};
}
