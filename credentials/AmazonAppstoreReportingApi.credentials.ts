import type {
	IAuthenticateGeneric,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IHttpRequestHelper,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { appstoreConnection } from '../nodes/AmazonAppstore/transport/reportingApi';
import { lwaAccessToken } from '../nodes/shared/transport/lwaPreAuthentication';

const SCOPE = 'adx_reporting::appstore:marketer';

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
			// The Reporting API's only scope: fixed, not something to edit.
			displayName: 'Scope',
			name: 'scope',
			type: 'hidden',
			default: SCOPE,
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
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
						'Other endpoints: a proxy, or the Amazon emulator in the package’s source repository (npm run emulator) for trying it out',
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

	/**
	 * Exchanges the client credentials for an access token before a request needs one (n8n keeps it
	 * in the hidden, expirable Access Token field and calls this again when Amazon refuses it). It
	 * serves the Test button, and the HTTP Request node for endpoints this package does not cover;
	 * the package's own nodes keep their own shared token cache. A refusal says what to fix.
	 */
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject): Promise<IDataObject> {
		return await lwaAccessToken(this, (send) => appstoreConnection(credentials, send).lwa);
	}

	// Used by the Test button and the HTTP Request node (the package's nodes send the token themselves).
	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { Authorization: '=Bearer {{$credentials.accessToken}}' } },
	};

	// A real report request: 200, or 400 "Report not found" for a month without sales, both prove
	// access; Amazon answers "Request is not authorized." when the profile is not attached.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.environment === "custom" ? $credentials.apiBaseUrl.replace(/\\/+$/, "") : "https://developer.amazon.com"}}',
			url: '/api/appstore/download/report/sales/2018/01',
			ignoreHttpStatusErrors: true,
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'Message',
					value: 'Request is not authorized.',
					message: 'Amazon did not authorize the Reporting API for this security profile: attach it in the Developer Console (Apps & Services > API Access > Reporting API > Attach).',
				},
			},
		],
	};
}
