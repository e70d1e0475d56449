// The triggers' one contract: each event ("Trigger On" option) is a file of its own holding its
// parameters, its options, its poll, the shape of what it remembers and how it keys it; one
// dispatcher runs the chosen event for both triggers, paces it, and commits what it remembers only
// after a good poll (a failed poll neither loses nor repeats anything).
import type { IDataObject, INodeExecutionData, INodeProperties, INodePropertyOptions, IPollFunctions } from 'n8n-workflow';

import { AmazonRequestError } from '../errors';
import { checkEveryOption } from './options';
import { checkedRecently, commitState } from './state';

export interface EventCheck<Connection> {
	connection: Connection;
	/** What the last good poll of this event kept; undefined on its first poll (and after a change of event). */
	state: IDataObject | undefined;
	/** "Fetch Test Event": give a sample now; nothing is remembered. */
	manual: boolean;
	options: IDataObject;
}

export interface TriggerEvent<Connection> {
	/** The "Trigger On" option. */
	option: INodePropertyOptions & { value: string };
	/** Its own parameters, shown when it is chosen. */
	parameters?: INodeProperties[];
	/** Its entries in the trigger's Options collection, shown when it is chosen. */
	options?: INodeProperties[];
	/** "Check at Most Every (Minutes)" when not set. */
	checkEveryMinutes: number;
	/**
	 * What it remembers, in the node's static data (saved with the workflow: keep it small), beside
	 * the dispatcher's `event` and `checkedAt`. Bumped when that shape changes: state of another
	 * version starts the event afresh, as its first poll does.
	 */
	stateVersion: number;
	/** Whether what it remembers asks for a poll now, whatever the pacing (a report still being made). */
	due?: (state: IDataObject) => boolean;
	/** One check: the items to emit, and what to remember (written only once this returns). */
	poll(this: IPollFunctions, check: EventCheck<Connection>): Promise<{ items: INodeExecutionData[]; state: IDataObject }>;
}

/** Keys the dispatcher keeps beside an event's own state. */
const DISPATCH_KEYS = ['event', 'checkedAt', 'stateVersion'];

/** Runs the chosen event for one poll of a trigger. */
export async function pollEvent<Connection>(
	this: IPollFunctions,
	events: Array<TriggerEvent<Connection>>,
	connect: (this: IPollFunctions) => Promise<Connection>,
): Promise<INodeExecutionData[][] | null> {
	const name = this.getNodeParameter('event') as string;
	const event = events.find((candidate) => candidate.option.value === name);
	if (!event) {
		throw new AmazonRequestError(`"${name}" is not an event of this trigger`, { description: 'Choose the event in "Trigger On".' });
	}
	const options = this.getNodeParameter('options', {}) as IDataObject;
	const staticData = this.getWorkflowStaticData('node');
	const manual = this.getMode() === 'manual';
	const state = keptState(staticData, name, event.stateVersion);
	// Another event (or another shape of state) starts afresh, as n8n's own triggers do when what they watch changes.
	if (!manual && state && !event.due?.(state) && checkedRecently(staticData, options.checkEveryMinutes, event.checkEveryMinutes)) return null;

	const result = await event.poll.call(this, { connection: await connect.call(this), state, manual, options });
	if (!manual) commitState(staticData, { event: name, checkedAt: new Date().toISOString(), stateVersion: event.stateVersion, ...result.state });
	return result.items.length ? [result.items] : null;
}

/**
 * The event's state from the last good poll, or undefined when there is none of this event and
 * version. (State written before events had a version counts as version 1 of the event it was
 * written by; the Appstore trigger's did not name its event, so it counts as the chosen one's.)
 */
function keptState(staticData: IDataObject, name: string, version: number): IDataObject | undefined {
	if (staticData.event !== undefined && staticData.event !== name) return undefined;
	if (Number(staticData.stateVersion ?? 1) !== version) return undefined;
	const state = Object.fromEntries(Object.entries(staticData).filter(([key]) => !DISPATCH_KEYS.includes(key)));
	return Object.keys(state).length ? state : undefined;
}

/**
 * A trigger's parameters, assembled from its events: the notice, "Trigger On", each event's own
 * parameters, and one Options collection (the pacing, then each event's options, sorted).
 */
export function triggerProperties<Connection>(
	notice: string,
	events: Array<TriggerEvent<Connection>>,
	defaultEvent: string,
	checkEvery: string,
): INodeProperties[] {
	const show = (values: string[]) => ({ show: { event: values } });
	const defaults = events.map((event) => `${event.checkEveryMinutes} for ${event.option.name}`).join(', ');
	return [
		{ displayName: notice, name: 'pollingNotice', type: 'notice', default: '' },
		{
			displayName: 'Trigger On',
			name: 'event',
			type: 'options',
			noDataExpression: true,
			options: events.map((event) => event.option).sort((a, b) => a.name.localeCompare(b.name)),
			default: defaultEvent,
		},
		// A parameter several events share (the marketplaces) is one parameter, shown for each of them.
		...sharedByEvents(events, (event) => event.parameters).map(({ events: shownFor, ...parameter }) => ({
			...parameter,
			displayOptions: { ...parameter.displayOptions, show: { ...parameter.displayOptions?.show, ...show(shownFor).show } },
		})),
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add option',
			default: {},
			options: [
				checkEveryOption(Math.max(...events.map((event) => event.checkEveryMinutes)), `${checkEvery} Default (minutes): ${defaults}.`),
				...sharedByEvents(events, (event) => event.options).map(({ events: shownFor, ...option }) => ({
					...option,
					displayOptions: { ...option.displayOptions, show: { ...option.displayOptions?.show, '/event': shownFor } },
				})),
			].sort((a, b) => a.displayName.localeCompare(b.displayName)),
		},
	];
}

/** The events' parameters (or options), each once, with the events that show it (the same name means the same parameter). */
function sharedByEvents<Connection>(
	events: Array<TriggerEvent<Connection>>,
	of: (event: TriggerEvent<Connection>) => INodeProperties[] | undefined,
): Array<INodeProperties & { events: string[] }> {
	const shared = new Map<string, INodeProperties & { events: string[] }>();
	for (const event of events) {
		for (const parameter of of(event) ?? []) {
			// Parameters a report type shows beside its own output are one per name and report type.
			const key = `${parameter.name}\u0000${JSON.stringify(parameter.displayOptions ?? {})}`;
			const known = shared.get(key);
			if (known) known.events.push(event.option.value);
			else shared.set(key, { ...parameter, events: [event.option.value] });
		}
	}
	return [...shared.values()];
}
