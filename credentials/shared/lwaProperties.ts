// The properties both Login with Amazon credentials share, defined once: the client's ID and
// secret, where to send requests (Amazon, or Custom URLs such as the emulator), and the hidden,
// expirable access token n8n keeps for the credential's preAuthentication.
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { LWA_TOKEN_URL } from '../../nodes/shared/amazonEndpoints';

export const lwaClientProperties: INodeProperties[] = [
	{
		displayName: 'Client ID',
		name: 'clientId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'amzn1.application-oa2-client.…',
	},
	{
		displayName: 'Client Secret',
		name: 'clientSecret',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		required: true,
	},
];

/** Environment (Production, the API's own others, Custom) and the Custom environment's two URLs. */
export function environmentProperties(api: { name: string; baseUrl: string; others?: INodePropertyOptions[] }): INodeProperties[] {
	return [
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			options: [
				{ name: 'Production', value: 'production', description: `Amazon’s own Login with Amazon and ${api.name} endpoints` },
				...(api.others ?? []),
				{
					name: 'Custom',
					value: 'custom',
					description: 'Other endpoints: a proxy, or the Amazon emulator in the package’s source repository (npm run emulator) for trying it out',
				},
			],
			default: 'production',
		},
		{
			displayName: 'Token URL',
			name: 'tokenUrl',
			type: 'string',
			default: LWA_TOKEN_URL,
			required: true,
			displayOptions: { show: { environment: ['custom'] } },
		},
		{
			displayName: 'API Base URL',
			name: 'apiBaseUrl',
			type: 'string',
			default: api.baseUrl,
			required: true,
			displayOptions: { show: { environment: ['custom'] } },
		},
	];
}

export const accessTokenProperty: INodeProperties = {
	displayName: 'Access Token',
	name: 'accessToken',
	type: 'hidden',
	typeOptions: { expirable: true, password: true },
	default: '',
};
