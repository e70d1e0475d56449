import type { INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { DOCS } from '../shared/docs';
import { toTriggerError } from '../shared/errors';
import { appstoreTriggerProperties } from './trigger/description';
import { pollAppstore } from './trigger/poll';

export class AmazonAppstoreTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Amazon Appstore Trigger',
		name: 'amazonAppstoreTrigger',
		icon: { light: 'file:../../icons/amazonAppstore.svg', dark: 'file:../../icons/amazonAppstore.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ $parameter["event"] === "newMonthlyReport" ? "New Monthly Report Available" : "New Sales Transaction" }}',
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
			return await pollAppstore.call(this);
		} catch (error) {
			throw toTriggerError(this.getNode(), error);
		}
	}
}
