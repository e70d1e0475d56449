import type { ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

export class AmazonAppstoreReportingApi implements ICredentialType {
	name = 'amazonAppstoreReportingApi';

	displayName = 'Amazon Appstore Reporting API';

	icon: Icon = {
		light: 'file:../icons/amazonAppstore.svg',
		dark: 'file:../icons/amazonAppstore.dark.svg',
	};

	documentationUrl =
		'https://developer.amazon.com/docs/reports-promo/reporting-api.html';

	properties: INodeProperties[] = [
		{
			displayName:
				'Create a security profile in the Amazon Developer Console and attach it to the Reporting API (Apps & Services > API Access > Reporting API). The Client ID and Client Secret are on its Web Settings tab.',
			name: 'setupNotice',
			type: 'notice',
			default: '',
		},
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
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'string',
			default: 'adx_reporting::appstore:marketer',
			description:
				'The Login with Amazon scope of the Reporting API. Keep the default unless Amazon gave you another one.',
		},
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			options: [
				{
					name: 'Production',
					value: 'production',
					description: 'Amazon’s own Login with Amazon and Reporting API endpoints',
				},
				{
					name: 'Custom',
					value: 'custom',
					description:
						'Other endpoints: a proxy, or the package’s built-in Amazon emulator for trying it out',
				},
			],
			default: 'production',
		},
		{
			displayName: 'Token URL',
			name: 'tokenUrl',
			type: 'string',
			default: 'https://api.amazon.com/auth/o2/token',
			required: true,
			displayOptions: { show: { environment: ['custom'] } },
		},
		{
			displayName: 'API Base URL',
			name: 'apiBaseUrl',
			type: 'string',
			default: 'https://developer.amazon.com',
			required: true,
			displayOptions: { show: { environment: ['custom'] } },
		},
	];
}
