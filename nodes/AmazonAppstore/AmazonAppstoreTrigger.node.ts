import type { INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { DOCS } from '../shared/docs';
import { toTriggerError } from '../shared/errors';
import { pollEvent } from '../shared/trigger/event';
import { appstoreTriggerProperties } from './trigger/description';
import { connectTrigger } from './trigger/connect';
import { APPSTORE_EVENTS } from './trigger/events';

export class AmazonAppstoreTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Amazon Appstore Trigger',
		name: 'amazonAppstoreTrigger',
		icon: { light: 'file:../../icons/amazonAppstore.svg', dark: 'file:../../icons/amazonAppstore.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: `={{ (${JSON.stringify(Object.fromEntries(APPSTORE_EVENTS.map((event) => [event.option.value, event.option.name])))})[$parameter["event"]] }}`,
		description: 'Starts the workflow on new Amazon Appstore sales, or when a monthly report appears',
		documentationUrl: DOCS.appstoreTrigger,
		defaults: { name: 'Amazon Appstore Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'amazonAppstoreReportingApi',
				required: true,
			},
		],
		properties: appstoreTriggerProperties,
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		try {
			return await pollEvent.call(this, APPSTORE_EVENTS, connectTrigger);
		} catch (error) {
			throw toTriggerError(this.getNode(), error);
		}
	}
}
