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
import { APPSTORE_API_BASE_URL, APPSTORE_SCOPE } from '../nodes/shared/amazonEndpoints';
import { accessTokenProperty, environmentProperties, lwaClientProperties } from './shared/lwaProperties';
import { lwaAccessToken } from '../nodes/shared/transport/lwaPreAuthentication';

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
		...lwaClientProperties,
		{
			// The Reporting API's only scope: fixed, not something to edit.
			displayName: 'Scope',
			name: 'scope',
			type: 'hidden',
			default: APPSTORE_SCOPE,
		},
		accessTokenProperty,
		...environmentProperties({ name: 'Reporting API', baseUrl: APPSTORE_API_BASE_URL }),
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
			baseURL: `={{$credentials.environment === "custom" ? $credentials.apiBaseUrl.replace(/\\/+$/, "") : "${APPSTORE_API_BASE_URL}"}}`,
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
